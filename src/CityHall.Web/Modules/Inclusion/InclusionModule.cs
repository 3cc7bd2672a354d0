using CityHall.Web.Platform.Search;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.Inclusion;

/// <summary>
/// Digital-inclusion programmes (issue 7) on one programme engine: eligibility rules as data,
/// the application state machine, the selection methods; programmes with versions, applications
/// made online one question per page with documents, household limits and re-grant exclusions
/// that hold under concurrency.
/// </summary>
public static class InclusionModule
{
    /// <summary>Staff who work applications: verify, decide, run selections, record offers and payments, apply on someone's behalf.</summary>
    public const string Manage = "inclusion.manage";

    public static WebApplicationBuilder AddInclusion(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<InclusionOptions>(builder.Configuration.GetSection(InclusionOptions.Section));
        services.AddModule(new ModuleDescriptor
        {
            Name = "Inclusion",
            Figures = InclusionFigures.Definitions,
            Enabled = builder.Configuration.GetValue($"{InclusionOptions.Section}:Enabled", true),
            Permissions = [new(Manage, "Permission.ManageInclusion", Roles.Official)],
            AdminMenu = [new("Admin.Menu.Inclusion", "/admin/inclusion", Manage, 500)],
            SectorServices =
            [
                new("inclusion", "programmes", "Inclusion.Sector.Programmes.Title", "Inclusion.Sector.Programmes.Summary", "/inclusion", "ico_help", 10),
                new("inclusion", "my-applications", "Inclusion.Sector.Mine.Title", "Inclusion.Sector.Mine.Summary", "/inclusion/applications", "ico_my", 20),
            ],
            HomeBlocks = [new("open", "Inclusion.Home.Title", "Inclusion.Home.More", "/inclusion", Public.ProgrammesOpen.View, Public.ProgrammesOpen.LoadAsync, 50)],
            MyBlocks = [new("applications", "Inclusion.My.Title", "Inclusion.My.Empty", "Inclusion.My.More", "/inclusion/applications", Public.MyApplications.View, Public.MyApplications.LoadAsync, 30)],
            SearchKinds = [new("programme", "Inclusion.Search.Kind", 50, ProgrammeSearch.ReadAsync)],
        });
        services.AddScoped<Platform.Hosting.IDataSeeder, ProgrammeSeeder>();
        services.AddScoped<Platform.Hosting.IDataSeeder, InclusionDemoSeeder>();
        services.AddScoped<ApplicationIntake>();
        services.AddScoped<ApplicantNotices>();
        services.AddScoped<ProgrammeVersions>();
        services.AddScoped<Fulfilment.Bookings>();
        services.AddScoped<Fulfilment.FulfilmentDesk>();
        services.AddScoped<Contracts.IResidencies, Fulfilment.Residencies>();
        services.AddScoped<Selection.ProgrammeSelection>();
        services.AddHostedService<OfferDeadlines>();
        services.AddHostedService<Fulfilment.FollowUps>();
        services.AddScoped<IPersonalDataContributor, InclusionPersonalData>();
        return builder;
    }
}
