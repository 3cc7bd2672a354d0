using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

public static class Axe
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>axe-core as the Deque package bundles it (its version is the package's).</summary>
    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// Opens the address and runs axe there, after checking the page is the one asked for: the status
    /// expected (200 unless said), still at that address (not sent to sign in), and not the error page.
    /// An axe pass over the wrong page would prove nothing about the right one.
    /// </summary>
    public static async Task AssertPageHasNoViolationsAsync(IPage page, string url, int status = 200)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response is not null && response.Status == status, $"{url}: status {response?.Status}, expected {status}");
        var path = new Uri(page.Url).PathAndQuery;
        Assert.True(path == new Uri(new Uri(page.Url), url).PathAndQuery, $"{url} ended at {path}");
        if (status == 200) Assert.True(await page.Locator(".ch-trace").CountAsync() == 0, $"{url} shows the error page");
        await AssertNoViolationsAsync(page);
    }

    private sealed record Violation(string Id, string Impact, string Help, string[] Targets);
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>
    /// Runs axe on the page as it is now (the WCAG 2.2 AA rules) and fails with every violation spelled out. axe is put
    /// into the page once (again only after a navigation) and run directly: the Deque package's RunAxe put the whole
    /// script in again on every call and took about 0.9 s a run here, axe itself about 0.13 s.
    /// </summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(Source.Value);
        var found = await page.EvaluateAsync<string>("""
            async tags => {
              const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map(n => JSON.stringify(n.target)) })));
            }
            """, Tags);
        var violations = System.Text.Json.JsonSerializer.Deserialize<Violation[]>(found, Json)!;
        var report = string.Join(Environment.NewLine, violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Targets)}"));
        Assert.True(violations.Length == 0, $"axe found violations on {page.Url}:{Environment.NewLine}{report}");
    }
}
