using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// WCAG 2.4.7: every form field looks different when it has the keyboard focus. Each field of each
/// form page is compared focused and unfocused (outline, border, shadow); a field that looks the same is named.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FocusVisibilityTests(BrowserFixture f)
{
    private const string UnchangedFieldsScript = """
        () => {
          const look = el => { const s = getComputedStyle(el);
            return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.borderTopColor, s.borderTopWidth, s.boxShadow].join('|'); };
          const fields = [...document.querySelectorAll('main input, main select, main textarea')]
            .filter(el => !['hidden', 'submit', 'button', 'file'].includes(el.type) && el.getClientRects().length > 0 && !el.disabled);
          const same = [];
          for (const el of fields) {
            document.activeElement?.blur();
            const before = look(el);
            el.focus();
            if (document.activeElement !== el) continue;
            if (look(el) === before) same.push((el.id || el.name) + ' (' + el.type + ')');
          }
          return { count: fields.length, same };
        }
        """;

    private async Task AssertFocusShowsAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        // The page asked for, not a sign-in page it redirected to.
        Assert.True(new Uri(page.Url).PathAndQuery == url || response?.Status == 200 && new Uri(page.Url).AbsolutePath == url.Split('?')[0], $"{url} ended at {page.Url}");
        var result = await page.EvaluateAsync<System.Text.Json.JsonElement>(UnchangedFieldsScript);
        var count = result.GetProperty("count").GetInt32();
        var same = result.GetProperty("same").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(count > 0, $"{url}: no form field found (is it the right page? {await page.TitleAsync()})");
        Assert.True(same.Count == 0, $"{url}: focus does not show on {string.Join(", ", same)}");
    }

    [Fact]
    public async Task Public_form_fields_show_the_keyboard_focus()
    {
        var page = await f.NewPageAsync();
        foreach (var url in new[] { "/account/sign-up", "/account/sign-in", "/account/forgot-password", "/places/near" })
            await AssertFocusShowsAsync(page, url);
        await Journeys.SignUpAsync(f, page, $"focus-{Guid.NewGuid():N}@example.org");
        foreach (var url in new[] { "/account/profile", "/petitions/new", "/account/verify", "/reports/new/location?service=road-damage", "/reports/new/details?service=road-damage&address=%EA%B0%95%EB%82%A8%EA%B5%AC%20%ED%85%8C%ED%97%A4%EB%9E%80%EB%A1%9C%20100" })
            await AssertFocusShowsAsync(page, url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_form_fields_show_the_keyboard_focus()
    {
        var page = await f.NewPageAsync();
        await Journeys.SignInAsStaffAsync(f, page, CityHall.Web.Platform.Identity.Roles.Administrator);
        foreach (var url in new[] { "/admin/city", "/admin/pages/privacy", "/admin/users", "/admin/petitions/signatures", "/admin/service-requests/catalogue", "/admin/inclusion/pc-handout/edit" })
            await AssertFocusShowsAsync(page, url);
        await page.Context.CloseAsync();
    }
}
