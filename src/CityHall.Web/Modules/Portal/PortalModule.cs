using CityHall.Web.Platform.Search;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Hosting;
using CityHall.Web.Platform.Modules;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Portal;

/// <summary>The city portal: home with sectors and the modules' blocks about the city today, sector pages, staff-edited content pages, language switch, error pages.</summary>
public static partial class PortalModule
{
    public const string ManageContent = "portal.content.manage";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddModule(new ModuleDescriptor
        {
            Name = "Portal",
            Permissions = [new(ManageContent, "Permission.ManageContent")],
            AdminMenu = [new("Admin.Menu.Content", "/admin/pages", ManageContent, 50)],
            Datasets = [new("districts", "Dataset.Districts", "/api/v1/city/districts", "JSON", "Dataset.Districts.Description")],
            SearchKinds = [new("page", "Portal.Search.Kind", 70, ContentPageSearch.ReadAsync)],
        });
        builder.Services.AddScoped<IDataSeeder, ContentPageSeeder>();
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<HomeBlocks>();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        SearchApi.Map(app);
        InstallableApp.Map(app);
        var api = app.MapGroup("/api/v1/city").WithTags("City");
        api.MapGet("/", (IOptionsMonitor<CityOptions> city) => TypedResults.Ok(new CityInfo(
                city.CurrentValue.Name.Ko, city.CurrentValue.Name.En, city.CurrentValue.TimeZone, city.CurrentValue.SupportedCultures,
                city.CurrentValue.MapCenterLatitude, city.CurrentValue.MapCenterLongitude)))
            .WithSummary("The city this deployment serves");
        api.MapGet("/districts", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(
                await db.Set<District>().AsNoTracking().OrderBy(d => d.Code)
                    .Select(d => new DistrictInfo(d.Code, d.NameKo, d.NameEn)).ToListAsync(ct)))
            .WithSummary("The city's districts");

        // Brand tokens from the city's settings, as CSS custom properties over KRDS's own.
        app.MapGet("/city-theme.css", (IOptionsMonitor<CityOptions> city) =>
        {
            var css = new StringBuilder(":root{");
            foreach (var (name, value) in city.CurrentValue.Tokens)
                if (TokenName().IsMatch(name) && TokenValue().IsMatch(value))
                    css.Append(CultureInfo.InvariantCulture, $"{name}:{value};");
            css.Append('}');
            return Results.Text(css.ToString(), "text/css");
        }).ExcludeFromDescription();
        return app;
    }

    [GeneratedRegex("^--[a-z0-9-]{1,80}$")]
    private static partial Regex TokenName();

    [GeneratedRegex(@"^[#a-zA-Z0-9(),.% -]{1,80}$")]
    private static partial Regex TokenValue();
}

public sealed record CityInfo(string NameKo, string NameEn, string TimeZone, IReadOnlyList<string> Cultures, double MapCenterLatitude, double MapCenterLongitude);

public sealed record DistrictInfo(string Code, string NameKo, string NameEn);
