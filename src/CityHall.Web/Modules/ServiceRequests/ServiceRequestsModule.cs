using CityHall.Web.Platform.Search;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>
/// Civil complaints and service requests (Seoul's Smart Complaint, Open311 GeoReport v2): the service
/// catalogue (Open311 attributes, statutory deadline rules, routing to departments by district,
/// seeded with Seoul's 20 categories), the intake every report goes through, and the Open311 server
/// (its clients use the developer portal's keys with the <see cref="Open311.Open311Api.Scope"/> scope).
/// </summary>
public static class ServiceRequestsModule
{
    /// <summary>Officials who handle cases (their departments' queues).</summary>
    public const string Handle = "servicerequests.handle";

    /// <summary>Administrators who edit the catalogue: services, their questions and deadlines, and routing.</summary>
    public const string EditCatalogue = "servicerequests.catalogue";

    public static WebApplicationBuilder AddServiceRequests(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ServiceRequestOptions>(builder.Configuration.GetSection(ServiceRequestOptions.Section));
        services.AddModule(new ModuleDescriptor
        {
            Name = "ServiceRequests",
            Figures = ServiceRequestFigures.Definitions,
            ApiScopes = [new(Open311.Open311Api.Scope, "Open311.Scope")],
            Permissions =
            [
                new(Handle, "Permission.HandleServiceRequests", Roles.Official),
                new(EditCatalogue, "Permission.EditServiceCatalogue", Roles.Administrator),
            ],
            AdminMenu =
            [
                new("Admin.Menu.ServiceRequests", "/admin/service-requests", Handle, 200),
                new("Admin.Menu.ReplyTemplates", "/admin/service-requests/templates", Handle, 210),
                new("Admin.Menu.ServiceCatalogue", "/admin/service-requests/catalogue", EditCatalogue, 220),
            ],
            Datasets = [new("service-requests", "Dataset.ServiceRequests", OpenDataHref(builder.Configuration.GetSection(ServiceRequestOptions.Section).Get<ServiceRequestOptions>()), "Open311 JSON", "Dataset.ServiceRequests.Description")],
            SectorServices =
            [
                new("participation", "report", "Reports.Sector.Report.Title", "Reports.Sector.Report.Summary", "/reports/new", "ico_flag", 10),
                new("participation", "my-reports", "Reports.Sector.Mine.Title", "Reports.Sector.Mine.Summary", "/reports/mine", "ico_my", 20),
                new("participation", "reports", "Reports.Sector.Public.Title", "Reports.Sector.Public.Summary", "/reports", "ico_sch", 25),
                new("administration", "open311", "Reports.Sector.Open311.Title", "Reports.Sector.Open311.Summary", "/developers/open311", "ico_setting", 30),
            ],
            MyBlocks = [new("reports", "Reports.My.Title", "Reports.My.Empty", "Reports.My.More", "/reports/mine", Public.MyReports.View, Public.MyReports.LoadAsync, 20)],
            SearchKinds = [new("report", "Reports.Search.Kind", 20, ReportSearch.ReadAsync)],
        });
        services.AddMemoryCache();
        services.AddSingleton<ServiceDirectory>();
        services.AddScoped<ServiceRequestIntake>();
        services.AddScoped<Contracts.ICaseFiling, CaseFiling>();
        services.AddScoped<Contracts.ILocatedCases, LocatedCases>();
        services.AddScoped<CaseWork>();
        services.AddScoped<CaseNotifier>();
        services.AddScoped<IPersonalDataContributor, ServiceRequestPersonalData>();
        services.AddHostedService<BatchIntake>();
        services.AddSingleton<ServiceRequestWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ServiceRequestWriter>());
        services.AddScoped<Platform.Hosting.IDataSeeder, SeoulServiceCatalogue>();
        services.AddScoped<Platform.Hosting.IDataSeeder, ServiceRequestsDemoSeeder>();
        // Per scope, from the current settings: administrators change the city's time zone while the app runs.
        services.AddScoped(sp =>
        {
            var city = sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Platform.City.CityOptions>>().CurrentValue;
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ServiceRequestOptions>>().CurrentValue;
            return new DeadlineCalculator(city.FindTimeZone(), options.Holidays.ToHashSet());
        });
        return builder;
    }

    /// <summary>The public requests as Open311 JSON; a multi-jurisdiction endpoint needs the city's own jurisdiction named.</summary>
    private static string OpenDataHref(ServiceRequestOptions? options)
    {
        var jurisdictions = options?.Open311.Jurisdictions ?? [];
        var city = jurisdictions.FirstOrDefault(j => string.IsNullOrEmpty(j.District)) ?? jurisdictions.FirstOrDefault();
        return Open311.Open311Api.Base + "/requests.json" + (jurisdictions.Count > 1 && city is not null ? "?jurisdiction_id=" + Uri.EscapeDataString(city.Id) : "");
    }

    public static WebApplication MapServiceRequests(this WebApplication app)
    {
        Open311.Open311Api.Map(app);
        Public.ReportPhotos.Map(app);
        return app;
    }
}
