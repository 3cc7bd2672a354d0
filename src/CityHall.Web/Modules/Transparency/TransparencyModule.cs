using CityHall.Web.Platform.Modules;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.Transparency;

/// <summary>
/// The transparency dashboard: the city's informatization budget by year and programme (entered by staff or imported),
/// and every module's published figures — each with its definition, unit, period and the query it came from — as
/// charts drawn on the server with their tables and CSV, and as open data. See README.md.
/// </summary>
public static class TransparencyModule
{
    /// <summary>Entering and importing the informatization budget (administrators grant it to the budget office).</summary>
    public const string Manage = "transparency.manage";

    public static WebApplicationBuilder AddTransparency(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<TransparencyOptions>(builder.Configuration.GetSection(TransparencyOptions.Section));
        services.AddModule(new ModuleDescriptor
        {
            Name = "Transparency",
            Enabled = builder.Configuration.GetValue($"{TransparencyOptions.Section}:Enabled", true),
            Permissions = [new(Manage, "Permission.ManageTransparency")],
            ApiScopes = [new(Budget.BudgetApi.Scope, "Transparency.Scope.Budget", Manage)],
            Datasets = [new("informatization-budget-api", "Transparency.Api.Dataset", "/api/v1/transparency/budget", "JSON", "Transparency.Api.DatasetDescription")],
            AdminMenu = [new("Admin.Menu.Transparency", "/admin/transparency", Manage, 680)],
            SearchKinds = [new("figure", "Transparency.Search.Kind", 66, TransparencySearch.ReadAsync)],
            SectorServices = [new("administration", "transparency", "Transparency.Sector.Title", "Transparency.Sector.Summary", "/transparency", "ico_all", 15)],
        });
        services.AddMemoryCache();
        services.AddSingleton<Figures.FigureBoard>();
        if (builder.Configuration.GetValue($"{TransparencyOptions.Section}:Enabled", true)) services.AddHostedService<Figures.FigureWarmer>();
        services.AddScoped<Budget.BudgetBook>();
        services.AddScoped<Figures.FigureText>();
        services.AddScoped<Platform.Hosting.IDataSeeder, Budget.BudgetDemoSeeder>();
        services.AddOpenDataSource<TransparencyOpenData>();
        return builder;
    }

    public static WebApplication MapTransparency(this WebApplication app)
    {
        Budget.BudgetApi.Map(app);
        return app;
    }
}
