using CityHall.Web.Platform.Import;
using CityHall.Web.Platform.Modules;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.Cctv;

/// <summary>
/// The city's CCTV registry and its accountability (no video anywhere): every camera site with its purpose, view,
/// retention and operator, imported from the published camera lists or entered by staff; recorders reporting which
/// cameras are alive, outages found and told to the department once; the public registry with each camera's notice.
/// See README.md for what is built and what comes next.
/// </summary>
public static class CctvModule
{
    /// <summary>The registry, recorders and keys, status and outages (edits only for the camera's own department).</summary>
    public const string Manage = "cctv.manage";

    public static WebApplicationBuilder AddCctv(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<CctvOptions>(builder.Configuration.GetSection(CctvOptions.Section));
        var enabled = builder.Configuration.GetValue($"{CctvOptions.Section}:Enabled", true);
        services.AddModule(new ModuleDescriptor
        {
            Name = "Cctv",
            Figures = CctvFigures.Definitions,
            Enabled = enabled,
            Permissions = [new(Manage, "Permission.ManageCctv", Roles.Official)],
            AdminMenu = [new("Admin.Menu.Cctv", "/admin/cctv", Manage, 660)],
            SearchKinds = [new("cctv-camera", "Cctv.Search.Kind", 35, CameraSearch.ReadAsync)],
            SectorServices =
            [
                new("living", "cctv", "Cctv.Sector.Registry.Title", "Cctv.Sector.Registry.Summary", "/cctv", "ico_information", 80),
            ],
        });
        services.AddScoped<Registry.CameraImporter>();
        services.AddSingleton<IFileImport, Registry.CamerasFileImport>();
        services.AddSingleton<Status.RecorderKeys>();
        services.AddSingleton<Coverage.CameraCoverage>();
        services.AddSingleton<Status.OutageWatch>();
        if (enabled) services.AddHostedService(sp => sp.GetRequiredService<Status.OutageWatch>());
        if (enabled) services.AddHostedService<Coverage.CoverageWarmer>();
        services.AddOpenDataSource<CamerasOpenData>();
        return builder;
    }

    public static WebApplication MapCctv(this WebApplication app)
    {
        Status.HeartbeatApi.Map(app);
        return app;
    }
}
