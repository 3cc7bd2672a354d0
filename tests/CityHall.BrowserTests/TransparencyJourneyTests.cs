using CityHall.Web.Platform.Identity;

namespace CityHall.BrowserTests;

/// <summary>
/// The transparency dashboard: the budget office enters a year and its programmes (a share over 100% refused on the
/// way), and a citizen reads the dashboard, opens a chart's table, follows a figure to its definition, groups and
/// source query, and reads the budget by year and programme. Axe on every page, in Korean and English; every chart
/// is drawn without JavaScript.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class TransparencyJourneyTests(BrowserFixture f)
{
    public static TheoryData<string, int> Runs => new() { { "en-US", 2015 }, { "ko-KR", 2016 } };

    [Theory, MemberData(nameof(Runs))]
    public async Task The_budget_office_enters_a_year_and_a_citizen_reads_the_dashboard_its_figures_and_the_budget(string locale, int year)
    {
        var staff = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, staff, Roles.Administrator);
        await staff.GotoAsync("/admin/transparency");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.FillAsync("#Year_Year", year.ToString());
        await staff.FillAsync("#Year_CityTotal", "25,000,000");
        await staff.FillAsync("#Year_Source", $"{year} budget book");
        await staff.ClickAsync("form[data-year-form] button[type=submit]");
        await staff.WaitForURLAsync($"**/admin/transparency/{year}?saved=true");
        await Axe.AssertNoViolationsAsync(staff);

        await staff.FillAsync("#Line_Code", "e-gov");
        await staff.FillAsync("#Line_NameKo", "전자정부 운영");
        await staff.FillAsync("#Line_NameEn", "E-government operations");
        await staff.FillAsync("#Line_Amount", "100,000");
        await staff.ClickAsync("form[data-line-form] button[type=submit]");
        await staff.WaitForURLAsync($"**/admin/transparency/{year}?saved=true");
        // More than the city's whole budget: refused, said on the field, and the page still passes axe.
        await staff.FillAsync("#Line_Code", "too-much");
        await staff.FillAsync("#Line_NameKo", "잘못 입력");
        await staff.FillAsync("#Line_Amount", "30,000,000");
        await staff.ClickAsync("form[data-line-form] button[type=submit]");
        await staff.WaitForSelectorAsync(".ch-error-summary");
        Assert.Contains("100%", await staff.TextContentAsync(".ch-error-summary"));
        await Axe.AssertNoViolationsAsync(staff);
        await staff.FillAsync("#Line_Code", "security");
        await staff.FillAsync("#Line_NameKo", "정보보호");
        await staff.FillAsync("#Line_Amount", "25000");
        await staff.ClickAsync("form[data-line-form] button[type=submit]");
        await staff.WaitForURLAsync($"**/admin/transparency/{year}?saved=true");
        Assert.Equal("0.50%", (await staff.TextContentAsync("[data-share]"))!.Trim()); // 125,000 of 25,000,000

        // A citizen, without JavaScript needed: the dashboard's charts are SVG from the server.
        var citizen = await f.NewPageAsync(locale);
        await citizen.GotoAsync("/transparency");
        await Axe.AssertNoViolationsAsync(citizen);
        Assert.True(await citizen.Locator("[data-figure]").CountAsync() >= 16);
        Assert.True(await citizen.Locator("[data-figure] figure svg").CountAsync() >= 1);
        // A chart's figures are in its table.
        await citizen.ClickAsync("[data-figure='service-requests-on-time-by-service'] details summary");
        Assert.Equal(12, await citizen.Locator("#figure-service-requests-on-time-by-service tbody tr").CountAsync());
        await Axe.AssertNoViolationsAsync(citizen);

        await citizen.ClickAsync("[data-figure='taxi-pickups-within-target'] h3 a");
        await citizen.WaitForURLAsync("**/transparency/figures/taxi-pickups-within-target");
        await Axe.AssertNoViolationsAsync(citizen);
        Assert.Equal(12, await citizen.Locator("[data-months] tbody tr").CountAsync());
        await citizen.ClickAsync("[data-source-query] summary");
        Assert.Contains("taxi_calls", await citizen.TextContentAsync("[data-source-query] code"));
        await Axe.AssertNoViolationsAsync(citizen);

        await citizen.GotoAsync($"/transparency/budget?year={year}");
        await Axe.AssertNoViolationsAsync(citizen);
        Assert.Equal(["e-gov", "security"], await citizen.Locator("[data-programmes] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.programme)"));
        Assert.Contains($"{year} budget book", await citizen.TextContentAsync("[data-source]"));
        await citizen.GotoAsync("/transparency/figures/places-fresh");
        await Axe.AssertNoViolationsAsync(citizen);
    }
}
