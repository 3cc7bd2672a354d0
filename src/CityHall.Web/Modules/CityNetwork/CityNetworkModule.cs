using CityHall.Web.Platform.Modules;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.CityNetwork;

/// <summary>
/// The network of cities whose secretariat this city hosts (Seoul: WeGO, founded 2010): members and how they join,
/// the governing bodies and their decisions, and the public directory with its world map. English first on its public
/// pages: the network works in English, and its members' names are kept in their own scripts beside it.
/// </summary>
public static class CityNetworkModule
{
    /// <summary>The secretariat's work: members, applications, fees, governance (with the secretariat's department, see the options).</summary>
    public const string Manage = "network.manage";

    public static WebApplicationBuilder AddCityNetwork(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<CityNetworkOptions>(builder.Configuration.GetSection(CityNetworkOptions.Section));
        services.AddModule(new ModuleDescriptor
        {
            Name = "CityNetwork",
            Enabled = builder.Configuration.GetValue($"{CityNetworkOptions.Section}:Enabled", true),
            Permissions = [new(Manage, "Permission.ManageNetwork", Roles.Official)],
            AdminMenu = [new("Admin.Menu.Network", "/admin/network", Manage, 700)],
            SearchKinds =
            [
                new("network-member", "Network.Search.Members", 62, NetworkSearch.MembersAsync),
                new("library-case", "Network.Search.Library", 64, NetworkSearch.LibraryAsync),
            ],
            SectorServices =
            [
                new("administration", "network-members", "Network.Sector.Members.Title", "Network.Sector.Members.Summary", "/network/members", "ico_global", 60),
                new("administration", "network-awards", "Network.Sector.Awards.Title", "Network.Sector.Awards.Summary", "/network/awards", "ico_like", 61),
                new("administration", "network-join", "Network.Sector.Join.Title", "Network.Sector.Join.Summary", "/network/join", "ico_join", 62),
                new("administration", "network-visits", "Network.Sector.Visits.Title", "Network.Sector.Visits.Summary", "/network/visits", "ico_calendar", 63),
                new("administration", "network-library", "Network.Sector.Library.Title", "Network.Sector.Library.Summary", "/network/library", "ico_file", 64),
            ],
        });
        services.AddScoped<Members.MemberAdmission>();
        services.AddScoped<Governance.DecisionRecording>();
        services.AddScoped<Awards.AwardEntries>();
        services.AddScoped<Awards.AwardJury>();
        services.AddScoped<Awards.AwardEditions>();
        services.AddScoped<Awards.AwardCertificates>();
        services.AddScoped<Visits.VisitDesk>();
        services.AddScoped<Library.LibraryShelf>();
        services.AddScoped<Visits.VisitStatistics>();
        services.AddScoped<Platform.Hosting.IDataSeeder, Visits.VisitsDemoSeeder>();
        services.AddScoped<IPersonalDataContributor, Members.NetworkPersonalData>();
        services.AddOpenDataSource<Members.MembersOpenData>();
        services.AddOpenDataSource<Visits.VisitsOpenData>();
        return builder;
    }

    public static WebApplication MapCityNetwork(this WebApplication app)
    {
        Members.MemberLogos.Map(app);
        Awards.AwardCertificates.Map(app);
        Library.LibraryEndpoints.Map(app);
        return app;
    }
}
