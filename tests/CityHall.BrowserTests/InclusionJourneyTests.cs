using CityHall.Tests.Inclusion;
using CityHall.Web.Modules.Inclusion;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// Applying for a free PC repair with the keyboard alone, page by page to the confirmation, and a
/// staff member running a draw to its published result — with no axe violation on any page, in
/// Korean and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InclusionJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    private static Task<string?> FocusedAsync(IPage page, string attribute = "id") =>
        page.EvaluateAsync<string?>($"() => document.activeElement?.getAttribute('{attribute}') || null");

    /// <summary>Tabs forward until the element matching the selector has focus (at most 60 stops).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"Tabbing never reached {selector} on {page.Url}");
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task A_citizen_applies_with_the_keyboard_alone_and_every_page_passes_axe(string locale)
    {
        var page = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, page, $"apply-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync("/inclusion");
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/inclusion/pc-repair");
        await Axe.AssertNoViolationsAsync(page);
        await TabToAsync(page, "[data-start]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/contact");
        await Axe.AssertNoViolationsAsync(page);

        // A mistake first: the error summary takes focus and leads to the field.
        await TabToAsync(page, "#ApplicantName");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("010-2345-6789");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('ch-error-summary')"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("ApplicantName", await FocusedAsync(page));
        await page.Keyboard.TypeAsync("김키보드");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/address*");
        await Axe.AssertNoViolationsAsync(page);
        await TabToAsync(page, "#District");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("세종대로 110, 101동 202호");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/benefits*");
        await Axe.AssertNoViolationsAsync(page);
        await TabToAsync(page, "#Benefits-basic-pension");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "[data-continue]");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/details*");
        await Axe.AssertNoViolationsAsync(page);
        await TabToAsync(page, "#Details");
        await page.Keyboard.TypeAsync("전원이 켜지지 않습니다.");
        await TabToAsync(page, "[data-continue]");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/check*");
        await Axe.AssertNoViolationsAsync(page);
        Assert.Contains("세종대로 110", await page.TextContentAsync("[data-answer=address]"));
        await TabToAsync(page, "#Declaration");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "[data-submit]");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync("[data-confirmation]");
        await Axe.AssertNoViolationsAsync(page);
        var reference = (await page.TextContentAsync("[data-reference]"))!.Trim();
        Assert.StartsWith("INC-", reference);
        Assert.Equal("Submitted", await page.GetAttributeAsync("[data-state]", "data-state"));
        await page.GotoAsync("/inclusion/applications");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task Staff_run_a_draw_and_its_result_is_published_and_every_page_passes_axe(string locale)
    {
        var references = await InclusionData.ApplicationsAsync(f.App, "study-licence", 12, ApplicationState.Verified,
            pool: i => new[] { "elementary", "middle", "high", "university" }[i % 4]);
        var staff = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, staff, CityHall.Web.Platform.Identity.Roles.Official);
        foreach (var url in new[] { "/admin/inclusion", "/admin/inclusion/study-licence", $"/admin/inclusion/applications/{references[0]}",
            "/admin/inclusion/study-licence/edit", "/admin/inclusion/senior-smart-class/fulfilment", "/admin/inclusion/pc-repair/fulfilment",
            "/admin/inclusion/reports", "/admin/inclusion/study-licence/assist" })
            await Axe.AssertPageHasNoViolationsAsync(staff, url);

        await staff.GotoAsync("/admin/inclusion/study-licence/selection");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.FillAsync("#Seed", "");
        await staff.ClickAsync("form[data-run] button[type=submit]");
        await staff.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.FillAsync("#Seed", $"browser-{locale}");
        await staff.ClickAsync("form[data-run] button[type=submit]");
        await staff.WaitForURLAsync("**/inclusion/study-licence/selection/*");
        await Axe.AssertNoViolationsAsync(staff);
        Assert.Equal($"browser-{locale}", (await staff.TextContentAsync("[data-seed]"))!.Trim());
        var listed = await staff.Locator("[data-selected] li, [data-waitlist] li").AllTextContentsAsync();
        Assert.Superset(references.ToHashSet(), listed.Select(r => r.Trim()).ToHashSet());
        await staff.Context.CloseAsync();
    }
}
