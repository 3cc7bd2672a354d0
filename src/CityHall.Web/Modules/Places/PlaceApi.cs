using System.Globalization;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Places;

/// <summary>
/// Open data and "near me" for apps: places of a kind nearest to a point (through <see cref="PlaceIndex"/>)
/// or by district, one place, and the kinds. Bad points, radii and limits are a 400 with the reason.
/// </summary>
public static class PlaceApi
{
    public const int MaxLimit = 100;
    public const double MaxRadiusMeters = 20_000;

    public sealed record Facts(bool? WheelchairAccess, bool? AccessibleToilet, bool? BabyChanging, bool? EmergencyBell, bool? Cctv);

    public sealed record PlaceDto(long Id, string Kind, string Name, string? NameEn, string? Description, string? RoadAddress, string? LotAddress,
        string? District, double Latitude, double Longitude, string? Phone, string? Website, string? OpeningHours, bool AlwaysOpen,
        string? OpensAt, string? ClosesAt, bool? OpenNow, Facts Accessibility, string? Attribution, double? DistanceMeters);

    public sealed record KindDto(string Code, string Name, string NameEn);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Places");

        api.MapGet("/place-kinds", async (AppDbContext db) => TypedResults.Ok(await db.Set<PlaceKind>().AsNoTracking().OrderBy(k => k.Order)
            .Select(k => new KindDto(k.Code, k.NameKo, k.NameEn)).ToListAsync()))
            .WithSummary("The kinds of place (public-toilet, restaurant, …)");

        api.MapGet("/places", async Task<IResult> (HttpContext http, AppDbContext db, PlaceIndex index, IStringLocalizer<Text> t, CityClock clock, string? kind, string? near, double? radius,
            int? limit, string? district, bool? openNow, bool? accessible, CancellationToken ct) =>
        {
            var take = limit ?? 10;
            if (take is < 1 or > MaxLimit) return Bad(t["Places.Api.Limit", MaxLimit]);
            var within = radius ?? 1000;
            if (!double.IsFinite(within) || within <= 0 || within > MaxRadiusMeters) return Bad(t["Places.Api.Radius", MaxRadiusMeters]);
            var places = await index.GetAsync(ct);
            if (!string.IsNullOrEmpty(kind) && !places.KindByCode.ContainsKey(kind)) return Bad(t["Places.Import.NoKind", kind]);
            var now = clock.TimeOfDay;

            if (!string.IsNullOrEmpty(near))
            {
                if (!TryPoint(near, out var lat, out var lon)) return Bad(t["Places.Api.Near"]);
                if (string.IsNullOrEmpty(kind)) return Bad(t["Places.Api.NearNeedsKind"]);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var hits = places.Nearest(kind, lat, lon, within, take, Filter(openNow == true, accessible == true, now));
                ServerTiming.Append(http, "nearest", started);
                var ids = hits.Select(h => h.Place.Id).ToList();
                var rows = await db.Set<Place>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                return TypedResults.Ok(hits.Where(h => rows.ContainsKey(h.Place.Id)).Select(h => ToDto(rows[h.Place.Id], now, h.Meters)).ToList());
            }

            var query = db.Set<Place>().AsNoTracking();
            if (!string.IsNullOrEmpty(kind)) query = query.Where(p => p.KindCode == kind);
            if (!string.IsNullOrEmpty(district)) query = query.Where(p => p.DistrictCode == district);
            if (accessible == true) query = query.Where(p => p.Accessibility.AccessibleToilet == true || p.Accessibility.WheelchairAccess == true);
            if (openNow == true) query = query.Where(Place.OpenAt(now));
            var list = await query.OrderBy(p => p.NameKo).ThenBy(p => p.Id).Take(take).ToListAsync(ct);
            return TypedResults.Ok(list.Select(p => ToDto(p, now, null)).ToList());
        }).WithSummary("Places of a kind nearest a point (near=lat,lon; radius in metres, default 1,000; limit ≤ 100), or by kind and district; filters openNow and accessible");

        api.MapGet("/places/{id:long}", async Task<IResult> (long id, AppDbContext db, CityClock clock, IStringLocalizer<Text> t, CancellationToken ct) =>
            await db.Set<Place>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } place
                ? TypedResults.Ok(ToDto(place, clock.TimeOfDay, null))
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["Places.Api.NoPlace"]))
            .WithSummary("One place");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Bad(string reason) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: reason);

    /// <summary>
    /// How long the nearest-place search took, as a Server-Timing entry ("nearest;dur=0.05", in
    /// milliseconds): browsers' developer tools show it, and the places benchmark reads it.
    /// </summary>
    /// <summary>The "open now" and "accessible" filters as the index applies them during its search (null: no filter).</summary>
    internal static Func<PlaceIndex.Card, bool>? Filter(bool openNow, bool accessible, TimeOnly now) => (openNow, accessible) switch
    {
        (false, false) => null,
        (true, false) => c => c.IsOpenAt(now) == true,
        (false, true) => c => c.IsAccessible,
        _ => c => c.IsAccessible && c.IsOpenAt(now) == true,
    };

    internal static bool TryPoint(string text, out double latitude, out double longitude)
    {
        latitude = longitude = 0;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out latitude)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out longitude)
            && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;
    }

    private static PlaceDto ToDto(Place p, TimeOnly now, double? meters) => new(p.Id, p.KindCode,
        LocalizedText.Pick(CultureInfo.CurrentUICulture, p.NameKo, p.NameEn ?? ""), p.NameEn,
        LocalizedText.Pick(CultureInfo.CurrentUICulture, p.DescriptionKo ?? "", p.DescriptionEn ?? "") is { Length: > 0 } d ? d : null,
        p.RoadAddress, p.LotAddress, p.DistrictCode, p.Latitude, p.Longitude, p.Phone, p.Website, p.OpeningHoursText, p.AlwaysOpen,
        p.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture), p.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture), p.IsOpenAt(now),
        new Facts(p.Accessibility.WheelchairAccess, p.Accessibility.AccessibleToilet, p.Accessibility.BabyChanging, p.Accessibility.EmergencyBell, p.Accessibility.Cctv),
        p.Attribution, meters is { } m ? Math.Round(m, 1) : null);
}
