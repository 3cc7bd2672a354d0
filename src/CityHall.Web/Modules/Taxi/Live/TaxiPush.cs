using Microsoft.AspNetCore.SignalR;

namespace CityHall.Web.Modules.Taxi.Live;

/// <summary>
/// Tells the taxi pages what changed, through <see cref="TaxiHub"/> (and, with Redis, its backplane to whichever node
/// holds the page's connection). Sending never holds up or fails what caused it: a message lost costs the page a
/// moment, since it also looks again now and then on its own.
/// </summary>
public sealed class TaxiPush(IHubContext<TaxiHub, ITaxiClient> hub, ILogger<TaxiPush> logger)
{
    /// <summary>Something about a driver's offers or trip changed (an offer made, withdrawn, lapsed; the trip cancelled).</summary>
    public void DriverChanged(long driverId) => Send(() => hub.Clients.Group(TaxiHub.DriverGroup(driverId)).Changed());

    /// <summary>A call changed (a car assigned, a step of the trip, no car found yet, cancelled, a newer safe-ride link).</summary>
    public void CallChanged(long callId) => Send(() => hub.Clients.Group(TaxiHub.CallGroup(callId)).Changed());

    /// <summary>A call's and its driver's pages both.</summary>
    public void CallChanged(long callId, long? driverId)
    {
        CallChanged(callId);
        if (driverId is { } driver) DriverChanged(driver);
    }

    /// <summary>The car of a call under way reported where it is.</summary>
    public void CarMoved(long callId, double latitude, double longitude, DateTimeOffset at) =>
        Send(() => hub.Clients.Group(TaxiHub.CallGroup(callId)).CarMoved(latitude, longitude, at));

    private void Send(Func<Task> send)
    {
        try
        {
            send().ContinueWith(t => logger.LogDebug(t.Exception, "Taxi: a page was not told of a change"),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Taxi: a page was not told of a change");
        }
    }
}
