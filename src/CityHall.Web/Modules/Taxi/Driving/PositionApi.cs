using CityHall.Web.Modules.Taxi.Dispatch;
using Microsoft.AspNetCore.Http.HttpResults;

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
        app.MapPost(Path, async Task<Results<NoContent, ProblemHttpResult>> (HttpContext http, PositionReport? report, PositionTokens tokens, PositionTaker positions,
            IStringLocalizer<Text> t, CancellationToken ct) =>
        {
            var header = http.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
            if (tokens.DriverOf(token) is not { } driverId) return Problem(StatusCodes.Status401Unauthorized, t["Taxi.Api.BadToken"]);
            if (report is not { Latitude: { } lat, Longitude: { } lon } || !double.IsFinite(lat) || !double.IsFinite(lon))
                return Problem(StatusCodes.Status400BadRequest, t["Taxi.Api.NoPosition"]);
            return await positions.TakeAsync(driverId, lat, lon, report.At, ct) switch
            {
                PositionRefusal.None => TypedResults.NoContent(),
                var refusal => Problem(Status(refusal), Title(refusal, t), Reason(refusal)),
            };
        }).WithTags("Taxi").WithSummary("An on-duty car's position (bearer: the token its driver's page holds); 204, or problem+json");
    }

    public static int Status(PositionRefusal refusal) =>
        refusal is PositionRefusal.NotOnDuty or PositionRefusal.Outdated ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;

    /// <summary>What the driver's page says about a refused position.</summary>
    public static string Title(PositionRefusal refusal, IStringLocalizer<Text> t) => t[refusal switch
    {
        PositionRefusal.NotOnDuty => "Taxi.Api.NotOnDuty",
        PositionRefusal.FromTheFuture => "Taxi.Api.FromTheFuture",
        PositionRefusal.Outdated => "Taxi.Api.Outdated",
        PositionRefusal.OutsideCity => "Taxi.Api.OutsideCity",
        _ => "Taxi.Api.ImpossibleJump",
    }];

    /// <summary>For a 409, which conflict: "not-on-duty" (the shift is over: the page reloads) or "outdated" (a newer position is held: nothing to do).</summary>
    public static string? Reason(PositionRefusal refusal) => refusal switch
    {
        PositionRefusal.NotOnDuty => "not-on-duty",
        PositionRefusal.Outdated => "outdated",
        _ => null,
    };

    /// <param name="reason">For a 409, which conflict: "not-on-duty" (the shift is over: the page reloads) or "outdated" (a newer position is held: nothing to do).</param>
    private static ProblemHttpResult Problem(int status, string title, string? reason = null) =>
        TypedResults.Problem(statusCode: status, title: title, extensions: reason is null ? null : new Dictionary<string, object?> { ["reason"] = reason });
}
