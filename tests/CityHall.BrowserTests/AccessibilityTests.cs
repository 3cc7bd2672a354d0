using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>Every page named by the foundation issue, in Korean and in English, with no axe violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    private static string Lang(string locale) => locale[..2];

    [Fact]
    public async Task The_axe_check_fails_on_a_page_with_a_violation_and_after_a_change_made_in_place()
    {
        var page = await f.NewPageAsync("en-US");
        await page.SetContentAsync("<!doctype html><html lang=\"en\"><head><title>t</title></head><body><main><h1>t</h1></main></body></html>");
        await Axe.AssertNoViolationsAsync(page);
        // axe is now in the page: the next check runs it again on the page as it has become.
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')");
        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Axe.AssertNoViolationsAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task Home_has_no_axe_violations(string locale)
    {
        var page = await f.NewPageAsync(locale);
        await page.GotoAsync("/");
        Assert.Equal(Lang(locale), await page.GetAttributeAsync("html", "lang"));
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task Sector_pages_have_no_axe_violations_and_lead_from_home_to_a_service(string locale)
    {
        var page = await f.NewPageAsync(locale);
        await page.GotoAsync("/");
        // Home → the participation sector → the proposals, by the links a citizen follows.
        await page.ClickAsync(".ch-sectors a[href='/sectors/participation']");
        await page.WaitForURLAsync("**/sectors/participation");
        Assert.Equal(Lang(locale), await page.GetAttributeAsync("html", "lang"));
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("[data-service=proposals] a");
        await page.WaitForURLAsync("**/petitions");
        Assert.Equal(1, await page.Locator("main h1").CountAsync());
        await Axe.AssertPageHasNoViolationsAsync(page, "/sectors/transport"); // no service online: the phone notice
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task Sign_up_and_its_error_summary_have_no_axe_violations(string locale)
    {
        var page = await f.NewPageAsync(locale);
        await page.GotoAsync("/account/sign-up");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync(".ch-error-summary");
        Assert.StartsWith(locale == "ko-KR" ? "오류:" : "Error:", await page.TitleAsync());
        // The summary takes focus so it is read out first.
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.classList.contains('ch-error-summary') === true"));
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task Sign_in_has_no_axe_violations(string locale)
    {
        var page = await f.NewPageAsync(locale);
        await page.GotoAsync("/account/sign-in");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task Profile_has_no_axe_violations(string locale)
    {
        var page = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, page, $"a11y-{Guid.NewGuid():N}@example.org");
        // The new account's language is the one it signed up in.
        await page.GotoAsync("/account/profile");
        Assert.Equal(Lang(locale), await page.GetAttributeAsync("html", "lang"));
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task Admin_dashboard_has_no_axe_violations(string locale)
    {
        var page = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, page, CityHall.Web.Platform.Identity.Roles.Administrator);
        await page.GotoAsync("/admin");
        Assert.Equal(200, (await page.ReloadAsync())!.Status);
        await Axe.AssertNoViolationsAsync(page);
        foreach (var url in new[] { "/admin/audit", "/admin/pages", "/admin/pages/privacy", "/admin/users", "/admin/city",
            "/admin/city/departments", "/admin/city/departments?edit=transport", "/admin/city/districts",
            "/admin/petitions", "/admin/petitions/answers", "/admin/petitions/comments", "/admin/petitions/signatures",
            "/admin/petitions/signatures?Filter.Domain=example.org&Filter.FlaggedOnly=false", "/admin/petitions/signatures?Filter.Range=nonsense" })
            await Axe.AssertPageHasNoViolationsAsync(page, url);
        await page.GotoAsync("/admin/users");
        await page.Locator("tbody a").First.ClickAsync();
        await page.WaitForURLAsync("**/admin/users/*");
        await Axe.AssertNoViolationsAsync(page);

        // The settings form with its error summary and inline errors.
        await page.GotoAsync("/admin/city");
        await page.FillAsync("#Input_NameKo", "");
        await page.FillAsync("#Input_TimeZone", "Nowhere/Nothing");
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task High_contrast_and_larger_text_pages_have_no_axe_violations()
    {
        var page = await f.NewPageAsync();
        await Journeys.SignUpAsync(f, page, $"contrast-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync("/account/profile");
        await page.ClickAsync("label[for=Input_LargeText]");
        await page.ClickAsync("label[for=Input_HighContrast]");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**saved=True**");
        Assert.Equal("high-contrast", await page.GetAttributeAsync("html", "data-krds-mode"));
        await page.GotoAsync("/");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}

/// <summary>The rest of the account pages and the error page, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPagesAccessibilityTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    [Theory, MemberData(nameof(Locales))]
    public async Task Signed_out_pages_have_no_axe_violations(string locale)
    {
        var page = await f.NewPageAsync(locale);
        foreach (var url in new[] { "/account/forgot-password", "/account/reset-password?Input.Email=a%40example.org", "/pages/accessibility" })
            await Axe.AssertPageHasNoViolationsAsync(page, url);
        await Axe.AssertPageHasNoViolationsAsync(page, "/no-such-page", status: 404); // the error page itself
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task Signed_in_account_pages_have_no_axe_violations(string locale)
    {
        var page = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, page, $"pages-{Guid.NewGuid():N}@example.org");
        foreach (var url in new[] { "/account/welcome", "/account/verify", "/account/two-factor", "/account/data", "/account/notifications" })
            await Axe.AssertPageHasNoViolationsAsync(page, url);
        await page.Context.CloseAsync();
    }
}
