using System.Globalization;
using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Platform.Localization;
using CityHall.Web.Platform.Modules;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CityHall.Tests.Portal;

/// <summary>Seoul's sectors lead to the modules' services: each lists them in order, each service's page works, live figures show.</summary>
public sealed class SectorPageTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    public static TheoryData<string, string[]> SeoulSectors => new()
    {
        { "culture", ["/live", "/broadcasts", "/news?kind=event"] },
        { "broadcasting", ["/broadcasts"] },
        { "participation", ["/reports/new", "/reports/mine", "/reports", "/petitions", "/votes", "/budgets", "/petitions/answers"] },
        { "facilities", ["/places/near?kind=public-toilet", "/places/near?kind=wifi-zone", "/places/near?kind=shelter", "/places/kind/facility", "/places"] },
        { "food", ["/places/near?kind=restaurant", "/places/near?kind=model-restaurant", "/places/kind/restaurant"] },
        { "tourism", ["/places/kind/tourist-spot", "/places/near?kind=tourist-spot"] },
        { "inclusion", ["/inclusion", "/inclusion/applications"] },
        { "administration", ["/news", "/news?kind=notice", "/open-data", "/transparency", "/api/docs", "/developers", "/developers/open311", "/network/members", "/network/awards", "/network/join", "/network/visits", "/network/library"] },
    };

    [Theory]
    [MemberData(nameof(SeoulSectors))]
    public async Task A_sector_lists_its_services_in_order_then_its_text_and_every_service_opens(string code, string[] services)
    {
        var client = app.CreateClient();
        var page = await client.GetPageAsync($"/sectors/{code}");
        Assert.False(page.IsErrorPage());
        Assert.Equal(services, page.QuerySelectorAll("[data-services] li a").Select(a => a.GetAttribute("href")));
        Assert.All(page.QuerySelectorAll("[data-services] li"), li =>
        {
            Assert.False(string.IsNullOrWhiteSpace(li.QuerySelector(".ch-services__title")!.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(li.QuerySelector(".ch-services__summary")!.TextContent));
        });
        Assert.NotNull(page.QuerySelector("[data-sector-text]")); // what staff wrote, below the services
        Assert.Null(page.QuerySelector("[data-no-services]"));
        foreach (var href in services)
        {
            // Pages for signed-in citizens send the anonymous to sign in first; the client follows, as a browser does.
            var response = await client.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href}: {response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType == "text/html") Assert.False((await Html.ParseAsync(response)).IsErrorPage(), href);
        }
    }

    [Fact]
    public async Task A_sector_without_services_gives_the_citys_phone_number_in_the_readers_language_and_an_unknown_one_is_not_found()
    {
        var korean = await app.CreateClient().GetPageAsync("/sectors/transport");
        Assert.Empty(korean.QuerySelectorAll("[data-services]"));
        Assert.Contains("다산콜센터 120", korean.QuerySelector("[data-no-services]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(korean.QuerySelector("[data-sector-text]"));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".CityHall.Culture=c%3Den-US%7Cuic%3Den-US");
        var english = await client.GetPageAsync("/sectors/transport");
        Assert.Equal("Transport", english.QuerySelector("h1")!.TextContent);
        Assert.Contains("Dasan Call Center 120", english.QuerySelector("[data-no-services]")!.TextContent, StringComparison.Ordinal);
        foreach (var unknown in new[] { "/sectors/castle", "/sectors/culture%20", "/sectors/" + new string('a', 300) })
            Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(unknown)).StatusCode);
    }

    [Fact]
    public async Task A_live_event_on_air_shows_on_its_services_card()
    {
        var before = await app.CreateClient().GetPageAsync("/sectors/culture?before=live");
        Assert.Null(before.QuerySelector("[data-service=live-events] [data-live]"));
        await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.Add(new LiveEvent { TitleKo = "시장과의 대화", StartsAt = now, EndsAt = now.AddHours(1), State = LiveEventState.Live, WentLiveAt = now, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
            return 0;
        });
        var during = await app.CreateClient().GetPageAsync("/sectors/culture?during=live");
        Assert.Equal("지금 생중계 1건", during.QuerySelector("[data-service=live-events] [data-live]")!.TextContent);
    }

    [Fact]
    public void Every_service_is_worded_in_both_languages_has_its_icon_and_a_code_of_its_own()
    {
        var registry = app.Services.GetRequiredService<ModuleRegistry>();
        var texts = app.Services.GetRequiredService<IStringLocalizer<Text>>();
        var icons = app.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var sectors = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CityHall.Web.Platform.City.CityOptions>>().Value.Sectors.Select(s => s.Code).ToHashSet();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var module in registry.Modules)
            {
                Assert.Equal(module.SectorServices.Count, module.SectorServices.Select(s => (s.SectorCode, s.Code)).Distinct().Count());
                foreach (var service in module.SectorServices)
                {
                    Assert.Contains(service.SectorCode, sectors);
                    Assert.True(icons.GetFileInfo($"lib/krds/img/component/icon/{service.Icon}.svg").Exists, $"{module.Name}/{service.Code}: no icon {service.Icon}");
                    foreach (var culture in new[] { "ko-KR", "en-US" })
                    {
                        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                        foreach (var key in new[] { service.TitleKey, service.SummaryKey, service.Live?.TextKey }.OfType<string>())
                            Assert.False(texts[key].ResourceNotFound, $"{module.Name}/{service.Code}: {key} has no {culture} text");
                    }
                }
            }
        }
        finally { CultureInfo.CurrentUICulture = before; }
        Assert.True(registry.SectorServices.Count >= 20);
    }
}
