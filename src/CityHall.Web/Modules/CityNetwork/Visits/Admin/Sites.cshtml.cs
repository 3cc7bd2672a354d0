using System.Globalization;
using CityHall.Web.Modules.CityNetwork.Admin;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.CityNetwork.Visits.Admin;

/// <summary>
/// The places study visits are shown (names in Korean and English, address, the office that hosts, how many it takes):
/// added and changed here; a site no longer receiving visitors is set inactive rather than deleted, since past
/// programmes name it.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class SitesModel(AppDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public SiteInput Input { get; set; } = new();
    public IReadOnlyList<VisitSite> Sites { get; private set; } = [];
    public long? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (id is { } siteId)
        {
            if (Sites.FirstOrDefault(s => s.Id == siteId) is not { } site) return NotFound();
            Editing = siteId;
            Input = new SiteInput { Name = site.Name, NameEn = site.NameEn, Address = site.Address, Host = site.Host, Description = site.Description, Capacity = site.Capacity };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        await LoadAsync(ct);
        Editing = id;
        if (!ModelState.IsValid) return Page();
        VisitSite site;
        if (id is { } siteId)
        {
            if (await db.Set<VisitSite>().FirstOrDefaultAsync(s => s.Id == siteId, ct) is not { } found) return NotFound();
            site = found;
        }
        else site = db.Add(new VisitSite { Name = "", NameEn = "" }).Entity;
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        (site.Name, site.NameEn, site.Address, site.Host, site.Description, site.Capacity) =
            (Input.Name.Trim(), Input.NameEn.Trim(), Clean(Input.Address), Clean(Input.Host), Clean(Input.Description), Input.Capacity!.Value);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, id is null ? "network.visit-site.create" : "network.visit-site.edit", "network-visit-site",
            site.Id.ToString(CultureInfo.InvariantCulture), new { site.NameEn, site.Capacity }, ct);
        return Redirect("/admin/network/visit-sites?saved=true");
    }

    public async Task<IActionResult> OnPostActiveAsync(long id, bool active, CancellationToken ct)
    {
        if (await db.Set<VisitSite>().Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Active, active), ct) == 0) return NotFound();
        await audit.RecordAsync(User, "network.visit-site.active", "network-visit-site", id.ToString(CultureInfo.InvariantCulture), new { active }, ct);
        return Redirect("/admin/network/visit-sites");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Sites = await db.Set<VisitSite>().AsNoTracking().OrderByDescending(s => s.Active).ThenBy(s => s.Id).ToListAsync(ct);

    public sealed class SiteInput
    {
        [Display(Name = "Network.Visit.Site.Name"), Required(ErrorMessage = "Network.Visit.Site.NameRequired"), StringLength(VisitSite.NameMax, ErrorMessage = "Form.TooLong")]
        public string Name { get; set; } = "";
        [Display(Name = "Network.Visit.Site.NameEn"), Required(ErrorMessage = "Network.Visit.Site.NameRequired"), StringLength(VisitSite.NameMax, ErrorMessage = "Form.TooLong")]
        public string NameEn { get; set; } = "";
        [Display(Name = "Network.Visit.Site.Address"), StringLength(300, ErrorMessage = "Form.TooLong")] public string? Address { get; set; }
        [Display(Name = "Network.Visit.Site.Host"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? Host { get; set; }
        [Display(Name = "Network.Visit.Site.Description"), StringLength(VisitSite.DescriptionMax, ErrorMessage = "Form.TooLong")] public string? Description { get; set; }
        [Display(Name = "Network.Visit.Site.Capacity"), Required(ErrorMessage = "Network.Visit.Site.CapacityRange"), Range(1, 1000, ErrorMessage = "Network.Visit.Site.CapacityRange")]
        public int? Capacity { get; set; }
    }
}
