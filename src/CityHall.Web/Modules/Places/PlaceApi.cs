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

        api.MapGet("/places", async Task<IResult> (AppDbContext db, PlaceIndex index, CityClock clock, string? kind, string? near, double? radius,
            int? limit, string? district, bool? openNow, bool? accessible, CancellationToken ct) =>
        {
            var take = limit ?? 10;
            if (take is < 1 or > MaxLimit) return Bad($"limit must be from 1 to {MaxLimit}.");
            var within = radius ?? 1000;
            if (!double.IsFinite(within) || within <= 0 || within > MaxRadiusMeters) return Bad($"radius must be more than 0 and at most {MaxRadiusMeters:0} metres.");
            if (!string.IsNullOrEmpty(kind) && !await db.Set<PlaceKind>().AnyAsync(k => k.Code == kind, ct)) return Bad($"There is no kind '{kind}'.");
            var local = clock.Now;

            if (!string.IsNullOrEmpty(near))
            {
                if (!TryPoint(near, out var lat, out var lon)) return Bad("near must be \"latitude,longitude\" in WGS84 degrees.");
                if (string.IsNullOrEmpty(kind)) return Bad("near needs a kind.");
                // Filters are applied after the spatial search: ask the index for more than the page so enough remain.
                var filtered = openNow == true || accessible == true;
                var hits = await index.NearestAsync(kind, lat, lon, within, filtered ? Math.Min(take * 20, 2000) : take, ct);
                var ids = hits.Select(h => h.Id).ToList();
                var rows = await db.Set<Place>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                var result = hits.Where(h => rows.ContainsKey(h.Id)).Select(h => ToDto(rows[h.Id], local, h.Meters))
                    .Where(p => Keep(p, openNow, accessible)).Take(take).ToList();
                return TypedResults.Ok(result);
            }

            var query = db.Set<Place>().AsNoTracking();
            if (!string.IsNullOrEmpty(kind)) query = query.Where(p => p.KindCode == kind);
            if (!string.IsNullOrEmpty(district)) query = query.Where(p => p.DistrictCode == district);
            if (accessible == true) query = query.Where(p => p.Accessibility.AccessibleToilet == true || p.Accessibility.WheelchairAccess == true);
            var list = await query.OrderBy(p => p.NameKo).ThenBy(p => p.Id).Take(openNow == true ? take * 20 : take).ToListAsync(ct);
            return TypedResults.Ok(list.Select(p => ToDto(p, local, null)).Where(p => Keep(p, openNow, null)).Take(take).ToList());
        }).WithSummary("Places of a kind nearest a point (near=lat,lon; radius in metres, default 1,000; limit ≤ 100), or by kind and district; filters openNow and accessible");

        api.MapGet("/places/{id:long}", async Task<IResult> (long id, AppDbContext db, CityClock clock, CancellationToken ct) =>
            await db.Set<Place>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } place
                ? TypedResults.Ok(ToDto(place, clock.Now, null))
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such place."))
            .WithSummary("One place");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Bad(string reason) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: reason);

    private static bool Keep(PlaceDto p, bool? openNow, bool? accessible) =>
        (openNow != true || p.OpenNow == true) && (accessible != true || p.Accessibility.AccessibleToilet == true || p.Accessibility.WheelchairAccess == true);

    internal static bool TryPoint(string text, out double latitude, out double longitude)
    {
        latitude = longitude = 0;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out latitude)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out longitude)
            && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;
    }

    /// <summary>Open at this local time: always, or between opening and closing (closing before opening runs past midnight); null when unknown.</summary>
    internal static bool? IsOpen(Place p, DateTimeOffset local)
    {
        if (p.AlwaysOpen) return true;
        if (p.OpensAt is not { } opens || p.ClosesAt is not { } closes) return null;
        var now = TimeOnly.FromDateTime(local.DateTime);
        return opens <= closes ? now >= opens && now < closes : now >= opens || now < closes;
    }

    private static PlaceDto ToDto(Place p, DateTimeOffset local, double? meters) => new(p.Id, p.KindCode,
        LocalizedText.Pick(CultureInfo.CurrentUICulture, p.NameKo, p.NameEn ?? ""), p.NameEn,
        LocalizedText.Pick(CultureInfo.CurrentUICulture, p.DescriptionKo ?? "", p.DescriptionEn ?? "") is { Length: > 0 } d ? d : null,
        p.RoadAddress, p.LotAddress, p.DistrictCode, p.Latitude, p.Longitude, p.Phone, p.Website, p.OpeningHoursText, p.AlwaysOpen,
        p.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture), p.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture), IsOpen(p, local),
        new Facts(p.Accessibility.WheelchairAccess, p.Accessibility.AccessibleToilet, p.Accessibility.BabyChanging, p.Accessibility.EmergencyBell, p.Accessibility.Cctv),
        p.Attribution, meters is { } m ? Math.Round(m, 1) : null);
}
