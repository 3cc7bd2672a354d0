using System.Globalization;
using System.Text.RegularExpressions;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.ServiceRequests.Admin;

/// <summary>
/// One service in the catalogue: its names, group and keywords, Open311 type, deadline rule and
/// whether it is offered; its questions (every Open311 datatype, list options one per line); and its
/// routing, city-wide and per district. Every change is audited, dated for Open311 discovery and
/// seen by the site at once.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + ServiceRequestsModule.EditCatalogue)]
public sealed partial class ServiceModel(AppDbContext db, ServiceDirectory directory, AuditLog audit, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public ServiceInput Input { get; set; } = new();
    [BindProperty] public AttributeInput NewAttribute { get; set; } = new();
    [BindProperty] public RouteInput NewRoute { get; set; } = new();

    public ServiceDefinition Service { get; private set; } = null!;
    public IReadOnlyList<ServiceRoute> Routes { get; private set; } = [];
    public ServiceDirectory.Snapshot Catalogue { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> TypeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> UnitItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DatatypeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];
    public string? Done { get; private set; }

    [GeneratedRegex("^[a-z0-9_]{1,64}$")]
    private static partial Regex AttributeCode();

    public async Task<IActionResult> OnGetAsync(string code, string? done)
    {
        if (!await LoadAsync(code)) return NotFound();
        Done = done;
        Input = ServiceInput.From(Service);
        NewAttribute.Order = Service.Attributes.Count == 0 ? 1 : Service.Attributes.Max(a => a.Order) + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(string code)
    {
        if (!await LoadAsync(code, tracked: true)) return NotFound();
        ClearOthers("Input");
        if (!ModelState.IsValid) return Page();
        Input.ApplyTo(Service);
        return await SavedAsync("details", new { Input.NameKo, Input.NameEn, Input.Type, Input.Unit, Input.Amount, Input.Extendable, Input.Active });
    }

    public async Task<IActionResult> OnPostAddAttributeAsync(string code)
    {
        if (!await LoadAsync(code, tracked: true)) return NotFound();
        ClearOthers("NewAttribute");
        var a = NewAttribute;
        var attributeCode = (a.Code ?? "").Trim();
        if (!AttributeCode().IsMatch(attributeCode)) ModelState.AddModelError("NewAttribute.Code", t["Reports.Catalogue.AttributeCodeFormat"]);
        else if (Service.Attributes.Any(x => x.Code == attributeCode)) ModelState.AddModelError("NewAttribute.Code", t["Reports.Catalogue.CodeTaken"]);
        if (Service.Attributes.Any(x => x.Order == a.Order)) ModelState.AddModelError("NewAttribute.Order", t["Reports.Catalogue.OrderTaken"]);
        var values = ParseValues(a.Values, out var badLine);
        var isList = a.Datatype is AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList;
        if (badLine is not null) ModelState.AddModelError("NewAttribute.Values", t["Reports.Catalogue.ValueLine", badLine]);
        else if (isList && values.Count == 0) ModelState.AddModelError("NewAttribute.Values", t["Reports.Catalogue.ValuesRequired"]);
        else if (!isList && values.Count > 0) ModelState.AddModelError("NewAttribute.Values", t["Reports.Catalogue.ValuesOnlyForLists"]);
        else if (values.Select(v => v.Key).Distinct().Count() != values.Count) ModelState.AddModelError("NewAttribute.Values", t["Reports.Catalogue.ValueKeysUnique"]);
        if (!ModelState.IsValid) return Page();
        Service.Attributes.Add(new ServiceAttribute
        {
            ServiceCode = Service.Code, Code = attributeCode, Variable = a.Variable, Datatype = a.Datatype, Required = a.Required && a.Variable, Order = a.Order,
            DescriptionKo = a.DescriptionKo.Trim(), DescriptionEn = a.DescriptionEn.Trim(),
            DatatypeDescriptionKo = (a.DatatypeDescriptionKo ?? "").Trim(), DatatypeDescriptionEn = (a.DatatypeDescriptionEn ?? "").Trim(), Values = values,
        });
        return await SavedAsync("attribute", new { attribute = attributeCode, datatype = a.Datatype.ToString(), a.Required, values = values.Count });
    }

    public async Task<IActionResult> OnPostDeleteAttributeAsync(string code, long id)
    {
        if (!await LoadAsync(code, tracked: true)) return NotFound();
        var attribute = Service.Attributes.FirstOrDefault(a => a.Id == id);
        if (attribute is null) return NotFound();
        Service.Attributes.Remove(attribute);
        db.Remove(attribute);
        return await SavedAsync("attribute-deleted", new { attribute = attribute.Code });
    }

    /// <summary>Sets the department for the city (no district) or for one district, replacing any route there.</summary>
    public async Task<IActionResult> OnPostRouteAsync(string code)
    {
        if (!await LoadAsync(code, tracked: true)) return NotFound();
        ClearOthers("NewRoute");
        var district = string.IsNullOrEmpty(NewRoute.District) ? null : NewRoute.District;
        if (district is not null && !Catalogue.DistrictByCode.ContainsKey(district)) ModelState.AddModelError("NewRoute.District", t["ServiceRequests.Error.DistrictUnknown"]);
        if (!Catalogue.DepartmentByCode.ContainsKey(NewRoute.Department ?? "")) ModelState.AddModelError("NewRoute.Department", t["Reports.CaseWork.DepartmentUnknown"]);
        if (!ModelState.IsValid) return Page();
        var existing = await db.Set<ServiceRoute>().FirstOrDefaultAsync(r => r.ServiceCode == Service.Code && r.DistrictCode == district);
        if (existing is null) db.Add(new ServiceRoute { ServiceCode = Service.Code, DistrictCode = district, DepartmentCode = NewRoute.Department! });
        else existing.DepartmentCode = NewRoute.Department!;
        return await SavedAsync("route", new { district, department = NewRoute.Department });
    }

    /// <summary>Removes a district's own route (the city-wide route stays: every service must reach a department).</summary>
    public async Task<IActionResult> OnPostDeleteRouteAsync(string code, long id)
    {
        if (!await LoadAsync(code, tracked: true)) return NotFound();
        var route = await db.Set<ServiceRoute>().FirstOrDefaultAsync(r => r.Id == id && r.ServiceCode == Service.Code && r.DistrictCode != null);
        if (route is null) return NotFound();
        db.Remove(route);
        return await SavedAsync("route-deleted", new { district = route.DistrictCode });
    }

    private async Task<IActionResult> SavedAsync(string what, object details)
    {
        Service.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(User, "servicerequest.catalogue." + what, "service", Service.Code, details);
        directory.Invalidate();
        return Redirect($"/admin/service-requests/catalogue/{Service.Code}?done={what}");
    }

    /// <summary>Each form posts only its own fields; the others' (empty) values are not this form's errors.</summary>
    private void ClearOthers(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        if (prefix != "Input") Input = ServiceInput.From(Service);
    }

    /// <summary>"key | 한국어 | English", one option per line; the English name may be left out.</summary>
    private static List<AttributeValue> ParseValues(string? text, out string? badLine)
    {
        badLine = null;
        var values = new List<AttributeValue>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length is < 2 or > 3 || parts[0].Length is 0 or > 64 || parts[1].Length is 0 or > 100 || (parts.Length == 3 && parts[2].Length > 100))
            {
                badLine = line;
                return [];
            }
            values.Add(new AttributeValue { Key = parts[0], NameKo = parts[1], NameEn = parts.Length == 3 && parts[2].Length > 0 ? parts[2] : parts[1] });
        }
        return values;
    }

    private async Task<bool> LoadAsync(string code, bool tracked = false)
    {
        var query = tracked ? db.Set<ServiceDefinition>() : db.Set<ServiceDefinition>().AsNoTracking();
        var found = await query.Include(s => s.Attributes).FirstOrDefaultAsync(s => s.Code == code);
        if (found is null) return false;
        Service = found;
        Service.Attributes = Service.Attributes.OrderBy(a => a.Order).ToList();
        Routes = await db.Set<ServiceRoute>().AsNoTracking().Where(r => r.ServiceCode == code).OrderBy(r => r.DistrictCode).ToListAsync();
        Catalogue = await directory.GetAsync(HttpContext.RequestAborted);
        var culture = CultureInfo.CurrentUICulture;
        TypeItems = Enum.GetValues<ServiceType>().Select(x => new SelectListItem(t[$"Reports.Catalogue.Type.{x}"], x.ToString())).ToList();
        UnitItems = Enum.GetValues<DeadlineUnit>().Select(x => new SelectListItem(t[$"Reports.Catalogue.UnitName.{x}"], x.ToString())).ToList();
        DatatypeItems = Enum.GetValues<AttributeDatatype>().Select(x => new SelectListItem(t[$"Reports.Catalogue.Datatype.{x}"], x.ToString())).ToList();
        DepartmentItems = [new(t["Reports.Case.ChooseDepartment"], ""), .. Catalogue.DepartmentByCode.Values.Select(d => new SelectListItem(d.Name(culture), d.Code))
            .OrderBy(i => i.Text, StringComparer.Create(culture, false))];
        DistrictItems = await DistrictChoices.ItemsAsync(db, t["Reports.Catalogue.CityWide"]);
        return true;
    }
}

public sealed class ServiceInput
{
    [Display(Name = "Reports.Catalogue.NameKo"), Required(ErrorMessage = "Reports.Catalogue.NameRequired"), StringLength(100, ErrorMessage = "Reports.Catalogue.NameLength")]
    public string NameKo { get; set; } = "";
    [Display(Name = "Reports.Catalogue.NameEn"), Required(ErrorMessage = "Reports.Catalogue.NameRequired"), StringLength(100, ErrorMessage = "Reports.Catalogue.NameLength")]
    public string NameEn { get; set; } = "";
    [Display(Name = "Reports.Catalogue.DescriptionKo"), StringLength(1000, ErrorMessage = "Reports.Catalogue.DescriptionLength")]
    public string? DescriptionKo { get; set; }
    [Display(Name = "Reports.Catalogue.DescriptionEn"), StringLength(1000, ErrorMessage = "Reports.Catalogue.DescriptionLength")]
    public string? DescriptionEn { get; set; }
    [Display(Name = "Reports.Catalogue.Group"), StringLength(50, ErrorMessage = "Reports.Catalogue.GroupLength")]
    public string? Group { get; set; }
    [Display(Name = "Reports.Catalogue.Keywords"), StringLength(500, ErrorMessage = "Reports.Catalogue.KeywordsLength")]
    public string? Keywords { get; set; }
    [Display(Name = "Reports.Catalogue.TypeLabel")]
    public ServiceType Type { get; set; }
    [Display(Name = "Reports.Catalogue.UnitLabel")]
    public DeadlineUnit Unit { get; set; }
    [Display(Name = "Reports.Catalogue.Amount"), Range(1, 365, ErrorMessage = "Reports.Catalogue.AmountRange")]
    public int Amount { get; set; } = 7;
    [Display(Name = "Reports.Catalogue.Extendable")]
    public bool Extendable { get; set; }
    [Display(Name = "Reports.Catalogue.ActiveLabel")]
    public bool Active { get; set; }
    [Display(Name = "Reports.Catalogue.Order"), Range(1, 10_000, ErrorMessage = "Reports.Catalogue.OrderRange")]
    public int Order { get; set; } = 1;

    public static ServiceInput From(ServiceDefinition s) => new()
    {
        NameKo = s.NameKo, NameEn = s.NameEn, DescriptionKo = s.DescriptionKo, DescriptionEn = s.DescriptionEn, Group = s.Group, Keywords = s.Keywords,
        Type = s.Type, Unit = s.Deadline.Unit, Amount = s.Deadline.Amount, Extendable = s.Deadline.Extendable, Active = s.Active, Order = s.Order,
    };

    public void ApplyTo(ServiceDefinition s)
    {
        s.NameKo = NameKo.Trim();
        s.NameEn = NameEn.Trim();
        s.DescriptionKo = (DescriptionKo ?? "").Trim();
        s.DescriptionEn = (DescriptionEn ?? "").Trim();
        s.Group = (Group ?? "").Trim();
        s.Keywords = (Keywords ?? "").Trim();
        s.Type = Type;
        s.Deadline.Unit = Unit;
        s.Deadline.Amount = Amount;
        s.Deadline.Extendable = Extendable;
        s.Active = Active;
        s.Order = Order;
    }
}

public sealed class AttributeInput
{
    [Display(Name = "Reports.Catalogue.AttributeCode")]
    public string? Code { get; set; }
    [Display(Name = "Reports.Catalogue.DatatypeLabel")]
    public AttributeDatatype Datatype { get; set; }
    [Display(Name = "Reports.Catalogue.Required")]
    public bool Required { get; set; }
    [Display(Name = "Reports.Catalogue.Variable")]
    public bool Variable { get; set; } = true;
    [Display(Name = "Reports.Catalogue.Order"), Range(1, 1000, ErrorMessage = "Reports.Catalogue.OrderRange")]
    public int Order { get; set; } = 1;
    [Display(Name = "Reports.Catalogue.QuestionKo"), Required(ErrorMessage = "Reports.Catalogue.QuestionRequired"), StringLength(500, ErrorMessage = "Reports.Catalogue.DescriptionLength")]
    public string DescriptionKo { get; set; } = "";
    [Display(Name = "Reports.Catalogue.QuestionEn"), Required(ErrorMessage = "Reports.Catalogue.QuestionRequired"), StringLength(500, ErrorMessage = "Reports.Catalogue.DescriptionLength")]
    public string DescriptionEn { get; set; } = "";
    [Display(Name = "Reports.Catalogue.HintKo"), StringLength(300, ErrorMessage = "Reports.Catalogue.DescriptionLength")]
    public string? DatatypeDescriptionKo { get; set; }
    [Display(Name = "Reports.Catalogue.HintEn"), StringLength(300, ErrorMessage = "Reports.Catalogue.DescriptionLength")]
    public string? DatatypeDescriptionEn { get; set; }
    [Display(Name = "Reports.Catalogue.Values")]
    public string? Values { get; set; }
}

public sealed class RouteInput
{
    [Display(Name = "Reports.List.District")]
    public string? District { get; set; }
    [Display(Name = "Reports.Track.Department")]
    public string? Department { get; set; }
}
