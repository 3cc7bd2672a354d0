using System.Security.Claims;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Accounts.Admin;

/// <summary>
/// An administrator gives an account its roles and, for officials, the departments whose cases
/// they handle; or lifts a lockout. Changes and their audit entry are saved together, and reach
/// the person's open sessions at the next session check (Accounts:SessionRevalidationInterval).
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PlatformPermissions.ManageUsers)]
public sealed class EditUserModel(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public List<string> SelectedRoles { get; set; } = [];
    [BindProperty] public List<int> SelectedDepartments { get; set; } = [];

    public CityHallUser Account { get; private set; } = null!;
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public bool LockedOut { get; private set; }
    public string? Message { get; private set; }

    private async Task<bool> LoadAsync(string id)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (user is null) return false;
        Account = user;
        LockedOut = user.LockoutEnd is { } end && end > clock.GetUtcNow();
        Departments = (await db.Set<Department>().AsNoTracking().ToListAsync())
            .OrderBy(d => d.Name(System.Globalization.CultureInfo.CurrentUICulture), StringComparer.CurrentCulture).ToList();
        return true;
    }

    private Task<List<string>> CurrentRolesAsync(string id) =>
        db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync();

    private Task<List<int>> CurrentDepartmentsAsync(string id) =>
        db.Set<StaffDepartment>().Where(m => m.UserId == id).Select(m => m.DepartmentId).ToListAsync();

    public async Task<IActionResult> OnGetAsync(string id, string? done = null)
    {
        if (!await LoadAsync(id)) return NotFound();
        SelectedRoles = await CurrentRolesAsync(id);
        SelectedDepartments = await CurrentDepartmentsAsync(id);
        Message = done switch { "saved" => t["Admin.User.Saved"].Value, "unlocked" => t["Admin.User.Unlocked"].Value, _ => null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var wanted = SelectedRoles.Where(r => Roles.All.Contains(r)).Distinct().ToList();
        var departmentIds = Departments.Select(d => d.Id).ToHashSet();
        var wantedDepartments = SelectedDepartments.Where(departmentIds.Contains).Distinct().ToList();
        var before = await CurrentRolesAsync(id);
        var beforeDepartments = await CurrentDepartmentsAsync(id);

        if (wanted.Contains(Roles.Official) && wantedDepartments.Count == 0)
            ModelState.AddModelError(nameof(SelectedDepartments), t["Admin.User.OfficialNeedsDepartment"]);
        if (!wanted.Any(Roles.Staff.Contains) && wantedDepartments.Count > 0)
            ModelState.AddModelError(nameof(SelectedDepartments), t["Admin.User.DepartmentsForStaffOnly"]);
        if (before.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator))
        {
            // The city must never be left without someone who can manage accounts.
            if (id == User.FindFirstValue(ClaimTypes.NameIdentifier))
                ModelState.AddModelError(nameof(SelectedRoles), t["Admin.User.CannotDemoteSelf"]);
            else if (!await OtherAdministratorExistsAsync(id))
                ModelState.AddModelError(nameof(SelectedRoles), t["Admin.User.LastAdministrator"]);
        }
        if (!ModelState.IsValid)
        {
            SelectedRoles = wanted;
            SelectedDepartments = wantedDepartments;
            return Page();
        }

        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var added = wanted.Except(before).ToList();
        var removed = before.Except(wanted).ToList();
        foreach (var role in added) db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleIds[role] });
        foreach (var role in removed) db.UserRoles.Remove(new IdentityUserRole<string> { UserId = id, RoleId = roleIds[role] });
        var joined = wantedDepartments.Except(beforeDepartments).ToList();
        var left = beforeDepartments.Except(wantedDepartments).ToList();
        foreach (var d in joined) db.Add(new StaffDepartment { UserId = id, DepartmentId = d });
        foreach (var d in left) db.Remove(new StaffDepartment { UserId = id, DepartmentId = d });

        if (added.Count + removed.Count + joined.Count + left.Count > 0)
        {
            string Code(int departmentId) => Departments.First(d => d.Id == departmentId).Code;
            await audit.RecordAsync(User, "user.access-changed", "User", id, new
            {
                email = Account.Email,
                rolesAdded = added,
                rolesRemoved = removed,
                departmentsAdded = joined.Select(Code),
                departmentsRemoved = left.Select(Code),
            });
        }
        return Redirect($"/admin/users/{id}?done=saved");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var user = await db.Users.FirstAsync(u => u.Id == id);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await audit.RecordAsync(User, "user.unlocked", "User", id, new { email = user.Email });
        return Redirect($"/admin/users/{id}?done=unlocked");
    }

    private Task<bool> OtherAdministratorExistsAsync(string id) =>
        db.UserRoles.Where(ur => ur.UserId != id)
            .Join(db.Roles.Where(r => r.Name == Roles.Administrator), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .AnyAsync();
}
