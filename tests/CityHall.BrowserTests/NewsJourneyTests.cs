using CityHall.Web.Modules.News;
using Microsoft.EntityFrameworkCore;

namespace CityHall.BrowserTests;

/// <summary>
/// Staff write a post for one district (refused first when empty, the summary leading to the fields), a visitor finds it
/// from the administration sector by the district's filter and reads it, and a citizen asks for that district's daily
/// digest; in Korean and English, axe on every page.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class NewsJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    [Theory, MemberData(nameof(Locales))]
    public async Task Staff_publish_a_district_post_and_a_visitor_finds_it_by_its_district(string locale)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var staff = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, staff, CityHall.Web.Platform.Identity.Roles.Administrator);
        await staff.GotoAsync("/admin/news");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.ClickAsync("a[data-new-post]");
        await staff.WaitForURLAsync("**/admin/news/new");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.ClickAsync("form[data-post-form] button[type=submit]");
        await staff.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(staff);

        // (The inputs are drawn by their labels, as KRDS does: a person clicks the label.)
        await staff.ClickAsync("form[data-post-form] .krds-form-check:has([name='Input.Kind'][value='News']) label");
        await staff.FillAsync("#Input_TitleKo", "종로구 골목길 가로등 교체 " + tag);
        await staff.FillAsync("#Input_TitleEn", "New street lights in Jongno-gu " + tag);
        await staff.FillAsync("#Input_BodyKo", "이번 주부터 **골목길 가로등**을 LED로 바꿉니다.\n\n- 1단계: 종로 1가\n- 2단계: 종로 2가");
        await staff.ClickAsync("form[data-post-form] .krds-form-check:has([name='Input.Districts'][value='11110']) label");
        await staff.ClickAsync("form[data-post-form] .krds-form-check:has([name='Input.When'][value='Now']) label");
        Assert.True(await staff.IsCheckedAsync("[name='Input.Districts'][value='11110']"));
        await staff.ClickAsync("form[data-post-form] button[type=submit]");
        await staff.WaitForURLAsync("**/admin/news/*?saved=1");
        Assert.Equal("Published", await staff.GetAttributeAsync("[data-state]", "data-state"));
        await Axe.AssertNoViolationsAsync(staff);
        var id = await f.App.WithDbAsync(db => db.Set<NewsPost>().Where(p => p.TitleKo.EndsWith(tag)).Select(p => p.Id).SingleAsync());
        await staff.Context.CloseAsync();

        var page = await f.NewPageAsync(locale);
        await page.GotoAsync("/sectors/administration");
        await page.ClickAsync("[data-service=news] a");
        await page.WaitForURLAsync("**/news");
        await Axe.AssertNoViolationsAsync(page);
        await page.SelectOptionAsync("select[name=district]", "11110");
        await page.ClickAsync("form[data-news-filters] button[type=submit]");
        await page.WaitForURLAsync("**/news?*district=11110*");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync($"[data-post='{id}'] a");
        await page.WaitForURLAsync($"**/news/{id}");
        Assert.EndsWith(tag, (await page.TextContentAsync("main h1"))!.Trim(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("[data-post-body] li").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();

        // A citizen asks for the district's news every day: refused first with nothing chosen, then saved.
        var citizen = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, citizen, $"digest-{tag}@example.org");
        await citizen.GotoAsync("/news");
        await citizen.ClickAsync("a[data-subscribe]");
        await citizen.WaitForURLAsync("**/news/subscription");
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.ClickAsync("form[data-subscription-form] button[type=submit]");
        await citizen.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.ClickAsync("form[data-subscription-form] .krds-form-check:has([name='Districts'][value='11110']) label");
        await citizen.ClickAsync("form[data-subscription-form] button[type=submit]");
        await citizen.WaitForURLAsync("**/news/subscription?saved=1");
        Assert.True(await citizen.IsCheckedAsync("[name='Districts'][value='11110']"));
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.Context.CloseAsync();
    }
}
