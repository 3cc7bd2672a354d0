using Microsoft.Playwright;

namespace CityHall.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture f)
{
    private static Task<string?> FocusedIdAsync(IPage page) => page.EvaluateAsync<string?>("() => document.activeElement?.id || null");

    [Fact]
    public async Task A_person_signs_up_with_the_keyboard_alone()
    {
        var page = await f.NewPageAsync();
        await page.GotoAsync("/");

        // The skip link is the first stop and it is visible when focused.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#main", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        Assert.True(await page.Locator("#krds-skip-link a").IsVisibleAsync());

        await page.GotoAsync("/account/sign-up");
        // Tab until the name field: everything before it is reachable and in order.
        for (var i = 0; i < 40 && await FocusedIdAsync(page) != "Input_DisplayName"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Input_DisplayName", await FocusedIdAsync(page));
        await page.Keyboard.TypeAsync("김키보드");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Input_Email", await FocusedIdAsync(page));
        await page.Keyboard.TypeAsync("not-an-email");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Input_Password", await FocusedIdAsync(page));
        await page.Keyboard.TypeAsync(CityHall.Tests.Infrastructure.TestAccounts.Password);
        await page.Keyboard.PressAsync("Enter");

        // The error summary takes focus; its link moves focus to the field in error.
        await page.WaitForSelectorAsync(".ch-error-summary");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('ch-error-summary')"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("Input_Email", await FocusedIdAsync(page));

        var email = $"keyboard-{Guid.NewGuid():N}@example.org";
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(CityHall.Tests.Infrastructure.TestAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/account/confirm**");

        for (var i = 0; i < 40 && await FocusedIdAsync(page) != "Input_Code"; i++) await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(await CityHall.Tests.Infrastructure.TestAccounts.CodeSentToAsync(f.App, email));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/account/welcome*");
        Assert.Equal("가입이 완료되었습니다", (await page.TextContentAsync("h1"))!.Trim());
        await page.Context.CloseAsync();
    }
}
