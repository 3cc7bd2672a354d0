using CityHall.Web.Platform.ApiAccess;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.Developers;

/// <summary>
/// The developer portal: every public API of the city in one place with its reference, and one key per app for all
/// of them — with the scopes the app needs, its own rate, its usage by day, rotation without an outage. Modules check
/// keys through <see cref="IApiKeys"/> and declare their scopes in their descriptors. See README.md.
/// </summary>
public static class DevelopersModule
{
    /// <summary>The app-business centre's staff: mentoring sessions, demo days and the showcase.</summary>
    public const string Incubator = "developers.incubator";

    public static WebApplicationBuilder AddDevelopers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<DevelopersOptions>(builder.Configuration.GetSection(DevelopersOptions.Section));
        var enabled = builder.Configuration.GetValue($"{DevelopersOptions.Section}:Enabled", true);
        services.AddModule(new ModuleDescriptor
        {
            Name = "Developers",
            Enabled = enabled,
            Permissions = [new(Incubator, "Permission.Incubator", Roles.Official)],
            AdminMenu =
            [
                new("Admin.Menu.Incubator", "/admin/incubator", Incubator, 900),
            ],
            SearchKinds = [new("developers", "Developers.Search.Kind", 90, Portal.PortalSearch.ReadAsync)],
            SectorServices = [new("administration", "developers", "Developers.Sector.Title", "Developers.Sector.Summary", "/developers", "ico_setting", 25)],
        });
        services.AddMemoryCache();
        services.AddSingleton<Keys.KeyRateLimiter>();
        services.AddSingleton<Keys.KeyUsageMeter>();
        // Keys are checked wherever an API asks for one, so their counts are written even with the portal switched off.
        services.AddHostedService(sp => sp.GetRequiredService<Keys.KeyUsageMeter>());
        services.AddScoped<Portal.CityApis>();
        services.AddScoped<Keys.DeveloperKeys>();
        services.AddScoped<IApiKeys>(sp => sp.GetRequiredService<Keys.DeveloperKeys>());
        services.AddScoped<Platform.Identity.IPersonalDataContributor, Keys.DevelopersPersonalData>();
        return builder;
    }
}
