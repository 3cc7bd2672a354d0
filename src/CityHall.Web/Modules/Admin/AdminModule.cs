namespace CityHall.Web.Modules.Admin;

/// <summary>
/// The staff shell at /admin: dashboard, the menu every module registers, the audit log.
/// Access is checked by the platform's Admin-folder convention (permission admin.access, TOTP for staff).
/// </summary>
public static class AdminModule
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapAdmin(this WebApplication app) => app;
}
