using System.Security.Claims;

namespace CityHall.Web.Modules.Cctv;

/// <summary>
/// What an official may see of a camera's status. The registry is the city's and every official with
/// <see cref="CctvModule.Manage"/> reads it, but whether a security camera is working, when it was last heard and its
/// outages are its department's business (and administrators'): to others, status shows only where it is public
/// (<see cref="CctvOptions.StatusIsPublic"/>).
/// </summary>
public sealed class StaffView(ClaimsPrincipal user, CctvOptions options)
{
    /// <summary>The departments whose cameras' status the official sees; null for every department (administrators).</summary>
    public IReadOnlyList<string>? Departments { get; } = user.IsInRole(Roles.Administrator) ? null : user.Departments();

    public bool SeesStatus(string departmentCode, CameraPurpose purpose) =>
        Departments is null || Departments.Contains(departmentCode) || options.StatusIsPublic(purpose);

    /// <summary>The cameras whose status the official sees: their departments' and those of public purposes (every camera for administrators).</summary>
    public IQueryable<Camera> WithVisibleStatus(IQueryable<Camera> cameras)
    {
        if (Departments is null) return cameras;
        var departments = Departments;
        var open = Enum.GetValues<CameraPurpose>().Where(options.StatusIsPublic).ToList();
        return cameras.Where(c => departments.Contains(c.DepartmentCode) || open.Contains(c.Purpose));
    }

    /// <summary>The outages the official may see: their departments' (all for administrators).</summary>
    public IQueryable<CameraOutage> Outages(IQueryable<CameraOutage> outages) =>
        Departments is null ? outages : outages.Where(o => Departments!.Contains(o.DepartmentCode));
}
