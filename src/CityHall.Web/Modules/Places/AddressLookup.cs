namespace CityHall.Web.Modules.Places;

/// <summary>
/// A point for an address a citizen types, from the addresses the city already knows: the places'
/// road and lot addresses. An address that matches gives the middle of its matches (one building
/// usually gives one point); when nothing matches and the address ends in a building number, the
/// street alone is tried, which gives the middle of the places known on it. No outside geocoder is
/// called, so what a citizen types never leaves the city's servers.
/// </summary>
public static class AddressLookup
{
    public const int MinLength = 2;
    public const int MaxLength = 100;
    private const int MaxMatches = 500;

    public sealed record Found(double Latitude, double Longitude, int Matches, bool StreetOnly);

    public static async Task<Found?> FindAsync(AppDbContext db, string address, CancellationToken ct)
    {
        if (Clean(address) is not { } text) return null;
        if (await MiddleOfAsync(db, text, ct) is { } exact) return exact;
        // "세종대로 175" → "세종대로": the street, when the building is not known.
        var lastSpace = text.LastIndexOf(' ');
        if (lastSpace > 0 && text[(lastSpace + 1)..].Any(char.IsDigit) && await MiddleOfAsync(db, text[..lastSpace], ct) is { } street)
            return street with { StreetOnly = true };
        return null;
    }

    /// <summary>
    /// The point of the one place listed under this whole name, in Korean or English in any case ("서울역", "seoul
    /// station"); null when none is, or several are (a chain's branches are no one point).
    /// </summary>
    public static async Task<Found?> PlaceNamedAsync(AppDbContext db, string name, CancellationToken ct)
    {
        if (Clean(name) is not { } text) return null;
        var lower = text.ToLowerInvariant();
        // lower() in SQL, on both databases; string.Equals with a comparison would not translate.
#pragma warning disable CA1862, CA1304, CA1311
        var places = await db.Set<Place>().AsNoTracking().Where(p => p.NameKo == text || (p.NameEn != null && p.NameEn.ToLower() == lower))
            .Select(p => new { p.Latitude, p.Longitude }).Take(2).ToListAsync(ct);
#pragma warning restore CA1862, CA1304, CA1311
        return places.Count == 1 ? new Found(places[0].Latitude, places[0].Longitude, 1, false) : null;
    }

    /// <summary>The text with its spaces made single, or null when too short or too long to look up.</summary>
    private static string? Clean(string text)
    {
        var clean = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return clean.Length is < MinLength or > MaxLength ? null : clean;
    }

    private static async Task<Found?> MiddleOfAsync(AppDbContext db, string text, CancellationToken ct)
    {
        var points = await db.Set<Place>().AsNoTracking()
            .Where(p => (p.RoadAddress != null && p.RoadAddress.Contains(text)) || (p.LotAddress != null && p.LotAddress.Contains(text)))
            .Select(p => new { p.Latitude, p.Longitude }).Take(MaxMatches).ToListAsync(ct);
        return points.Count == 0 ? null : new Found(points.Average(p => p.Latitude), points.Average(p => p.Longitude), points.Count, false);
    }
}
