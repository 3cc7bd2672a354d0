using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Cctv.Public;

/// <summary>
/// A camera's notice, as the law asks one to be posted by it (Personal Information Protection Act, article 25(4)):
/// why it is there, where, what it looks at, who runs it and how to reach them, how long recordings are kept — the
/// department's own words when it wrote some. Whether it is working is shown only for the purposes the city
/// publishes. A camera taken down has no notice (404).
/// </summary>
public sealed class NoticeModel(AppDbContext db, IOptionsMonitor<CctvOptions> options, IOptionsMonitor<CityOptions> city) : PageModel
{
    public Camera Camera { get; private set; } = null!;
    public string? DistrictName { get; private set; }
    public string? DepartmentName { get; private set; }
    public bool StatusShown { get; private set; }
    public CityOptions City => city.CurrentValue;
    public int ViewRange => options.CurrentValue.ViewRangeMetres;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var wanted = code.ToUpperInvariant();
        if (await db.Set<Camera>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == wanted && c.RemovedOn == null, ct) is not { } camera) return NotFound();
        Camera = camera;
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        if (camera.DistrictCode is { } d) DistrictName = (await db.Set<District>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == d, ct))?.Name(culture);
        DepartmentName = (await db.Set<Department>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == camera.DepartmentCode, ct))?.Name(culture);
        StatusShown = options.CurrentValue.StatusIsPublic(camera.Purpose);
        return Page();
    }
}
