using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Portal;

/// <summary>The city left two sectors without a link; a module serves one of them.</summary>
public sealed class SectorModuleApp() : CityHallApp(new Dictionary<string, string?>
{
    ["City:Sectors:6:Href"] = "", // taxi
    ["City:Sectors:1:Href"] = "", // culture
})
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddModule(new ModuleDescriptor { Name = "TaxiCall", PortalSectors = [new("taxi", "/taxi")] });
}

public sealed class SectorLinkTests(SectorModuleApp app) : IClassFixture<SectorModuleApp>
{
    [Fact]
    public async Task Sectors_lead_to_the_citys_link_else_the_module_that_serves_them_else_their_content_page()
    {
        var page = await app.CreateClient().GetPageAsync("/");
        var tiles = page.QuerySelectorAll(".ch-sectors a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(11, tiles.Count);
        Assert.Contains("/inclusion", tiles);       // the inclusion programmes' catalogue
        Assert.Contains("/taxi", tiles);            // registered by the module
        Assert.Contains("/pages/culture", tiles);   // nobody serves it: its content page
        Assert.Contains("/pages/transport", tiles); // the city's own link
        var menu = page.QuerySelectorAll("nav.ch-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(tiles, menu);
    }
}
