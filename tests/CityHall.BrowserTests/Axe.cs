using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

public static class Axe
{
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

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

    /// <summary>Runs axe on the page as it is now and fails with every violation spelled out.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags },
            ResultTypes = [ResultType.Violations],
        });
        var violations = result.Violations ?? [];
        var report = string.Join(Environment.NewLine, violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        Assert.True(violations.Length == 0, $"axe found violations on {page.Url}:{Environment.NewLine}{report}");
    }
}
