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
        var text = string.Join(' ', address.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length is < MinLength or > MaxLength) return null;
        if (await MiddleOfAsync(db, text, ct) is { } exact) return exact;
        // "세종대로 175" → "세종대로": the street, when the building is not known.
        var lastSpace = text.LastIndexOf(' ');
        if (lastSpace > 0 && text[(lastSpace + 1)..].Any(char.IsDigit) && await MiddleOfAsync(db, text[..lastSpace], ct) is { } street)
            return street with { StreetOnly = true };
        return null;
    }

    private static async Task<Found?> MiddleOfAsync(AppDbContext db, string text, CancellationToken ct)
    {
        var points = await db.Set<Place>().AsNoTracking()
            .Where(p => (p.RoadAddress != null && p.RoadAddress.Contains(text)) || (p.LotAddress != null && p.LotAddress.Contains(text)))
            .Select(p => new { p.Latitude, p.Longitude }).Take(MaxMatches).ToListAsync(ct);
        return points.Count == 0 ? null : new Found(points.Average(p => p.Latitude), points.Average(p => p.Longitude), points.Count, false);
    }
}
