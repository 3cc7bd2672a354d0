using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Driving;

/// <summary>
/// <c>POST /api/v1/taxi/positions</c>: an on-duty car's phone reports where it is, every few seconds, with the token
/// its driver's page was given on going on duty (<c>Authorization: Bearer …</c>). Nothing is written to the database:
/// the position goes to the dispatch map. Refusals are problem+json and change nothing.
/// </summary>
public static class PositionApi
{
    public const string Path = "/api/v1/taxi/positions";

    /// <param name="Latitude">WGS84 degrees.</param>
    /// <param name="Longitude">WGS84 degrees.</param>
    /// <param name="At">When the fix was taken (the device's clock); the server's time when absent.</param>
    public sealed record PositionReport(double? Latitude, double? Longitude, DateTimeOffset? At);

    public static void Map(WebApplication app)
    {
        app.MapPost(Path, async Task<Results<NoContent, ProblemHttpResult>> (HttpContext http, PositionReport? report, DriverDuty duty, DriverMap map, TaxiSync sync, Live.TaxiPush push,
            IOptionsMonitor<CityOptions> city, TimeProvider clock, IStringLocalizer<Text> t, CancellationToken ct) =>
        {
            var header = http.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
            if (duty.DriverOf(token) is not { } driverId) return Problem(StatusCodes.Status401Unauthorized, t["Taxi.Api.BadToken"]);
            if (report is not { Latitude: { } lat, Longitude: { } lon } || !double.IsFinite(lat) || !double.IsFinite(lon))
                return Problem(StatusCodes.Status400BadRequest, t["Taxi.Api.NoPosition"]);
            if (!city.CurrentValue.Bounds.Contains(lat, lon)) return Problem(StatusCodes.Status422UnprocessableEntity, t["Taxi.Api.OutsideCity"]);
            var at = report.At ?? clock.GetUtcNow();
            var refusal = map.Report(driverId, lat, lon, at);
            if (refusal == PositionRefusal.NotOnDuty && await duty.EnsureOnMapAsync(driverId, ct)) refusal = map.Report(driverId, lat, lon, at);
            if (refusal == PositionRefusal.None)
            {
                sync.PositionReported(driverId, lat, lon, at);
                // The rider's page (and a safe-ride link's) follows the car of a trip under way.
                if (map.Find(driverId) is { TripCallId: { } callId }) push.CarMoved(callId, lat, lon, at);
            }
            return refusal switch
            {
                PositionRefusal.None => TypedResults.NoContent(),
                PositionRefusal.NotOnDuty => Problem(StatusCodes.Status409Conflict, t["Taxi.Api.NotOnDuty"], "not-on-duty"),
                PositionRefusal.FromTheFuture => Problem(StatusCodes.Status422UnprocessableEntity, t["Taxi.Api.FromTheFuture"]),
                PositionRefusal.Outdated => Problem(StatusCodes.Status409Conflict, t["Taxi.Api.Outdated"], "outdated"),
                _ => Problem(StatusCodes.Status422UnprocessableEntity, t["Taxi.Api.ImpossibleJump"]),
            };
        }).WithTags("Taxi").WithSummary("An on-duty car's position (bearer: the token its driver's page holds); 204, or problem+json");
    }

    /// <param name="reason">For a 409, which conflict: "not-on-duty" (the shift is over: the page reloads) or "outdated" (a newer position is held: nothing to do).</param>
    private static ProblemHttpResult Problem(int status, string title, string? reason = null) =>
        TypedResults.Problem(statusCode: status, title: title, extensions: reason is null ? null : new Dictionary<string, object?> { ["reason"] = reason });
}
