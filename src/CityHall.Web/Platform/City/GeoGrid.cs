namespace CityHall.Web.Platform.City;

/// <summary>
/// Points in cells of 0.01° (about a kilometre) for "the N nearest within R" without measuring them all. A search
/// looks at the cells around the point ring by ring, keeps the nearest so far in a bounded heap, skips points whose
/// latitude alone puts them too far, and stops once no unseen cell can hold anything nearer. Points can be added,
/// moved and removed in constant time: places are added once per build of their index, taxis move every few
/// seconds. Not thread-safe: a built grid may be read by many, a changing one is guarded by its owner.
/// </summary>
public sealed class GeoGrid<T>
{
    /// <summary>Cell size in degrees (latitude: about 1.1 km; longitude: about 0.9 km at Seoul).</summary>
    private const double Cell = 0.01;

    /// <summary>A degree of latitude on the sphere <see cref="Geo"/> measures on, rounded down so the bound never skips a point it should keep.</summary>
    private const double MetersPerDegreeOfLatitude = 111_194.0;

    public readonly record struct Hit(long Id, T Value, double Meters);

    private readonly record struct Entry(long Id, double Latitude, double Longitude, T Value);

    private readonly Dictionary<(int, int), List<Entry>> cells = [];
    private readonly Dictionary<long, ((int, int) Cell, int Index)> locations = [];

    public int Count => locations.Count;

    /// <summary>Puts the point with this id at the position with this value, wherever it was before.</summary>
    public void Set(long id, double latitude, double longitude, T value)
    {
        var key = CellOf(latitude, longitude);
        var entry = new Entry(id, latitude, longitude, value);
        if (locations.TryGetValue(id, out var at))
        {
            if (at.Cell == key)
            {
                cells[key][at.Index] = entry;
                return;
            }
            RemoveAt(at);
        }
        if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
        locations[id] = (key, list.Count);
        list.Add(entry);
    }

    /// <summary>Takes the point out; false when it was not in the grid.</summary>
    public bool Remove(long id)
    {
        if (!locations.Remove(id, out var at)) return false;
        RemoveAt(at);
        return true;
    }

    /// <summary>The point's position and value, when it is in the grid.</summary>
    public bool TryGet(long id, out double latitude, out double longitude, out T value)
    {
        if (locations.TryGetValue(id, out var at))
        {
            var e = cells[at.Cell][at.Index];
            (latitude, longitude, value) = (e.Latitude, e.Longitude, e.Value);
            return true;
        }
        (latitude, longitude, value) = (0, 0, default!);
        return false;
    }

    // The last entry of the cell fills the hole, so removal never shifts a list.
    private void RemoveAt(((int, int) Cell, int Index) at)
    {
        var list = cells[at.Cell];
        var last = list.Count - 1;
        if (at.Index != last)
        {
            var moved = list[last];
            list[at.Index] = moved;
            locations[moved.Id] = (at.Cell, at.Index);
        }
        list.RemoveAt(last);
        if (list.Count == 0) cells.Remove(at.Cell);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> points within <paramref name="radiusMeters"/> whose value passes
    /// <paramref name="where"/>, nearest first (equal distances by id).
    /// </summary>
    public IReadOnlyList<Hit> Nearest(double latitude, double longitude, double radiusMeters, int limit, Func<T, bool>? where = null)
    {
        if (limit <= 0 || cells.Count == 0) return [];
        var (cx, cy) = CellOf(latitude, longitude);
        // The shortest ground distance across one cell, to know when further rings cannot hold anything nearer.
        var cellMeters = Cell * 111_320.0 * Math.Min(1, Math.Cos(latitude * Math.PI / 180));
        var maxRing = (int)Math.Ceiling(radiusMeters / cellMeters) + 1;
        // The nearest so far, farthest on top, never more than the limit: a candidate is only
        // measured exactly when it could still get in.
        var best = new PriorityQueue<Hit, (double Meters, long Id)>(limit + 1, FarthestFirst);
        var worst = radiusMeters;
        for (var ring = 0; ring <= maxRing; ring++)
        {
            foreach (var key in Ring(cx, cy, ring))
            {
                if (!cells.TryGetValue(key, out var points)) continue;
                foreach (var p in points)
                {
                    // No two points are nearer than their difference in latitude along a meridian.
                    if (Math.Abs(p.Latitude - latitude) * MetersPerDegreeOfLatitude > worst) continue;
                    var meters = Geo.Meters(latitude, longitude, p.Latitude, p.Longitude);
                    if (meters > radiusMeters || (best.Count == limit && (meters, p.Id).CompareTo(Top(best)) >= 0)) continue;
                    if (where is not null && !where(p.Value)) continue;
                    best.Enqueue(new Hit(p.Id, p.Value, meters), (meters, p.Id));
                    if (best.Count > limit) best.Dequeue();
                    if (best.Count == limit) worst = Top(best).Meters;
                }
            }
            // Anything in ring r+1 or beyond is at least r cell widths away.
            if (best.Count == limit && worst <= ring * cellMeters) break;
        }
        var hits = new Hit[best.Count];
        for (var i = hits.Length - 1; i >= 0; i--) hits[i] = best.Dequeue();
        return hits;
    }

    private static (double Meters, long Id) Top(PriorityQueue<Hit, (double Meters, long Id)> queue) => queue.TryPeek(out _, out var top) ? top : default;

    private static readonly Comparer<(double Meters, long Id)> FarthestFirst = Comparer<(double Meters, long Id)>.Create((a, b) => b.CompareTo(a));

    private static (int, int) CellOf(double latitude, double longitude) => ((int)Math.Floor(latitude / Cell), (int)Math.Floor(longitude / Cell));

    private static IEnumerable<(int, int)> Ring(int cx, int cy, int r)
    {
        if (r == 0) { yield return (cx, cy); yield break; }
        for (var x = cx - r; x <= cx + r; x++) { yield return (x, cy - r); yield return (x, cy + r); }
        for (var y = cy - r + 1; y <= cy + r - 1; y++) { yield return (cx - r, y); yield return (cx + r, y); }
    }
}
