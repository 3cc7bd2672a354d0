using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Platform.Identity;

/// <summary>
/// Who holds a permission for a department: members of the department whose roles carry it (permissions come from
/// roles, <see cref="CityHallClaimsFactory"/>). Administrators act for every department but are not counted as its
/// members here: telling every administrator of every department's business would drown them.
/// </summary>
public sealed class PermissionHolders(AppDbContext db, ModuleRegistry modules)
{
    /// <summary>The permissions a person holds now, from their roles (what their next sign-in would carry) — for acts made without a session, through an API key.</summary>
    public async Task<IReadOnlySet<string>> OfUserAsync(string userId, CancellationToken ct)
    {
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(ct);
        return modules.PermissionsOf(roles).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<string>> InDepartmentAsync(string permission, string departmentCode, CancellationToken ct)
    {
        var roles = modules.Permissions.Where(p => p.Name == permission).SelectMany(p => p.DefaultRoles).Append(Roles.Administrator).Distinct().ToList();
        return await db.Set<StaffDepartment>()
            .Join(db.Set<City.Department>().Where(d => d.Code == departmentCode), m => m.DepartmentId, d => d.Id, (m, d) => m.UserId)
            .Where(userId => db.UserRoles.Any(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Distinct().ToListAsync(ct);
    }
}
