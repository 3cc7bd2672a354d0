using System.Security.Claims;
using CityHall.Web.Modules.Taxi.Calls;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Modules.Taxi.Driving;
using Microsoft.AspNetCore.SignalR;

namespace CityHall.Web.Modules.Taxi.Live;

/// <summary>What the taxi pages are told as it happens.</summary>
public interface ITaxiClient
{
    /// <summary>The driver's offers or trip, or the followed call, changed: the page fetches its live part again.</summary>
    Task Changed();

    /// <summary>The followed call's car reported a position (what the rider's and the tracking page show anyway).</summary>
    Task CarMoved(double latitude, double longitude, DateTimeOffset at);
}

/// <summary>
/// The taxi pages' push: a driver's phone joins its driver's group (an offer made, withdrawn or lapsed, a call cancelled),
/// a rider's page its call's group (a car assigned, the trip's steps, "no car yet", the car's positions), and a safe-ride
/// link's page the same call's group while the link is valid. The messages carry nothing the joining page may not show;
/// the pages fetch their live part again on <see cref="ITaxiClient.Changed"/>, so what they show is always the server's
/// rendering, and without the hub (or JavaScript) they still follow by polling or a link. Every answer goes through the
/// pages' form posts, never the hub.
/// <para>
/// The car's phone may also send its positions here (<see cref="Share"/> once with the shift's token, then
/// <see cref="Report"/>), which costs less than a request each over HTTP; both go through <see cref="PositionTaker"/>.
/// Services come as method parameters, so the thousands of reports a second build no database context.
/// </para>
/// </summary>
public sealed class TaxiHub : Hub<ITaxiClient>
{
    public const string Path = "/hubs/taxi";

    public static string DriverGroup(long driverId) => $"taxi:driver:{driverId}";
    public static string CallGroup(long callId) => $"taxi:call:{callId}";

    /// <summary>The signed-in driver's phone: offers and changes to their trip.</summary>
    [Authorize]
    public async Task Drive(DriverDuty duty)
    {
        if (Context.User?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || await duty.FindByUserAsync(userId, Context.ConnectionAborted) is not { Active: true } driver)
            throw new HubException("not-a-driver");
        await Groups.AddToGroupAsync(Context.ConnectionId, DriverGroup(driver.Id), Context.ConnectionAborted);
    }

    /// <summary>The rider's own open call (anyone else's, or one that has ended, is refused alike).</summary>
    [Authorize]
    public async Task Follow(long callId, AppDbContext db)
    {
        var userId = Context.User?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!await db.Set<TaxiCall>().AnyAsync(c => c.Id == callId && c.RiderId == userId && CallDesk.Open.Contains(c.State), Context.ConnectionAborted))
            throw new HubException("no-call");
        await Groups.AddToGroupAsync(Context.ConnectionId, CallGroup(callId), Context.ConnectionAborted);
    }

    /// <summary>
    /// A safe-ride link's page, while the link is valid (the trip under way, no newer text). When the trip ends or the link
    /// is replaced the page hears <see cref="ITaxiClient.Changed"/>, finds the link gone and leaves.
    /// </summary>
    [AllowAnonymous]
    public async Task Track(string token, SafeRide safeRide)
    {
        if (await safeRide.FindAsync(token, Context.ConnectionAborted) is not { } call || !SafeRide.Tracked.Contains(call.State))
            throw new HubException("no-trip");
        await Groups.AddToGroupAsync(Context.ConnectionId, CallGroup(call.Id), Context.ConnectionAborted);
    }

    /// <summary>The car's phone starts sending positions on this connection, with its shift's token (as the HTTP endpoint's bearer).</summary>
    [AllowAnonymous]
    public void Share(string token, PositionTokens tokens)
    {
        if (tokens.DriverOf(token, out var expires) is not { } driverId) throw new HubException("bad-token");
        Context.Items[SharingKey] = new Sharing(driverId, expires);
    }

    /// <summary>
    /// A position from a phone that called <see cref="Share"/>: null when taken, else why not (as the HTTP endpoint's
    /// refusals: the reason "not-on-duty" or "outdated" for a conflict, "bad-token" when the token ran out, and the text).
    /// </summary>
    [AllowAnonymous]
    public async Task<PositionAnswer?> Report(double latitude, double longitude, DateTimeOffset? at, PositionTaker positions, TimeProvider clock,
        IStringLocalizer<Text> t)
    {
        if (Context.Items[SharingKey] is not Sharing sharing || sharing.Expires <= clock.GetUtcNow())
            return new PositionAnswer("bad-token", t["Taxi.Api.BadToken"]);
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude)) return new PositionAnswer(null, t["Taxi.Api.NoPosition"]);
        var refusal = await positions.TakeAsync(sharing.DriverId, latitude, longitude, at, Context.ConnectionAborted);
        return refusal == PositionRefusal.None ? null : new PositionAnswer(PositionApi.Reason(refusal), PositionApi.Title(refusal, t));
    }

    private const string SharingKey = "taxi:sharing";

    private sealed record Sharing(long DriverId, DateTimeOffset Expires);
}

/// <summary>Why a position sent over the hub was not taken: a reason the page acts on (or none), and what it says.</summary>
public sealed record PositionAnswer(string? Reason, string Title);
