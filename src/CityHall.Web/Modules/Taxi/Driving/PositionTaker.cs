using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Driving;

/// <summary>
/// Takes an on-duty car's position, however it arrived (the HTTP endpoint or the hub): inside the city, then onto the
/// dispatch map (which refuses a report from an off-duty driver, from the future, older than the one held or implying
/// an impossible speed), shared with the other nodes, and passed to the pages following the car's trip. A node that
/// hears from a driver it does not know reads them once (<see cref="DriverDuty.EnsureOnMapAsync"/>, in a scope of its
/// own: the common path touches no database).
/// </summary>
public sealed class PositionTaker(DriverMap map, TaxiSync sync, Live.TaxiPush push, IServiceScopeFactory scopes,
    IOptionsMonitor<CityOptions> city, TimeProvider clock)
{
    public async ValueTask<PositionRefusal> TakeAsync(long driverId, double latitude, double longitude, DateTimeOffset? at, CancellationToken ct)
    {
        if (!city.CurrentValue.Bounds.Contains(latitude, longitude)) return PositionRefusal.OutsideCity;
        var when = at ?? clock.GetUtcNow();
        var refusal = map.Report(driverId, latitude, longitude, when);
        if (refusal == PositionRefusal.NotOnDuty)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<DriverDuty>().EnsureOnMapAsync(driverId, ct)) refusal = map.Report(driverId, latitude, longitude, when);
        }
        if (refusal != PositionRefusal.None) return refusal;
        sync.PositionReported(driverId, latitude, longitude, when);
        // The rider's page (and a safe-ride link's) follows the car of a trip under way.
        if (map.Find(driverId) is { TripCallId: { } callId }) push.CarMoved(callId, latitude, longitude, when);
        return PositionRefusal.None;
    }
}
