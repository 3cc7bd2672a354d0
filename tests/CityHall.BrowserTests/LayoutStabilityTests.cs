using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// Pages do not jump while they load (Cumulative Layout Shift under 0.1, the "good" threshold): maps
/// drawn by scripts have their space from the first paint. Without scripts the map's box is not shown at all.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutStabilityTests(BrowserFixture f)
{
    private const string ShiftScript = """
        () => new Promise(resolve => {
          let total = 0;
          new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
            .observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 1500);
        })
        """;

    [Fact]
    public async Task The_report_location_step_does_not_shift_when_its_map_appears()
    {
        var page = await f.NewPageAsync(width: 390, height: 844);
        await Journeys.SignUpAsync(f, page, $"cls-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync("/reports/new/location?service=road-damage");
        await page.WaitForSelectorAsync("[data-map-picker] .leaflet-container");
        var shift = await page.EvaluateAsync<double>(ShiftScript);
        Assert.True(shift < 0.1, $"layout shift {shift:0.000}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_scripts_the_map_box_is_not_shown_and_the_address_field_is()
    {
        var context = await f.Browser.NewContextAsync(new() { BaseURL = f.BaseUrl, JavaScriptEnabled = false, Locale = "ko-KR" });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await Journeys.SignUpAsync(f, page, $"nojs-{Guid.NewGuid():N}@example.org"); // plain forms: works without scripts
        await page.GotoAsync("/reports/new/location?service=road-damage");
        Assert.Equal(1, await page.Locator("[data-map-picker]").CountAsync());
        Assert.False(await page.Locator("[data-map-picker]").IsVisibleAsync());
        Assert.True(await page.Locator("#address").IsVisibleAsync());
        await context.CloseAsync();
    }
}
