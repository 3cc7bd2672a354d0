using CityHall.Web.Platform.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CityHall.Web.Platform.Identity;

public static class PlatformPermissions
{
    /// <summary>Opens /admin; what a staff member can do there is decided by each module's permissions.</summary>
    public const string AccessAdmin = "admin.access";
    public const string ViewAudit = "audit.view";
    public const string ManageUsers = "users.manage";
    public const string ManageCity = "city.manage";

    public static readonly ModuleDescriptor Module = new()
    {
        Name = "Platform",
        Permissions =
        [
            new(AccessAdmin, "Permission.AccessAdmin", Roles.Official, Roles.Moderator),
            new(ViewAudit, "Permission.ViewAudit"),
            new(ManageUsers, "Permission.ManageUsers"),
            new(ManageCity, "Permission.ManageCity"),
        ],
        AdminMenu =
        [
            new("Admin.Menu.Dashboard", "/admin", AccessAdmin, 0),
            new("Admin.Menu.Users", "/admin/users", ManageUsers, 800),
            new("Admin.Menu.City", "/admin/city", ManageCity, 850),
            new("Admin.Menu.Audit", "/admin/audit", ViewAudit, 900),
        ],
    };
}

/// <summary>Puts the admin policy on every Razor Page under a folder named Admin.</summary>
public sealed class AdminFolderConvention(string policy) : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (model.ViewEnginePath.Contains("/Admin/", StringComparison.Ordinal))
            model.EndpointMetadata.Add(new AuthorizeAttribute(policy));
    }
}
