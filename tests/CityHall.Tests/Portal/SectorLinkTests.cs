using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Portal;

/// <summary>The city links one sector elsewhere; a module of its own (a taxi service) offers a service in another.</summary>
public sealed class SectorModuleApp() : CityHallApp(new Dictionary<string, string?>
{
    ["City:Sectors:0:Href"] = "https://topis.seoul.go.kr", // transport: the city's own link
    ["Taxi:Enabled"] = "false", // the platform's own taxi module makes way for the city's
})
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddModule(new ModuleDescriptor
        {
            Name = "TaxiCall",
            SectorServices = [new("taxi", "call", "Form.Save", "Form.Apply", "/taxi", "ico_call")],
        });
}

public sealed class SectorLinkTests(SectorModuleApp app) : IClassFixture<SectorModuleApp>
{
    [Fact]
    public async Task Sectors_lead_to_the_citys_link_else_to_their_sector_page_which_lists_any_modules_services()
    {
        var page = await app.CreateClient().GetPageAsync("/");
        var tiles = page.QuerySelectorAll(".ch-sectors a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(11, tiles.Count);
        Assert.Contains("https://topis.seoul.go.kr", tiles);
        Assert.Contains("/sectors/taxi", tiles);
        Assert.Contains("/sectors/culture", tiles);
        Assert.DoesNotContain("/sectors/transport", tiles);
        var menu = page.QuerySelectorAll("nav.ch-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(tiles, menu);

        // A module the platform has never heard of shows up in its sector, and the phone notice goes.
        var taxi = await app.CreateClient().GetPageAsync("/sectors/taxi");
        Assert.Equal(["/taxi"], taxi.QuerySelectorAll("[data-services] a").Select(a => a.GetAttribute("href")));
        Assert.Null(taxi.QuerySelector("[data-no-services]"));
    }
}
