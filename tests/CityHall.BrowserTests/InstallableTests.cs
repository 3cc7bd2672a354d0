using System.Text.Json;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// The site as an installable app: Chromium finds nothing missing to install it, and with its service worker the pages
/// last read still open when the connection drops, while a page never read shows the offline page listing those kept.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InstallableTests(BrowserFixture f)
{
    [Theory]
    [InlineData("ko-KR")]
    [InlineData("en-US")]
    public async Task Chromium_can_install_it_and_pages_read_before_open_offline(string locale)
    {
        var page = await f.NewPageAsync(locale, width: 390, height: 844);
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");

        // What Chromium's install prompt (and Lighthouse's "installable" audit) checks. The test's browser profile is a
        // throwaway one, which Chromium reports as incognito (nothing installs there); any other error is the site's.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var installability = await cdp.SendAsync("Page.getInstallabilityErrors");
        var errors = installability!.Value.GetProperty("installabilityErrors").EnumerateArray()
            .Select(e => e.GetProperty("errorId").GetString()).Where(e => e != "in-incognito").ToList();
        Assert.True(errors.Count == 0, installability.Value.ToString());
        var manifest = await cdp.SendAsync("Page.getAppManifest");
        Assert.Equal(0, manifest!.Value.GetProperty("errors").GetArrayLength());

        // Read with the worker in control, then the connection drops.
        await page.GotoAsync("/places");
        var placesHeading = await page.Locator("main h1").TextContentAsync();
        await page.GotoAsync("/petitions");
        var petitionsHeading = await page.Locator("main h1").TextContentAsync();
        await page.Context.SetOfflineAsync(true);

        await page.GotoAsync("/places");
        Assert.Equal(placesHeading, await page.Locator("main h1").TextContentAsync());
        // The kept copy says it may not be the latest.
        Assert.True(await page.Locator("[data-offline-banner]").IsVisibleAsync());
        await page.GotoAsync("/petitions");
        Assert.Equal(petitionsHeading, await page.Locator("main h1").TextContentAsync());

        // Never read here: the offline page, in the visitor's language, listing what was kept (newest first).
        await page.GotoAsync("/inclusion");
        Assert.Equal(locale == "ko-KR" ? "인터넷에 연결되어 있지 않습니다" : "You are offline", (await page.Locator("main h1").TextContentAsync())!.Trim());
        await page.WaitForSelectorAsync("[data-offline-pages] a");
        var kept = await page.Locator("[data-offline-pages] a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["/petitions", "/places"], kept); // the first page was read before the worker was there
        await Axe.AssertNoViolationsAsync(page);

        // Back online, pages come from the network again, and the banner goes.
        await page.Context.SetOfflineAsync(false);
        await page.WaitForSelectorAsync("[data-offline-banner]", new() { State = WaitForSelectorState.Hidden });
        await page.GotoAsync("/inclusion");
        Assert.NotEqual("You are offline", (await page.Locator("main h1").TextContentAsync())!.Trim());
    }

    [Fact]
    public async Task The_offline_page_follows_the_visitor_into_another_language()
    {
        var page = await f.NewPageAsync("ko-KR", width: 390, height: 844);
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        await page.GotoAsync("/places"); // now under the worker

        // The worker kept the offline page in Korean when it was installed; the visitor switches to English.
        await page.ClickAsync("a.ch-language");
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        await page.WaitForFunctionAsync(
            "async () => { const kept = await (await caches.open('cityhall-pages-1')).match('/offline'); return !!kept && /<html[^>]*\\slang=\"en\"/.test(await kept.text()); }",
            null, new() { PollingInterval = 100, Timeout = 10_000 });

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("/inclusion");
        Assert.Equal("You are offline", (await page.Locator("main h1").TextContentAsync())!.Trim());
        await page.Context.SetOfflineAsync(false);
    }

    [Fact]
    public async Task A_signed_in_persons_pages_are_not_kept_on_the_device()
    {
        var page = await f.NewPageAsync("ko-KR");
        await Journeys.SignUpAsync(f, page, $"offline-{Guid.NewGuid():N}@example.com");
        await page.GotoAsync("/my");
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        await page.GotoAsync("/my");
        await page.GotoAsync("/petitions");
        var kept = await page.EvaluateAsync<string[]>(@"async () => {
            const urls = [];
            for (const name of await caches.keys())
                if (name.startsWith('cityhall-pages-'))
                    for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
            return urls;
        }");
        Assert.DoesNotContain("/my", kept);
        Assert.DoesNotContain("/petitions", kept); // signed in, every page is private
        Assert.Contains("/offline", kept);
    }
}
