using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Transparency;

/// <summary>The dashboard lists every figure the modules register, in both languages, with a chart and its table each; a switched-off module's figures go with it.</summary>
public sealed class DashboardTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task Every_registered_figure_is_on_the_dashboard_with_its_chart_table_definition_and_open_data()
    {
        var figures = app.Services.GetRequiredService<ModuleRegistry>().Figures;
        // What the issue asks the dashboard to carry, each published by its own module.
        Assert.Equal(["cctv-outage-minutes", "cctv-outages", "decision-voters", "inclusion-places-given", "inclusion-waiting-days", "live-event-questions", "live-event-viewers",
            "open311-requests", "places-fresh", "proposals-answered-on-time", "proposals-overdue", "service-requests-on-time-by-district", "service-requests-on-time-by-service",
            "service-requests-resolution-hours", "taxi-pickup-minutes", "taxi-pickups-within-target"], figures.Select(f => f.Figure.Code).Order(StringComparer.Ordinal));

        var client = app.CreateClient();
        var page = await client.GetPageAsync("/transparency");
        Assert.Equal("투명성 대시보드", page.QuerySelector("h1")!.TextContent);
        var cards = page.QuerySelectorAll("[data-figure]");
        Assert.Equal(figures.Count, cards.Length);
        foreach (var card in cards)
        {
            var code = card.GetAttribute("data-figure")!;
            Assert.Equal($"/transparency/figures/{code}", card.QuerySelector("h3 a")!.GetAttribute("href"));
            Assert.Null(card.QuerySelector("[data-unavailable]"));
            // Nothing recorded yet: a count says 0 and a share has nothing to measure; the table is there either way.
            Assert.NotNull(card.QuerySelector("details table"));
        }
        // Each topic is its module's, under its heading.
        Assert.Equal(8, page.QuerySelectorAll("section[data-topic]").Length);
        Assert.NotNull(page.QuerySelector("[data-budget]"));

        // In English, the same.
        var english = app.CreateClient();
        english.DefaultRequestHeaders.Add("Accept-Language", "en-US,en;q=0.9");
        var en = await english.GetPageAsync("/transparency?year=2025");
        Assert.Equal("Transparency dashboard", en.QuerySelector("h1")!.TextContent);
        Assert.Contains("Jan 2025", en.QuerySelector("[data-period]")!.TextContent);
        Assert.Contains("Requests closed within their deadline, by service", en.QuerySelector("[data-figure='service-requests-on-time-by-service'] h3")!.TextContent);

        // A year out of range is said, and the last twelve months shown instead.
        var bad = await client.GetPageAsync("/transparency?year=1900");
        Assert.NotEmpty(bad.ErrorSummary());
        Assert.Equal(figures.Count, bad.QuerySelectorAll("[data-figure]").Length);

        // A figure's page: its definition, unit and the query; an unknown figure is not found.
        var figure = await client.GetPageAsync("/transparency/figures/taxi-pickups-within-target");
        Assert.Contains("5분", figure.QuerySelector("[data-definition]")!.TextContent);
        Assert.Contains("taxi_calls", figure.QuerySelector("[data-source-query] code")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/transparency/figures/no-such-figure")).StatusCode);

        // In the city's search: a figure by a word of its title, the budget page, the developer portal.
        await app.Services.GetRequiredService<CityHall.Web.Platform.Search.SearchIndex>().ReconcileAsync();
        var found = await client.GetPageAsync("/search?q=" + Uri.EscapeDataString("택시") + "&kind=figure");
        Assert.Equal(["taxi-pickup-minutes", "taxi-pickups-within-target"], found.QuerySelectorAll("[data-results='figure'] [data-result]").Select(r => r.GetAttribute("data-result")!).Order());
        Assert.Contains("budget", (await client.GetPageAsync("/search?q=" + Uri.EscapeDataString("정보화 예산") + "&kind=figure"))
            .QuerySelectorAll("[data-results='figure'] [data-result]").Select(r => r.GetAttribute("data-result")));
        Assert.Contains("portal", (await client.GetPageAsync("/search?q=API&kind=developers")).QuerySelectorAll("[data-results='developers'] [data-result]").Select(r => r.GetAttribute("data-result")));

        // Open data: each figure a dataset with its definition as its description.
        var catalogue = await client.GetPageAsync("/open-data");
        foreach (var (_, f) in figures) Assert.NotNull(catalogue.QuerySelector($"#figure-{f.Code}"));
        var rows = await client.GetStringAsync("/open-data/figure-service-requests-on-time-by-service.csv");
        Assert.StartsWith("month,group_code,group_name_ko,group_name_en,value,basis,unit", rows.TrimStart('\uFEFF'));
        Assert.Equal(24 + 1, rows.Trim().Split('\n').Length); // the last 24 months, the city only while nothing is recorded
    }
}

/// <summary>The city with its taxi call switched off.</summary>
public sealed class NoTaxiApp() : CityHallApp(new Dictionary<string, string?> { ["Taxi:Enabled"] = "false" });

public sealed class DashboardWithoutTaxiTests(NoTaxiApp app) : IClassFixture<NoTaxiApp>
{
    [Fact]
    public async Task A_module_switched_off_takes_its_figures_with_it()
    {
        var page = await app.CreateClient().GetPageAsync("/transparency");
        Assert.Null(page.QuerySelector("[data-figure^='taxi-']"));
        Assert.NotNull(page.QuerySelector("[data-figure='decision-voters']"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/transparency/figures/taxi-pickup-minutes")).StatusCode);
    }
}
