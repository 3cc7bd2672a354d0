using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Places;

/// <summary>
/// Nearest places without scanning them all, and without the database: every place's card (what
/// a list shows) in a <see cref="GeoGrid{T}"/> of cells about a kilometre wide, one grid per kind, held
/// in memory and only read once built. The snapshot also holds the kinds, the districts with
/// the middle of their places (where a "near me" by district starts) and the counts per kind.
/// It is rebuilt after the module changes places (<see cref="RebuildAsync"/>) and, for changes made
/// on another node, when the database's count or latest change differs (checked in the background at
/// most every 30 seconds). A rebuild makes a new snapshot and swaps it in when ready: searches keep
/// using the one they have meanwhile, so a staff edit or an import never stalls "near me". Only the
/// very first search, with nothing to serve yet, waits for a build.
/// </summary>
public sealed class PlaceIndex(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PlaceIndex> logger) : IDisposable
{
    /// <summary>The tag on the index's database queries (they show in logs and slow-query reports under it).</summary>
    public const string QueryTag = "place-index";

    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    /// <summary>What a list of places shows, and what its filters need.</summary>
    public sealed record Card(long Id, string Kind, string NameKo, string? NameEn, string? DistrictCode, string? Address,
        double Latitude, double Longitude, bool AlwaysOpen, TimeOnly? OpensAt, TimeOnly? ClosesAt, bool? WheelchairAccess, bool? AccessibleToilet)
    {
        public bool? IsOpenAt(TimeOnly now) => Place.IsOpenAt(AlwaysOpen, OpensAt, ClosesAt, now);

        public bool IsAccessible => AccessibleToilet == true || WheelchairAccess == true;

        /// <summary>A place's card, as a query projection (the index and the browse page read the same fields).</summary>
        public static readonly System.Linq.Expressions.Expression<Func<Place, Card>> Of = p => new Card(p.Id, p.KindCode, p.NameKo, p.NameEn, p.DistrictCode,
            p.RoadAddress ?? p.LotAddress, p.Latitude, p.Longitude, p.AlwaysOpen, p.OpensAt, p.ClosesAt, p.Accessibility.WheelchairAccess, p.Accessibility.AccessibleToilet);
    }

    public readonly record struct Hit(Card Place, double Meters);

    /// <summary>A kind with how many places it has, when one last changed, and the credits their sources ask for.</summary>
    public sealed record KindInfo(string Code, string NameKo, string NameEn, int Count, DateTime? UpdatedAt, IReadOnlyList<string> Attributions)
    {
        public string Name(System.Globalization.CultureInfo culture) => LocalizedText.Pick(culture, NameKo, NameEn);
    }

    /// <summary>A district with the middle (mean point) of its places, or null when it has none.</summary>
    public sealed record DistrictInfo(string Code, string NameKo, string NameEn, double? Latitude, double? Longitude)
    {
        public string Name(System.Globalization.CultureInfo culture) => LocalizedText.Pick(culture, NameKo, NameEn);
    }

    public sealed class Snapshot
    {
        internal Dictionary<string, GeoGrid<Card>> ByKind { get; } = new(StringComparer.Ordinal);
        public IReadOnlyList<KindInfo> Kinds { get; internal init; } = [];
        public IReadOnlyDictionary<string, KindInfo> KindByCode { get; internal init; } = new Dictionary<string, KindInfo>();
        public IReadOnlyList<DistrictInfo> Districts { get; internal init; } = [];
        public IReadOnlyDictionary<string, DistrictInfo> DistrictByCode { get; internal init; } = new Dictionary<string, DistrictInfo>();
        /// <summary>The districts as a select's options, "none" first (no database read: the near-me page is a hot path).</summary>
        public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> DistrictItems(string noneText) =>
            DistrictChoices.Items(Districts.Select(d => (d.Code, d.Name(System.Globalization.CultureInfo.CurrentUICulture))), noneText);

        internal int Count { get; init; }
        internal DateTime LatestChange { get; init; }
        internal DateTimeOffset CheckedAt { get; set; }

        /// <summary>
        /// Up to <paramref name="limit"/> places of the kind within <paramref name="radiusMeters"/> that pass
        /// <paramref name="where"/>, nearest first (equal distances by id).
        /// </summary>
        public IReadOnlyList<Hit> Nearest(string kind, double latitude, double longitude, double radiusMeters, int limit, Func<Card, bool>? where = null) =>
            ByKind.TryGetValue(kind, out var grid)
                ? [.. grid.Nearest(latitude, longitude, radiusMeters, limit, where).Select(h => new Hit(h.Value, h.Meters))]
                : [];
    }

    private readonly SemaphoreSlim building = new(1, 1);
    private volatile Snapshot? current;
    private int checking;

    /// <summary>
    /// Builds the index again from the database and swaps it in; completes when searches see the change.
    /// Called by whoever changed places (they wait, searches do not). The change is already saved: when
    /// the rebuild fails it is logged, and the next search starts the check that catches up.
    /// </summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await building.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var (count, latest) = await StateAsync(db, ct);
            current = await BuildAsync(db, count, latest, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Rebuilding the places index failed; searches use the index as it was until the next check");
            if (current is { } stale) stale.CheckedAt = DateTimeOffset.MinValue;
        }
        finally { building.Release(); }
    }

    /// <summary>The index as it stands. When it is due a check for other nodes' changes, the check runs in the background.</summary>
    public async ValueTask<Snapshot> GetAsync(CancellationToken ct = default)
    {
        var snapshot = current;
        if (snapshot is null) return await RefreshAsync(ct);
        if (clock.GetUtcNow() - snapshot.CheckedAt >= CheckEvery && Interlocked.CompareExchange(ref checking, 1, 0) == 0)
        {
            _ = Task.Run(async () =>
            {
                try { await RefreshAsync(CancellationToken.None); }
                catch (Exception ex) { logger.LogWarning(ex, "Checking the places index against the database failed; searches use the index as it was"); }
                finally { Volatile.Write(ref checking, 0); }
            }, CancellationToken.None);
        }
        return snapshot;
    }

    private static async Task<(int Count, DateTime Latest)> StateAsync(AppDbContext db, CancellationToken ct)
    {
        var places = db.Set<Place>().TagWith(QueryTag);
        var count = await places.CountAsync(ct);
        return (count, count == 0 ? DateTime.MinValue : await places.MaxAsync(p => p.UpdatedAt, ct));
    }

    private async Task<Snapshot> RefreshAsync(CancellationToken ct)
    {
        await building.WaitAsync(ct);
        try
        {
            var snapshot = current;
            if (snapshot is not null && clock.GetUtcNow() - snapshot.CheckedAt < CheckEvery) return snapshot;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var (count, latest) = await StateAsync(db, ct);
            if (snapshot is not null && snapshot.Count == count && snapshot.LatestChange == latest)
            {
                snapshot.CheckedAt = clock.GetUtcNow();
                return snapshot;
            }
            return current = await BuildAsync(db, count, latest, ct);
        }
        finally { building.Release(); }
    }

    private async Task<Snapshot> BuildAsync(AppDbContext db, int count, DateTime latest, CancellationToken ct)
    {
        var byKind = new Dictionary<string, GeoGrid<Card>>(StringComparer.Ordinal);
        var perKind = new Dictionary<string, int>(StringComparer.Ordinal);
        var sums = new Dictionary<string, (double Lat, double Lon, int N)>(StringComparer.Ordinal);
        await foreach (var card in db.Set<Place>().TagWith(QueryTag).AsNoTracking().Select(Card.Of).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!byKind.TryGetValue(card.Kind, out var grid)) byKind[card.Kind] = grid = new();
            grid.Set(card.Id, card.Latitude, card.Longitude, card);
            perKind[card.Kind] = perKind.GetValueOrDefault(card.Kind) + 1;
            if (card.DistrictCode is { } d)
            {
                var (lat, lon, m) = sums.GetValueOrDefault(d);
                sums[d] = (lat + card.Latitude, lon + card.Longitude, m + 1);
            }
        }
        // Per kind: the last change, and the credits its sources ask for (a few distinct values), from the database.
        var latestOfKind = await db.Set<Place>().TagWith(QueryTag).GroupBy(p => p.KindCode).Select(g => new { g.Key, Latest = g.Max(p => p.UpdatedAt) })
            .ToDictionaryAsync(x => x.Key, x => x.Latest, StringComparer.Ordinal, ct);
        var credits = (await db.Set<Place>().TagWith(QueryTag).Where(p => p.Attribution != null && p.Attribution != "").Select(p => new { p.KindCode, p.Attribution })
            .Distinct().ToListAsync(ct)).ToLookup(x => x.KindCode, x => x.Attribution!, StringComparer.Ordinal);
        var kinds = (await db.Set<PlaceKind>().AsNoTracking().OrderBy(k => k.Order).ThenBy(k => k.Code).ToListAsync(ct))
            .Select(k => new KindInfo(k.Code, k.NameKo, k.NameEn, perKind.GetValueOrDefault(k.Code),
                latestOfKind.TryGetValue(k.Code, out var changed) ? changed : null, [.. credits[k.Code].Order(StringComparer.Ordinal)])).ToList();
        var districts = (await db.Set<District>().AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct))
            .Select(d => sums.TryGetValue(d.Code, out var s)
                ? new DistrictInfo(d.Code, d.NameKo, d.NameEn, s.Lat / s.N, s.Lon / s.N)
                : new DistrictInfo(d.Code, d.NameKo, d.NameEn, null, null)).ToList();
        var snapshot = new Snapshot
        {
            Kinds = kinds,
            KindByCode = kinds.ToDictionary(k => k.Code, StringComparer.Ordinal),
            Districts = districts,
            DistrictByCode = districts.ToDictionary(d => d.Code, StringComparer.Ordinal),
            Count = count,
            LatestChange = latest,
            CheckedAt = clock.GetUtcNow(),
        };
        foreach (var (kind, grid) in byKind) snapshot.ByKind[kind] = grid;
        return snapshot;
    }

    public void Dispose() => building.Dispose();
}
