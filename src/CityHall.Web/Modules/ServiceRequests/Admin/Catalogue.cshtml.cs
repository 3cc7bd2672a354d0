using System.Globalization;
using System.Text.RegularExpressions;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.ServiceRequests.Admin;

/// <summary>The catalogue for administrators: every service (active or withdrawn) with its deadline and routes, and a new service.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + ServiceRequestsModule.EditCatalogue)]
public sealed partial class CatalogueModel(AppDbContext db, ServiceDirectory directory, AuditLog audit, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public NewServiceInput Input { get; set; } = new();

    public IReadOnlyList<ServiceDefinition> Services { get; private set; } = [];
    public ILookup<string, ServiceRoute> Routes { get; private set; } = Array.Empty<ServiceRoute>().ToLookup(r => r.ServiceCode);
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public ServiceDirectory.Snapshot Catalogue { get; private set; } = null!;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{1,31}$")]
    public static partial Regex CodePattern();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var code = Input.Code?.Trim() ?? ""; // an empty field binds as null ([Required] has said so already)
        if (code.Length > 0 && !CodePattern().IsMatch(code)) ModelState.AddModelError("Input.Code", t["Reports.Catalogue.CodeFormat"]);
        else if (Services.Any(s => s.Code == code)) ModelState.AddModelError("Input.Code", t["Reports.Catalogue.CodeTaken"]);
        if (!Catalogue.DepartmentByCode.ContainsKey(Input.Department ?? "")) ModelState.AddModelError("Input.Department", t["Reports.CaseWork.DepartmentUnknown"]);
        if (!ModelState.IsValid) return Page();
        db.Add(new ServiceDefinition
        {
            Code = code, NameKo = Input.NameKo.Trim(), NameEn = Input.NameEn.Trim(), Order = Services.Count == 0 ? 1 : Services.Max(s => s.Order) + 1,
            UpdatedAt = clock.GetUtcNow().UtcDateTime, Deadline = new DeadlineRule(),
        });
        db.Add(new ServiceRoute { ServiceCode = code, DepartmentCode = Input.Department! });
        await audit.RecordAsync(User, "servicerequest.catalogue.add", "service", code, new { Input.NameKo, Input.NameEn, Input.Department });
        directory.Invalidate();
        return Redirect($"/admin/service-requests/catalogue/{code}");
    }

    private async Task LoadAsync()
    {
        Catalogue = await directory.GetAsync(HttpContext.RequestAborted);
        Services = await db.Set<ServiceDefinition>().AsNoTracking().Include(s => s.Attributes).OrderBy(s => s.Order).ThenBy(s => s.Code).ToListAsync();
        Routes = (await db.Set<ServiceRoute>().AsNoTracking().ToListAsync()).ToLookup(r => r.ServiceCode);
        var culture = CultureInfo.CurrentUICulture;
        DepartmentItems = [new(t["Reports.Case.ChooseDepartment"], ""), .. Catalogue.DepartmentByCode.Values.Select(d => new SelectListItem(d.Name(culture), d.Code))
            .OrderBy(i => i.Text, StringComparer.Create(culture, false))];
    }

    public string DepartmentName(string code) => Catalogue.DepartmentByCode.TryGetValue(code, out var d) ? d.Name(CultureInfo.CurrentUICulture) : code;
}

public sealed class NewServiceInput
{
    [Display(Name = "Reports.Catalogue.Code")]
    [Required(ErrorMessage = "Reports.Catalogue.CodeFormat")]
    public string Code { get; set; } = "";

    [Display(Name = "Reports.Catalogue.NameKo")]
    [Required(ErrorMessage = "Reports.Catalogue.NameRequired")]
    [StringLength(100, ErrorMessage = "Reports.Catalogue.NameLength")]
    public string NameKo { get; set; } = "";

    [Display(Name = "Reports.Catalogue.NameEn")]
    [Required(ErrorMessage = "Reports.Catalogue.NameRequired")]
    [StringLength(100, ErrorMessage = "Reports.Catalogue.NameLength")]
    public string NameEn { get; set; } = "";

    [Display(Name = "Reports.Catalogue.CityWideDepartment")]
    public string? Department { get; set; }
}
