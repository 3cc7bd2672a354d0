using CityHall.Web.Platform.Identity;

namespace CityHall.BrowserTests;

/// <summary>
/// The developer portal: the APIs and scopes listed, then the budget office makes a key for its app (shown once),
/// reads the key's usage chart and rotates it; the app-business centre's staff show an app and announce a demo day.
/// Axe on every page, in Korean and English.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
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

    [Theory, MemberData(nameof(Locales))]
    public async Task The_app_business_centre_announces_a_demo_day_and_shows_an_app_built_on_the_citys_data(string locale)
    {
        var page = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, page, Roles.Administrator);
        await page.GotoAsync("/admin/incubator");
        await Axe.AssertNoViolationsAsync(page);

        var name = "Stop alert " + locale;
        await page.GotoAsync("/admin/incubator/showcase");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Name", name);
        await page.FillAsync("#Input_Maker", "Bus Alert Ltd");
        await page.FillAsync("#Input_SummaryKo", "정류장에 오는 버스를 알려 줍니다.");
        await page.FillAsync("#Input_SummaryEn", "Tells you which bus is coming to your stop.");
        await page.FillAsync("#Input_Link", "https://bus.example.org/" + locale);
        await page.ClickAsync("label[for^='Input_Datasets']");
        await page.ClickAsync("label[for=Input_Published]");
        await page.ClickAsync("form[data-app-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-done=saved]");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/admin/incubator/demo-days");
        await page.FillAsync("#Day_TitleKo", "겨울 데모데이 " + locale);
        await page.FillAsync("#Day_TitleEn", "Winter demo day " + locale);
        await page.FillAsync("#Day_StartsAt", "2030-12-18T15:00");
        await page.FillAsync("#Day_Place", "DMC, Sangam-dong");
        await page.ClickAsync("form[data-day-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-done=day]");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/developers/showcase");
        Assert.Equal(1, await page.Locator("[data-showcase] li[data-app] h2 a", new() { HasText = name }).CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/developers/incubator");
        Assert.True(await page.Locator("[data-demo-day][data-when=coming]").CountAsync() >= 1);
        await Axe.AssertNoViolationsAsync(page);
    }
}
