using System.Security.Claims;
using CityHall.Web.Platform.Modules;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Identity;

public static class PermissionClaims
{
    public const string Type = "cityhall:permission";

    /// <summary>The claim ASP.NET Core Identity adds when the sign-in used a second factor.</summary>
    public const string AuthenticationMethod = "amr";
    public const string MultiFactor = "mfa";

    public static bool IsStaff(this ClaimsPrincipal user) => Roles.Staff.Any(user.IsInRole);

    public static bool SignedInWithTwoFactor(this ClaimsPrincipal user) => user.HasClaim(AuthenticationMethod, MultiFactor);

    /// <summary>Whether the user holds the permission (or, for "a|b", any of them).</summary>
    public static bool HasPermission(this ClaimsPrincipal user, string permission) =>
        permission.Contains('|', StringComparison.Ordinal) ? permission.Split('|').Any(p => user.HasClaim(Type, p)) : user.HasClaim(Type, permission);

    /// <summary>Codes of the departments an official belongs to; their cases are the ones they may act on.</summary>
    public const string Department = "cityhall:department";

    /// <summary>
    /// The keyed hash of the person's verified identity, the district and the year of birth they gave, carried in the
    /// (encrypted) sign-in cookie so acts that need them (supporting a proposal) read no database row.
    /// Refreshed with the rest of the principal at each session revalidation.
    /// </summary>
    public const string VerifiedIdentity = "cityhall:verified-identity";
    public const string HomeDistrict = "cityhall:district";
    public const string BirthYear = "cityhall:birth-year";

    public static IReadOnlyList<string> Departments(this ClaimsPrincipal user) =>
        user.FindAll(Department).Select(c => c.Value).ToList();

    /// <summary>Administrators act for every department; others only for their own.</summary>
    public static bool ActsForDepartment(this ClaimsPrincipal user, string departmentCode) =>
        user.IsInRole(Roles.Administrator) || user.HasClaim(Department, departmentCode);
}

/// <summary>Puts the permissions of the user's roles into the cookie, so each check is a claim lookup.</summary>
public sealed class CityHallClaimsFactory(UserManager<CityHallUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options, ModuleRegistry modules, AppDbContext db)
    : UserClaimsPrincipalFactory<CityHallUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CityHallUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var userRoles = await UserManager.GetRolesAsync(user);
        foreach (var permission in modules.PermissionsOf(userRoles)) identity.AddClaim(new Claim(PermissionClaims.Type, permission));
        var departments = await db.Set<StaffDepartment>().Where(m => m.UserId == user.Id)
            .Join(db.Set<City.Department>(), m => m.DepartmentId, d => d.Id, (m, d) => d.Code).ToListAsync();
        foreach (var code in departments) identity.AddClaim(new Claim(PermissionClaims.Department, code));
        if (!string.IsNullOrEmpty(user.DisplayName)) identity.AddClaim(new Claim("display_name", user.DisplayName));
        if (user.VerifiedIdentityHash is { } verified)
        {
            identity.AddClaim(new Claim(PermissionClaims.VerifiedIdentity, verified));
            if (user.DistrictCode is { } district) identity.AddClaim(new Claim(PermissionClaims.HomeDistrict, district));
            if (user.BirthYear is { } year) identity.AddClaim(new Claim(PermissionClaims.BirthYear, year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        // Display preferences travel in the cookie so the layout needs no query per page.
        if (user.PrefersLargeText) identity.AddClaim(new Claim("pref", "large-text"));
        if (user.PrefersHighContrast) identity.AddClaim(new Claim("pref", "high-contrast"));
        return identity;
    }
}

/// <summary>
/// A named permission, or several separated by "|" of which any will do (a page serving writers of several kinds);
/// staff permissions also need a two-factor sign-in when the city requires it.
/// </summary>
public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

public sealed class PermissionHandler(IOptions<AccountOptions> options) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.HasPermission(requirement.Permission)
            && (!options.Value.RequireStaffTwoFactor || !user.IsStaff() || user.SignedInWithTwoFactor()))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Builds a policy for each permission name on first use: modules just say RequireAuthorization("x.y").</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "permission:";

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Prefix, StringComparison.Ordinal))
            return new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(policyName[Prefix.Length..])).Build();
        return await base.GetPolicyAsync(policyName);
    }

    public static string PolicyFor(string permission) => Prefix + permission;
}
