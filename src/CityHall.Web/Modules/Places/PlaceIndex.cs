using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Places;

/// <summary>
/// Nearest places without scanning them all: every place's point in a grid of cells about a
/// kilometre wide, one grid per kind, held in memory. A search looks at the cells around the point
/// ring by ring and stops as soon as no unseen cell can hold anything nearer than what it has.
/// The grid is rebuilt after the module changes places (<see cref="Invalidate"/>) and, for changes
/// made on another node, when the database's count or latest change differs (checked at most every
/// 30 seconds).
/// </summary>
public sealed class PlaceIndex(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    /// <summary>Cell size in degrees (latitude: about 1.1 km; longitude: about 0.9 km at Seoul).</summary>
    private const double Cell = 0.01;
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    public readonly record struct Point(long Id, double Latitude, double Longitude);
    public readonly record struct Hit(long Id, double Meters);

    private sealed record Grid(Dictionary<string, Dictionary<(int, int), List<Point>>> ByKind, int Count, DateTime LatestChange, DateTimeOffset CheckedAt);

    private readonly SemaphoreSlim building = new(1, 1);
    private Grid? grid;

    public void Invalidate() => grid = null;

    /// <summary>Up to <paramref name="limit"/> places of the kind within <paramref name="radiusMeters"/>, nearest first.</summary>
    public async Task<IReadOnlyList<Hit>> NearestAsync(string kind, double latitude, double longitude, double radiusMeters, int limit, CancellationToken ct = default)
    {
        var current = await CurrentAsync(ct);
        if (!current.ByKind.TryGetValue(kind, out var cells) || limit <= 0) return [];
        var (cx, cy) = CellOf(latitude, longitude);
        // The shortest ground distance across one cell, to know when further rings cannot hold anything nearer.
        var cellMeters = Cell * 111_320.0 * Math.Min(1, Math.Cos(latitude * Math.PI / 180));
        var maxRing = (int)Math.Ceiling(radiusMeters / cellMeters) + 1;
        var best = new List<Hit>();
        for (var ring = 0; ring <= maxRing; ring++)
        {
            foreach (var key in Ring(cx, cy, ring))
            {
                if (!cells.TryGetValue(key, out var points)) continue;
                foreach (var p in points)
                {
                    var meters = Geo.Meters(latitude, longitude, p.Latitude, p.Longitude);
                    if (meters <= radiusMeters) best.Add(new Hit(p.Id, meters));
                }
            }
            // Anything in ring r+1 or beyond is at least r cell widths away.
            if (best.Count >= limit)
            {
                best.Sort((a, b) => a.Meters.CompareTo(b.Meters));
                if (best[limit - 1].Meters <= ring * cellMeters) break;
            }
        }
        best.Sort((a, b) => a.Meters.CompareTo(b.Meters) != 0 ? a.Meters.CompareTo(b.Meters) : a.Id.CompareTo(b.Id));
        return best.Count > limit ? best.GetRange(0, limit) : best;
    }

    private static (int, int) CellOf(double latitude, double longitude) => ((int)Math.Floor(latitude / Cell), (int)Math.Floor(longitude / Cell));

    private static IEnumerable<(int, int)> Ring(int cx, int cy, int r)
    {
        if (r == 0) { yield return (cx, cy); yield break; }
        for (var x = cx - r; x <= cx + r; x++) { yield return (x, cy - r); yield return (x, cy + r); }
        for (var y = cy - r + 1; y <= cy + r - 1; y++) { yield return (cx - r, y); yield return (cx + r, y); }
    }

    private async Task<Grid> CurrentAsync(CancellationToken ct)
    {
        var current = grid;
        var now = clock.GetUtcNow();
        if (current is not null && now - current.CheckedAt < CheckEvery) return current;
        await building.WaitAsync(ct);
        try
        {
            current = grid;
            if (current is not null && clock.GetUtcNow() - current.CheckedAt < CheckEvery) return current;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var count = await db.Set<Place>().CountAsync(ct);
            var latest = count == 0 ? DateTime.MinValue : await db.Set<Place>().MaxAsync(p => p.UpdatedAt, ct);
            if (current is not null && current.Count == count && current.LatestChange == latest)
                return grid = current with { CheckedAt = clock.GetUtcNow() };
            var byKind = new Dictionary<string, Dictionary<(int, int), List<Point>>>(StringComparer.Ordinal);
            await foreach (var p in db.Set<Place>().AsNoTracking().Select(p => new { p.Id, p.KindCode, p.Latitude, p.Longitude }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!byKind.TryGetValue(p.KindCode, out var cells)) byKind[p.KindCode] = cells = [];
                var key = CellOf(p.Latitude, p.Longitude);
                if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
                list.Add(new Point(p.Id, p.Latitude, p.Longitude));
            }
            return grid = new Grid(byKind, count, latest, clock.GetUtcNow());
        }
        finally { building.Release(); }
    }

    public void Dispose() => building.Dispose();
}
