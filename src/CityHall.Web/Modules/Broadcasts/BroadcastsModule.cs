using CityHall.Web.Platform.Search;
using CityHall.Web.Platform.Modules;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.Broadcasts;

/// <summary>
/// The city's broadcasting (TBS in Seoul): channels as data, weekly programme schedules with
/// exceptions, what is on now and next, programme pages with an .ics calendar, and the schedules
/// as open data. Serves the portal's broadcasting sector.
/// </summary>
public static class BroadcastsModule
{
    /// <summary>Staff who edit channels, programmes and schedule changes.</summary>
    public const string Edit = "broadcasts.edit";

    public static WebApplicationBuilder AddBroadcasts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<BroadcastOptions>(builder.Configuration.GetSection(BroadcastOptions.Section));
        services.AddModule(new ModuleDescriptor
        {
            Name = "Broadcasts",
            Permissions = [new(Edit, "Permission.EditBroadcasts", Roles.Official)],
            AdminMenu = [new("Admin.Menu.Broadcasts", "/admin/broadcasts", Edit, 400)],
            SectorServices =
            [
                new("broadcasting", "schedules", "Broadcasts.Sector.Title", "Broadcasts.Sector.Summary", "/broadcasts", "ico_volume", 10),
                new("culture", "schedules", "Broadcasts.Sector.Title", "Broadcasts.Sector.Summary", "/broadcasts", "ico_volume", 20),
            ],
            HomeBlocks = [new("on-air", "Broadcasts.Home.Title", "Broadcasts.Home.More", "/broadcasts", Public.OnAirNow.View, Public.OnAirNow.LoadAsync, 40)],
            SearchKinds = [new("broadcast", "Broadcasts.Search.Kind", 60, BroadcastSearch.ReadAsync)],
        });
        services.AddScoped<Platform.Hosting.IDataSeeder, BroadcastChannelsSeeder>();
        services.AddScoped<BroadcastGuide>();
        services.AddOpenDataSource<BroadcastsOpenData>();
        return builder;
    }

    public static WebApplication MapBroadcasts(this WebApplication app)
    {
        ProgrammeCalendar.Map(app);
        return app;
    }
}
