using CityHall.Web.Platform.Search;
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
            Datasets = [new("places-api", "Dataset.PlacesApi", "/api/v1/places", "JSON", "Dataset.PlacesApi.Description")],
            Figures = PlaceFigures.Definitions,
            Permissions = [new(Manage, "Permission.ManagePlaces", Roles.Official)],
            AdminMenu = [new("Admin.Menu.Places", "/admin/places", Manage, 300)],
            SectorServices =
            [
                new("facilities", "toilets-near", "Places.Sector.Toilets.Title", "Places.Sector.Toilets.Summary", "/places/near?kind=public-toilet", "ico_sch", 10),
                new("facilities", "wifi-near", "Places.Sector.Wifi.Title", "Places.Sector.Wifi.Summary", "/places/near?kind=wifi-zone", "ico_global", 20),
                new("facilities", "shelters-near", "Places.Sector.Shelters.Title", "Places.Sector.Shelters.Summary", "/places/near?kind=shelter", "ico_information", 30),
                new("facilities", "facilities", "Places.Sector.Facilities.Title", "Places.Sector.Facilities.Summary", "/places/kind/facility", "ico_all", 40),
                new("facilities", "all-places", "Places.Sector.All.Title", "Places.Sector.All.Summary", "/places", "ico_more", 50),
                new("food", "restaurants-near", "Places.Sector.Restaurants.Title", "Places.Sector.Restaurants.Summary", "/places/near?kind=restaurant", "ico_sch", 10),
                new("food", "model-restaurants-near", "Places.Sector.ModelRestaurants.Title", "Places.Sector.ModelRestaurants.Summary", "/places/near?kind=model-restaurant", "ico_like", 20),
                new("food", "restaurants", "Places.Sector.RestaurantList.Title", "Places.Sector.RestaurantList.Summary", "/places/kind/restaurant", "ico_all", 30),
                new("tourism", "tourist-spots", "Places.Sector.TouristSpots.Title", "Places.Sector.TouristSpots.Summary", "/places/kind/tourist-spot", "ico_flag", 10),
                new("tourism", "tourist-spots-near", "Places.Sector.TouristSpotsNear.Title", "Places.Sector.TouristSpotsNear.Summary", "/places/near?kind=tourist-spot", "ico_sch", 20),
            ],
            HomeBlocks = [new("toilets-near", "Places.Home.Title", "Places.Home.More", "/places/near?kind=" + Public.ToiletsNearCentre.Kind,
                Public.ToiletsNearCentre.View, Public.ToiletsNearCentre.LoadAsync, 30)],
            SearchKinds = [new("place", "Places.Search.Kind", 30, PlaceSearch.ReadAsync)],
        });
        services.AddOpenDataSource<PlacesOpenData>();
        services.Configure<Public.PlacesOptions>(builder.Configuration.GetSection(Public.PlacesOptions.Section));
        services.AddScoped<Platform.Hosting.IDataSeeder, PlaceKindsSeeder>();
        services.AddScoped<Platform.Hosting.IDataSeeder, PlacesDemoSeeder>();
        services.AddSingleton<PlaceIndex>();
        services.AddScoped<Contracts.IAddressPoints, Contracts.AddressPoints>();
        services.AddScoped<Import.PlaceImporter>();
        services.AddSingleton<Import.PlaceImportJobs>();
        services.AddSingleton<Platform.Import.IFileImport, Import.PlacesFileImport>();
        return builder;
    }

    public static WebApplication MapPlaces(this WebApplication app)
    {
        PlaceApi.Map(app);
        return app;
    }
}
