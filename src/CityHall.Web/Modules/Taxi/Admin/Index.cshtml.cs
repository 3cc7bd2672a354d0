namespace CityHall.Web.Modules.Taxi.Admin;

/// <summary>The taxi companies registered with the city: their numbers, how many drivers they have and how many are on duty.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + TaxiModule.Operate)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(TaxiCompany Company, int Drivers, int OnDuty);

    public IReadOnlyList<Row> Companies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var counts = await db.Set<TaxiDriver>().AsNoTracking().Where(d => d.Active)
            .GroupBy(d => d.CompanyId)
            .Select(g => new { g.Key, Drivers = g.Count(), OnDuty = g.Count(d => d.OnDutySince != null) })
            .ToDictionaryAsync(x => x.Key, ct);
        var companies = await db.Set<TaxiCompany>().AsNoTracking().OrderBy(c => c.NameKo).ToListAsync(ct);
        Companies = [.. companies.Select(c => counts.TryGetValue(c.Id, out var n) ? new Row(c, n.Drivers, n.OnDuty) : new Row(c, 0, 0))];
    }
}
