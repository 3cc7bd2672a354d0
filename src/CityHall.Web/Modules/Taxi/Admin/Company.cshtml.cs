using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.Taxi.Fleet;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.Taxi.Admin;

/// <summary>
/// Registers a taxi company or corrects it (suspending one keeps its drivers off duty), and names the company's staff:
/// the accounts that may register and manage its drivers. Audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + TaxiModule.Operate)]
public sealed class CompanyModel(AppDbContext db, UserManager<CityHallUser> users, AuditLog audit, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public CompanyInput Input { get; set; } = new();
    [BindProperty, Display(Name = "Taxi.Admin.StaffEmail"), StringLength(256, ErrorMessage = "Form.TooLong")] public string? StaffEmail { get; set; }

    public TaxiCompany? Company { get; private set; }
    public sealed record StaffMember(long Id, string? Email, string? Name);
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!FleetRules.TryRecordId(id, out var companyId)) return NotFound();
        if (companyId is { } known)
        {
            if (await LoadAsync(known, ct) is { } missing) return missing;
            FillInput();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        // Only the company's own fields are checked here; the staff form has its own handler.
        ModelState.Remove(nameof(StaffEmail));
        if (!FleetRules.TryRecordId(id, out var companyId)) return NotFound();
        if (companyId is { } known && await LoadAsync(known, ct) is { } missing) return missing;
        var registration = FleetRules.RegistrationNumber(Input.RegistrationNumber);
        if (registration is null) ModelState.AddModelError("Input.RegistrationNumber", t["Taxi.Error.RegistrationNumber"]);
        var phone = FleetRules.Phone(Input.Phone);
        if (phone is null) ModelState.AddModelError("Input.Phone", t["Taxi.Error.Phone"]);
        if (registration is not null && await db.Set<TaxiCompany>().AnyAsync(c => c.RegistrationNumber == registration && c.Id != (companyId ?? 0), ct))
            ModelState.AddModelError("Input.RegistrationNumber", t["Taxi.Error.RegistrationTaken"]);
        if (!ModelState.IsValid) return Page();

        var company = companyId is { } existing ? await db.Set<TaxiCompany>().SingleAsync(c => c.Id == existing, ct) : null;
        var before = company is null ? null : new { company.NameKo, company.NameEn, company.RegistrationNumber, company.Phone, company.Address, company.Active };
        if (company is null)
        {
            company = new TaxiCompany { NameKo = "", RegistrationNumber = "", Phone = "", CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(company);
        }
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        (company.NameKo, company.NameEn, company.RegistrationNumber, company.Phone, company.Address, company.Active) =
            (Input.NameKo!.Trim(), Clean(Input.NameEn), registration!, phone!, Clean(Input.Address), Input.Active);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, before is null ? "taxi.company.create" : "taxi.company.edit", "taxi-company", company.Id.ToString(CultureInfo.InvariantCulture),
            new { before, after = new { company.NameKo, company.NameEn, company.RegistrationNumber, company.Phone, company.Address, company.Active } }, ct);
        return Redirect($"/admin/taxi/companies/{company.Id}");
    }

    public async Task<IActionResult> OnPostAddStaffAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        ModelState.Clear();
        var user = string.IsNullOrWhiteSpace(StaffEmail) ? null : await users.FindByEmailAsync(StaffEmail.Trim());
        if (user is null) ModelState.AddModelError(nameof(StaffEmail), t["Taxi.Error.NoAccount"]);
        else if (Staff.Any(s => s.Email == user.Email)) ModelState.AddModelError(nameof(StaffEmail), t["Taxi.Error.AlreadyStaff"]);
        if (!ModelState.IsValid) { FillInput(); return Page(); }
        db.Add(new TaxiCompanyStaff { CompanyId = id, UserId = user!.Id, AddedAt = clock.GetUtcNow().UtcDateTime, AddedBy = User.FindFirstValue(ClaimTypes.NameIdentifier)! });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "taxi.company.staff.add", "taxi-company", id.ToString(CultureInfo.InvariantCulture), new { user.Id }, ct);
        return Redirect($"/admin/taxi/companies/{id}");
    }

    public async Task<IActionResult> OnPostRemoveStaffAsync(long id, long staffId, CancellationToken ct)
    {
        if (await db.Set<TaxiCompanyStaff>().FirstOrDefaultAsync(s => s.Id == staffId && s.CompanyId == id, ct) is not { } member) return NotFound();
        db.Remove(member);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "taxi.company.staff.remove", "taxi-company", id.ToString(CultureInfo.InvariantCulture), new { member.UserId }, ct);
        return Redirect($"/admin/taxi/companies/{id}");
    }

    private void FillInput() => Input = new CompanyInput
    {
        NameKo = Company!.NameKo, NameEn = Company.NameEn, RegistrationNumber = Company.RegistrationNumber, Phone = Company.Phone,
        Address = Company.Address, Active = Company.Active,
    };

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        if (await db.Set<TaxiCompany>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } company) return NotFound();
        Company = company;
        var staff = await db.Set<TaxiCompanyStaff>().AsNoTracking().Where(s => s.CompanyId == id).OrderBy(s => s.AddedAt).ToListAsync(ct);
        var ids = staff.Select(s => s.UserId).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, ct);
        Staff = [.. staff.Select(s => accounts.TryGetValue(s.UserId, out var a) ? new StaffMember(s.Id, a.Email, a.DisplayName) : new StaffMember(s.Id, null, null))];
        return null;
    }

    public sealed class CompanyInput
    {
        [Display(Name = "Taxi.Field.CompanyName"), Required(ErrorMessage = "Taxi.Error.CompanyName"), StringLength(100, ErrorMessage = "Form.TooLong")] public string? NameKo { get; set; }
        [Display(Name = "Taxi.Field.CompanyNameEn"), StringLength(100, ErrorMessage = "Form.TooLong")] public string? NameEn { get; set; }
        [Display(Name = "Taxi.Field.RegistrationNumber"), Required(ErrorMessage = "Taxi.Error.RegistrationNumber"), StringLength(20, ErrorMessage = "Form.TooLong")] public string? RegistrationNumber { get; set; }
        [Display(Name = "Taxi.Field.Phone"), Required(ErrorMessage = "Taxi.Error.Phone"), StringLength(20, ErrorMessage = "Form.TooLong")] public string? Phone { get; set; }
        [Display(Name = "Taxi.Field.Address"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? Address { get; set; }
        [Display(Name = "Taxi.Field.Active")] public bool Active { get; set; } = true;
    }
}
