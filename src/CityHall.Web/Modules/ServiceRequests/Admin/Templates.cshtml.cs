using System.Globalization;
using CityHall.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.ServiceRequests.Admin;

/// <summary>A department's stock replies: officials add them for their departments (administrators for any, or for all), and remove them.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + ServiceRequestsModule.Handle)]
public sealed class TemplatesModel(AppDbContext db, ServiceDirectory directory, AuditLog audit, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public TemplateInput Input { get; set; } = new();

    public IReadOnlyList<ReplyTemplate> Templates { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public ServiceDirectory.Snapshot Catalogue { get; private set; } = null!;

    private bool Admin => User.IsInRole(Roles.Administrator);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        await LoadAsync();
        var department = string.IsNullOrEmpty(Input.Department) ? null : Input.Department;
        if (department is null ? !Admin : !User.ActsForDepartment(department) || !Catalogue.DepartmentByCode.ContainsKey(department))
            ModelState.AddModelError("Input.Department", t["Reports.Templates.DepartmentNotYours"]);
        if (!ModelState.IsValid) return Page();
        var template = new ReplyTemplate { DepartmentCode = department, Title = Input.Title.Trim(), Body = Input.Body.Trim() };
        db.Add(template);
        await db.SaveChangesAsync();
        await audit.RecordAsync(User, "servicerequest.template.add", "reply-template", template.Id.ToString(CultureInfo.InvariantCulture), new { template.Title, department });
        return Redirect("/admin/service-requests/templates");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id)
    {
        var template = await db.Set<ReplyTemplate>().FirstOrDefaultAsync(x => x.Id == id);
        if (template is null) return NotFound();
        if (template.DepartmentCode is null ? !Admin : !User.ActsForDepartment(template.DepartmentCode)) return Forbid();
        db.Remove(template);
        await audit.RecordAsync(User, "servicerequest.template.delete", "reply-template", id.ToString(CultureInfo.InvariantCulture), new { template.Title });
        return Redirect("/admin/service-requests/templates");
    }

    public bool MayDelete(ReplyTemplate x) => x.DepartmentCode is null ? Admin : User.ActsForDepartment(x.DepartmentCode);

    private async Task LoadAsync()
    {
        Catalogue = await directory.GetAsync(HttpContext.RequestAborted);
        var mine = Admin ? Catalogue.DepartmentByCode.Keys.ToList() : User.Departments().ToList();
        var culture = CultureInfo.CurrentUICulture;
        DepartmentItems = [.. (Admin ? new[] { new SelectListItem(t["Reports.Templates.AllDepartments"], "") } : []),
            .. mine.Where(Catalogue.DepartmentByCode.ContainsKey).Select(d => new SelectListItem(Catalogue.DepartmentByCode[d].Name(culture), d))];
        Templates = await db.Set<ReplyTemplate>().AsNoTracking().Where(x => x.DepartmentCode == null || mine.Contains(x.DepartmentCode))
            .OrderBy(x => x.DepartmentCode).ThenBy(x => x.Title).ToListAsync();
    }
}

public sealed class TemplateInput
{
    [Display(Name = "Reports.Templates.Department")]
    public string? Department { get; set; }

    [Display(Name = "Reports.Templates.Name")]
    [Required(ErrorMessage = "Reports.Templates.NameRequired")]
    [StringLength(100, ErrorMessage = "Reports.Templates.NameLength")]
    public string Title { get; set; } = "";

    [Display(Name = "Reports.Templates.Body")]
    [Required(ErrorMessage = "Reports.Templates.BodyRequired")]
    [StringLength(4000, ErrorMessage = "Reports.Templates.BodyLength")]
    public string Body { get; set; } = "";
}
