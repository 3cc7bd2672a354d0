using CityHall.Web.Platform.Modules;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.Places;

/// <summary>
/// Places citizens look for near them (public toilets, restaurants, tourist spots, WiFi zones,
/// shelters, facilities): the places and their kinds, the importer of Seoul Open Data files
/// (CLI: <c>import places</c>), the in-memory spatial index, the pages (browse, a place, near me),
/// the API and the places as open data.
/// </summary>
public static class PlacesModule
{
    /// <summary>Staff who edit places and import files of them.</summary>
    public const string Manage = "places.manage";

    public static WebApplicationBuilder AddPlaces(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModule(new ModuleDescriptor
        {
            Name = "Places",
            Permissions = [new(Manage, "Permission.ManagePlaces", Roles.Official)],
            AdminMenu = [new("Admin.Menu.Places", "/admin/places", Manage, 300)],
            PortalSectors = [new("facilities", "/places/near?kind=public-toilet"), new("food", "/places/kind/restaurant"), new("tourism", "/places/kind/tourist-spot")],
        });
        services.AddOpenDataSource<PlacesOpenData>();
        services.Configure<Public.PlacesOptions>(builder.Configuration.GetSection(Public.PlacesOptions.Section));
        services.AddScoped<Platform.Hosting.IDataSeeder, PlaceKindsSeeder>();
        services.AddSingleton<PlaceIndex>();
        services.AddScoped<Import.PlaceImporter>();
        services.AddSingleton<Import.PlaceImportJobs>();
        services.AddSingleton<Platform.Hosting.ModuleVerb, Import.ImportPlacesVerb>();
        return builder;
    }

    public static WebApplication MapPlaces(this WebApplication app)
    {
        PlaceApi.Map(app);
        return app;
    }
}
