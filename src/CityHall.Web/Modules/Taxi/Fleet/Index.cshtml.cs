using System.Security.Claims;

namespace CityHall.Web.Modules.Taxi.Fleet;

/// <summary>
/// A company's fleet, for its staff and the city's operators: every driver with their car, what it offers and whether
/// they are on duty. Without a company, the companies the signed-in person works for (straight to it when one).
/// </summary>
[Authorize]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public TaxiCompany? Company { get; private set; }
    public IReadOnlyList<TaxiDriver> Drivers { get; private set; } = [];
    public IReadOnlyList<TaxiCompany> Mine { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? companyId, CancellationToken ct)
    {
        if (companyId is null)
        {
            var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
            var ids = await db.Set<TaxiCompanyStaff>().Where(s => s.UserId == me).Select(s => s.CompanyId).ToListAsync(ct);
            Mine = await db.Set<TaxiCompany>().AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.NameKo).ToListAsync(ct);
            return Mine.Count == 1 ? Redirect($"/taxi/fleet/{Mine[0].Id}") : Page();
        }
        // Another company's fleet is answered as if it did not exist.
        if (!await FleetRules.MayManageAsync(db, User, companyId.Value, ct)) return NotFound();
        Company = await db.Set<TaxiCompany>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == companyId, ct);
        if (Company is null) return NotFound();
        Drivers = await db.Set<TaxiDriver>().AsNoTracking().Where(d => d.CompanyId == companyId)
            .OrderByDescending(d => d.Active).ThenBy(d => d.Name).ToListAsync(ct);
        return Page();
    }
}
