using CityHall.Web.Platform.Identity;

namespace CityHall.BrowserTests;

/// <summary>
/// The developer portal: the APIs and scopes listed, then the budget office makes a key for its app (shown once),
/// reads the key's usage chart and rotates it. Axe on every page, in Korean and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DevelopersJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "en-US", "ko-KR" };

    [Theory, MemberData(nameof(Locales))]
    public async Task The_budget_office_makes_a_key_for_its_app_reads_its_usage_and_rotates_it(string locale)
    {
        var page = await f.NewPageAsync(locale);
        await page.GotoAsync("/developers");
        await Axe.AssertNoViolationsAsync(page);
        Assert.True(await page.Locator("[data-apis] tbody tr").CountAsync() >= 4);
        Assert.Equal(1, await page.Locator("[data-scopes] tr[data-scope='transparency.budget']").CountAsync());

        await Journeys.SignInAsStaffAsync(f, page, Roles.Administrator);
        await page.GotoAsync("/developers/keys");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_AppName", "Budget sync " + locale);
        await page.ClickAsync("label[for^='Input_Scopes']");
        await page.ClickAsync("form[data-issue-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-issued-key] [data-key]");
        var key = (await page.TextContentAsync("[data-issued-key] [data-key]"))!.Trim();
        Assert.StartsWith("chk_", key);
        await Axe.AssertNoViolationsAsync(page);
        Assert.Equal(14, await page.Locator("[data-app-key] [data-usage] tbody tr").First.Locator("xpath=..").Locator("tr").CountAsync());

        await page.ClickAsync("form[data-rotate] button");
        await page.WaitForSelectorAsync("[data-done]");
        Assert.NotEqual(key, (await page.TextContentAsync("[data-issued-key] [data-key]"))!.Trim());
        await Axe.AssertNoViolationsAsync(page);
    }
}
