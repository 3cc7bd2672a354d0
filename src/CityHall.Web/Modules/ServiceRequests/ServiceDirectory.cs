using System.Globalization;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>
/// The catalogue as every request reads it: active services with their questions, routes, and the
/// names of districts and departments. Read from the database at most once a minute (and at once
/// after <see cref="Invalidate"/>, which catalogue edits call) instead of on every report and every
/// Open311 call; another node sees an edit within that minute.
/// </summary>
public sealed class ServiceDirectory(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim loading = new(1, 1);
    private Snapshot? current;
    /// <summary>Moved on by every <see cref="Invalidate"/>: a load that began before one may have read the catalogue before the edit.</summary>
    private long invalidations;

    public sealed record Unit(string Code, string NameKo, string NameEn)
    {
        public string Name(CultureInfo culture) => LocalizedText.Pick(culture, NameKo, NameEn);
    }

    /// <summary>One consistent view of the catalogue.</summary>
    public sealed class Snapshot(IReadOnlyList<ServiceDefinition> services, IReadOnlyList<ServiceRoute> routes,
        IReadOnlyList<Unit> districts, IReadOnlyList<Unit> departments, DateTime changedAt, DateTimeOffset loadedAt)
    {
        public IReadOnlyList<ServiceDefinition> Services { get; } = services;
        public IReadOnlyDictionary<string, ServiceDefinition> ByCode { get; } = services.ToDictionary(s => s.Code, StringComparer.Ordinal);
        public IReadOnlyList<Unit> Districts { get; } = districts;
        public IReadOnlyDictionary<string, Unit> DistrictByCode { get; } = districts.ToDictionary(d => d.Code);
        public IReadOnlyDictionary<string, Unit> DepartmentByCode { get; } = departments.ToDictionary(d => d.Code);
        /// <summary>When the catalogue last changed (Open311 discovery's changeset).</summary>
        public DateTime ChangedAt { get; } = changedAt;
        internal DateTimeOffset LoadedAt { get; } = loadedAt;
        private readonly ILookup<string, ServiceRoute> routesByService = routes.ToLookup(r => r.ServiceCode);

        /// <summary>The district's own route for the service if it has one, else the city-wide route.</summary>
        public string? DepartmentFor(string serviceCode, string? districtCode)
        {
            var routes = routesByService[serviceCode];
            return (routes.FirstOrDefault(r => r.DistrictCode is not null && r.DistrictCode == districtCode)
                ?? routes.FirstOrDefault(r => r.DistrictCode is null))?.DepartmentCode;
        }

        /// <summary>The district named in an address ("서울 강남구 테헤란로 …", "Gangnam-gu, Seoul"), if exactly one is.</summary>
        public string? DistrictInAddress(string? address)
        {
            if (string.IsNullOrWhiteSpace(address)) return null;
            var found = Districts.Where(d => address.Contains(d.NameKo, StringComparison.Ordinal)
                || address.Contains(d.NameEn, StringComparison.OrdinalIgnoreCase)).Select(d => d.Code).Distinct().ToList();
            return found.Count == 1 ? found[0] : null;
        }
    }

    public async Task<Snapshot> GetAsync(CancellationToken ct = default)
    {
        var snapshot = current;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < Lifetime) return snapshot;
        await loading.WaitAsync(ct);
        try
        {
            if (current is { } again && again != snapshot && clock.GetUtcNow() - again.LoadedAt < Lifetime) return again;
            var asOf = Interlocked.Read(ref invalidations);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var services = await db.Set<ServiceDefinition>().AsNoTracking().Where(s => s.Active).Include(s => s.Attributes)
                .OrderBy(s => s.Order).ThenBy(s => s.Code).ToListAsync(ct);
            foreach (var s in services) s.Attributes = s.Attributes.OrderBy(a => a.Order).ToList();
            var changedAt = await db.Set<ServiceDefinition>().MaxAsync(s => (DateTime?)s.UpdatedAt, ct) ?? DateTime.UnixEpoch;
            var routes = await db.Set<ServiceRoute>().AsNoTracking().ToListAsync(ct);
            var districts = await db.Set<District>().AsNoTracking().Select(d => new Unit(d.Code, d.NameKo, d.NameEn)).ToListAsync(ct);
            var departments = await db.Set<Department>().AsNoTracking().Select(d => new Unit(d.Code, d.NameKo, d.NameEn)).ToListAsync(ct);
            var loaded = new Snapshot(services, routes, districts, departments, changedAt, clock.GetUtcNow());
            // Kept for others only if no edit was announced meanwhile: otherwise a load that read the routes just before
            // an edit would be kept a minute after it, and the edit not seen.
            if (Interlocked.Read(ref invalidations) == asOf) current = loaded;
            return loaded;
        }
        finally { loading.Release(); }
    }

    /// <summary>Forget the cached view: the next read loads the catalogue again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref invalidations);
        current = null;
    }

    public void Dispose() => loading.Dispose();
}
