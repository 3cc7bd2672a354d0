using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

public static class Axe
{
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

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
