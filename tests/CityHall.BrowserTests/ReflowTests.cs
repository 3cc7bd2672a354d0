using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// WCAG 1.4.10 reflow and 1.4.4 resize text: at 320 CSS pixels wide (a 1280-pixel screen at 400%)
/// and with text at 200%, the public pages read top to bottom with no sideways scrolling and
/// nothing cut off (the skip link is hidden until focused, as intended). Data tables are allowed to scroll in two directions, so staff tables are not here.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReflowTests(BrowserFixture f)
{
    private static readonly string[] PublicPages = ["/", "/account/sign-up", "/account/sign-in", "/account/forgot-password", "/pages/privacy", "/pages/accessibility"];

    /// <summary>Elements in the page wider than the window, or clipping their own text, named for the failure message.</summary>
    private const string OverflowScript = """
        () => {
          const width = document.documentElement.clientWidth;
          const problems = [];
          if (document.documentElement.scrollWidth > width + 1) problems.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
          for (const el of document.querySelectorAll('body *')) {
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden' || el.closest('.sr-only, table, #krds-skip-link')) continue;
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.height === 0) continue;
            if (box.right > width + 1) problems.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ends at ' + Math.round(box.right));
            const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
            // 1x1 boxes are the visually-hidden pattern (text for screen readers only, as KRDS does for step titles on phones).
            if (clips && el.clientWidth > 1 && el.clientHeight > 1 && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) && el.textContent.trim())
              problems.push(el.outerHTML.slice(0, 80) + ' cuts off its text (' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight + ')');
          }
          return problems.slice(0, 10);
        }
        """;

    [Theory]
    [InlineData("ko-KR")]
    [InlineData("en-US")]
    public async Task Public_pages_reflow_at_320_pixels(string locale)
    {
        var page = await f.NewPageAsync(locale, width: 320, height: 640);
        foreach (var url in PublicPages)
        {
            await page.GotoAsync(url);
            var problems = await page.EvaluateAsync<string[]>(OverflowScript);
            Assert.True(problems.Length == 0, url + ": " + string.Join("; ", problems));
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Pages_with_long_addresses_and_endpoints_reflow_at_320_pixels()
    {
        // A long e-mail address on the profile, long URLs and keys on the developers' page: they wrap.
        var page = await f.NewPageAsync("en-US", width: 320, height: 640);
        await Journeys.SignUpAsync(f, page, $"a-rather-long-address-for-reflow-{Guid.NewGuid():N}@example.org");
        foreach (var url in new[] { "/account/profile", "/developers/open311", "/open-data", "/transparency", "/transparency/figures/service-requests-resolution-hours" })
        {
            await page.GotoAsync(url);
            var problems = await page.EvaluateAsync<string[]>(OverflowScript);
            Assert.True(problems.Length == 0, url + ": " + string.Join("; ", problems));
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Public_pages_take_text_at_200_percent_without_loss()
    {
        // Browsers' text-size setting scales the root font; KRDS sizes everything in rem.
        var page = await f.NewPageAsync("ko-KR", width: 1280, height: 900);
        foreach (var url in PublicPages)
        {
            await page.GotoAsync(url);
            var before = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main')).fontSize)");
            await page.EvaluateAsync("() => { const root = document.documentElement; root.style.fontSize = (parseFloat(getComputedStyle(root).fontSize) * 2) + 'px'; }");
            var after = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main')).fontSize)");
            Assert.True(after >= before * 1.9, $"{url}: text went from {before}px to {after}px only");
            var problems = await page.EvaluateAsync<string[]>(OverflowScript);
            Assert.True(problems.Length == 0, url + ": " + string.Join("; ", problems));
        }
        await page.Context.CloseAsync();
    }
}
