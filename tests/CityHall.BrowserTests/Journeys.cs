using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>What a person does in the browser, shared by the tests.</summary>
public static partial class Journeys
{
    public static async Task<string> SignUpAsync(BrowserFixture f, IPage page, string email)
    {
        await page.GotoAsync("/account/sign-up");
        await page.FillAsync("#Input_DisplayName", "김서울");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        try { await page.WaitForURLAsync("**/account/confirm**"); }
        catch (TimeoutException)
        {
            // Say what the page showed instead (an error summary, an error page), so a failure here can be understood from the log.
            var main = ((await page.Locator("main").First.TextContentAsync()) ?? "").Trim();
            throw new TimeoutException($"Sign-up did not reach the confirmation page; still at {page.Url}: \"{await page.TitleAsync()}\" {main[..Math.Min(400, main.Length)]}");
        }
        var code = await TestAccounts.CodeSentToAsync(f.App, email);
        await page.FillAsync("#Input_Code", code);
        await page.ClickAsync("main button[type=submit] >> nth=0");
        await page.WaitForURLAsync("**/account/welcome*");
        return email;
    }

    /// <summary>
    /// From a page that sends an unverified citizen to /account/verify: follows that link, verifies a new mobile number
    /// by the SMS code, and comes back to <paramref name="returnTo"/>.
    /// </summary>
    public static async Task VerifyBySmsAsync(BrowserFixture f, IPage page, string linkSelector, string returnTo)
    {
        await page.ClickAsync(linkSelector);
        await AnswerVerificationAsync(f, page, returnTo);
    }

    /// <summary>On /account/verify: verifies a new mobile number by the SMS code and waits to be back at <paramref name="returnTo"/>.</summary>
    public static async Task AnswerVerificationAsync(BrowserFixture f, IPage page, string returnTo)
    {
        var mobile = TestAccounts.RandomMobile();
        await page.FillAsync("#Input_Subject", mobile);
        await page.FillAsync("#Input_BirthYear", "1980");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("#Input_Answer");
        var sms = await f.App.LastSmsToAsync(mobile);
        await page.FillAsync("#Input_Answer", SixDigits().Match(sms!.Body).Value);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(returnTo);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d{6}\b")]
    private static partial System.Text.RegularExpressions.Regex SixDigits();

    /// <param name="department">For officials: the department (by code) they belong to.</param>
    public static async Task SignInAsStaffAsync(BrowserFixture f, IPage page, string role, string? department = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@city.example";
        string key;
        await using (var scope = f.App.Services.CreateAsyncScope())
        {
            key = (await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateOrPromoteAsync(email, "직원", TestAccounts.Password, role)).AuthenticatorKey!;
            if (department is not null) await TestAccounts.AddToDepartmentAsync(scope.ServiceProvider, email, department);
        }
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/account/sign-in/two-factor**");
        await page.FillAsync("#Input_Code", Totp.Code(key));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("two-factor", StringComparison.Ordinal));
    }
}
