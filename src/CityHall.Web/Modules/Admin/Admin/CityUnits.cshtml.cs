using System.Globalization;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Admin.Admin;

/// <summary>
/// The city's departments and districts: administrators add them and correct their names.
/// Codes never change once made, because modules store them. A department can be removed
/// only while no one belongs to it; districts are not removed (accounts and cases refer to them).
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PlatformPermissions.ManageCity)]
public sealed class CityUnitsModel(AppDbContext db, AuditLog audit, IStringLocalizer<Text> t) : PageModel
{
    public const string DepartmentsKind = "departments";
    public const string DistrictsKind = "districts";

    [BindProperty] public CityUnitInput Input { get; set; } = new();

    public string Kind { get; private set; } = DepartmentsKind;
    public bool IsDepartments => Kind == DepartmentsKind;
    public IReadOnlyList<UnitRow> Rows { get; private set; } = [];
    /// <summary>The code being renamed, or null when the form adds a new one.</summary>
    public string? Editing { get; private set; }
    public string? Message { get; private set; }

    public sealed record UnitRow(string Code, string NameKo, string NameEn, int Members);

    private string Singular => IsDepartments ? "department" : "district";

    public async Task<IActionResult> OnGetAsync(string kind, string? edit = null, string? done = null)
    {
        Kind = kind;
        await LoadAsync();
        if (edit is not null)
        {
            var unit = await FindAsync(edit);
            if (unit is null) return NotFound();
            Editing = unit.Code;
            Input = new() { Code = unit.Code, NameKo = unit.NameKo, NameEn = unit.NameEn };
        }
        Message = done is "added" or "renamed" or "removed" ? t["Admin.Units.Done." + done].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string kind)
    {
        Kind = kind;
        var code = Input.Code.Trim().ToLowerInvariant();
        if (ModelState.IsValid && await FindAsync(code) is not null)
            ModelState.AddModelError("Input.Code", t["Admin.Units.CodeTaken"]);
        if (!ModelState.IsValid) { await LoadAsync(); return Page(); }
        ICityUnit unit = IsDepartments
            ? new Department { Code = code, NameKo = Input.NameKo.Trim(), NameEn = Input.NameEn.Trim() }
            : new District { Code = code, NameKo = Input.NameKo.Trim(), NameEn = Input.NameEn.Trim() };
        db.Add(unit);
        await audit.RecordAsync(User, $"{Singular}.added", Singular, code, new { nameKo = unit.NameKo, nameEn = unit.NameEn });
        return Redirect($"/admin/city/{Kind}?done=added");
    }

    public async Task<IActionResult> OnPostRenameAsync(string kind, string code)
    {
        Kind = kind;
        var unit = await FindAsync(code);
        if (unit is null) return NotFound();
        // The code is fixed; only the names are edited, so its errors do not apply here.
        ModelState.Remove("Input.Code");
        if (!ModelState.IsValid) { Editing = code; await LoadAsync(); return Page(); }
        var before = new { nameKo = unit.NameKo, nameEn = unit.NameEn };
        unit.NameKo = Input.NameKo.Trim();
        unit.NameEn = Input.NameEn.Trim();
        if (before.nameKo != unit.NameKo || before.nameEn != unit.NameEn)
            await audit.RecordAsync(User, $"{Singular}.renamed", Singular, code,
                new { before, after = new { nameKo = unit.NameKo, nameEn = unit.NameEn } });
        return Redirect($"/admin/city/{Kind}?done=renamed");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string kind, string code)
    {
        Kind = kind;
        if (!IsDepartments) return BadRequest();
        var department = await db.Set<Department>().FirstOrDefaultAsync(d => d.Code == code);
        if (department is null) return NotFound();
        if (await db.Set<StaffDepartment>().AnyAsync(m => m.DepartmentId == department.Id))
        {
            ModelState.Clear(); // the add form's fields were not part of this request
            ModelState.AddModelError("", t["Admin.Units.HasMembers", department.Name(CultureInfo.CurrentUICulture)]);
            await LoadAsync();
            return Page();
        }
        db.Remove(department);
        await audit.RecordAsync(User, "department.removed", "department", code,
            new { nameKo = department.NameKo, nameEn = department.NameEn });
        return Redirect($"/admin/city/{Kind}?done=removed");
    }

    private async Task<ICityUnit?> FindAsync(string code) => IsDepartments
        ? await db.Set<Department>().FirstOrDefaultAsync(d => d.Code == code)
        : await db.Set<District>().FirstOrDefaultAsync(d => d.Code == code);

    private async Task LoadAsync()
    {
        List<UnitRow> rows;
        if (IsDepartments)
        {
            rows = await db.Set<Department>().AsNoTracking()
                .Select(d => new UnitRow(d.Code, d.NameKo, d.NameEn, db.Set<StaffDepartment>().Count(m => m.DepartmentId == d.Id)))
                .ToListAsync();
        }
        else
        {
            rows = await db.Set<District>().AsNoTracking()
                .Select(d => new UnitRow(d.Code, d.NameKo, d.NameEn, db.Users.Count(u => u.DistrictCode == d.Code)))
                .ToListAsync();
        }
        Rows = rows.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }
}

public sealed class CityUnitInput
{
    [Display(Name = "Admin.Units.Code")]
    [Required(ErrorMessage = "Admin.Units.CodeRequired")]
    [RegularExpression("^[a-zA-Z0-9][a-zA-Z0-9-]{1,31}$", ErrorMessage = "Admin.Units.CodeFormat")]
    public string Code { get; set; } = "";

    [Display(Name = "Admin.Units.NameKo")]
    [Required(ErrorMessage = "Admin.Units.NameKoRequired")]
    [StringLength(100, ErrorMessage = "Admin.Units.NameTooLong")]
    public string NameKo { get; set; } = "";

    [Display(Name = "Admin.Units.NameEn")]
    [Required(ErrorMessage = "Admin.Units.NameEnRequired")]
    [StringLength(100, ErrorMessage = "Admin.Units.NameTooLong")]
    public string NameEn { get; set; } = "";
}
