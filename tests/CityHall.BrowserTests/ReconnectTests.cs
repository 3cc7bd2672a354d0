using CityHall.Tests.Infrastructure;
using CityHall.Tests.LiveEvents;
using CityHall.Web.Modules.LiveEvents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// A node stops under a viewer: the watch page, reached through a balancer, reconnects (live-event.js's jittered
/// back-off) to the node left and shows its next snapshot, without reloading.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectTests(BrowserFixture f)
{
    [Fact]
    public async Task When_its_node_stops_the_watch_page_reconnects_to_another_and_shows_the_next_snapshot()
    {
        using var first = new CityHallApp();
        var firstUrl = new Uri(first.StartKestrel());
        using var second = new OtherNode(first); // the same city: its database
        var secondUrl = new Uri(second.StartKestrel());
        using var balancer = new LoopbackForwarder(firstUrl.Port);
        var live = await LiveEventData.EventAsync(first, ask: AskPolicy.AnyoneNamed, sms: null);

        var context = await f.Browser.NewContextAsync(new() { BaseURL = balancer.BaseUrl, Locale = "ko-KR" });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/live/{live}?mode=text");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-live]')?.dataset.snapshotAt !== undefined");
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");

        // The balancer sends new connections to the second node; the first stops, closing the page's connection.
        balancer.PointAt(secondUrl.Port);
        first.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        using (var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(1) })
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                try { await probe.GetAsync(new Uri(firstUrl, "/health/live")); await Task.Delay(100); }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { break; }
            }
        }
        var lastSeen = await page.EvaluateAsync<string>("() => document.querySelector('[data-live]').dataset.snapshotAt");

        // The page's back-off is 0.5–1.5 s for the first try, then longer: a snapshot from the second node well within 20 s.
        await page.WaitForFunctionAsync("last => document.querySelector('[data-live]').dataset.snapshotAt !== last", lastSeen, new() { Timeout = 20_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the page was loaded again");
        var after = DateTimeOffset.Parse(await page.EvaluateAsync<string>("() => document.querySelector('[data-live]').dataset.snapshotAt"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(after > DateTimeOffset.Parse(lastSeen, System.Globalization.CultureInfo.InvariantCulture), $"{after:o} is not after {lastSeen}");
        // The viewer is counted on the node that now serves it.
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-viewers]')?.dataset.viewers ?? '0') >= 1");
        await context.CloseAsync();
    }
}
