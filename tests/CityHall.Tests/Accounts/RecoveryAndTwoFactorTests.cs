using System.Net;
using System.Text.RegularExpressions;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Accounts;

public sealed partial class RecoveryAndTwoFactorTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task A_forgotten_password_is_reset_with_the_emailed_code()
    {
        var email = $"forgot-{Guid.NewGuid():N}@example.org";
        (await app.SignedUpCitizenAsync(email)).Dispose();
        var client = app.CreateBrowserLikeClient();
        var asked = await client.SubmitAsync(await client.GetPageAsync("/account/forgot-password"), new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.StartsWith("/account/reset-password", asked.Headers.Location!.ToString());
        var code = await TestAccounts.CodeSentToAsync(app, email);
        var reset = await client.GetPageAsync(asked.Headers.Location!.ToString());
        var done = await client.SubmitAsync(reset, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Code"] = code, ["Input.NewPassword"] = "brand-new-secret-7",
        });
        Assert.Equal("/account/sign-in", done.Headers.Location!.ToString());
        var signIn = await client.GetPageAsync("/account/sign-in");
        Assert.Equal("비밀번호를 바꾸었습니다. 새 비밀번호로 로그인하세요.", signIn.QuerySelector("[role=status]")!.TextContent.Trim());
        var signedIn = await client.SubmitAsync(signIn, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "brand-new-secret-7" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_reset_for_an_unknown_address_looks_the_same_and_sends_nothing()
    {
        var client = app.CreateBrowserLikeClient();
        var asked = await client.SubmitAsync(await client.GetPageAsync("/account/forgot-password"), new Dictionary<string, string> { ["Input.Email"] = "nobody-here@example.org" });
        Assert.StartsWith("/account/reset-password", asked.Headers.Location!.ToString());
        Assert.Null(await app.LastEmailToAsync("nobody-here@example.org"));
    }

    [Fact]
    public async Task A_wrong_reset_code_changes_nothing()
    {
        var email = $"badreset-{Guid.NewGuid():N}@example.org";
        (await app.SignedUpCitizenAsync(email)).Dispose();
        var client = app.CreateBrowserLikeClient();
        await client.SubmitAsync(await client.GetPageAsync("/account/forgot-password"), new Dictionary<string, string> { ["Input.Email"] = email });
        var reset = await client.GetPageAsync($"/account/reset-password?Input.Email={Uri.EscapeDataString(email)}");
        var code = await TestAccounts.CodeSentToAsync(app, email);
        var response = await client.SubmitAsync(reset, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Code"] = code == "123456" ? "654321" : "123456", ["Input.NewPassword"] = "brand-new-secret-7",
        });
        var page = await Html.ParseAsync(response);
        Assert.Contains("코드가 맞지 않거나 만료되었습니다. 다시 확인하거나 새 코드를 받으세요.", page.ErrorSummary());

        // Nothing changed: the new password does not open the account, the old one still does.
        async Task<HttpStatusCode> SignInWithAsync(string password)
        {
            var browser = app.CreateBrowserLikeClient();
            await browser.SubmitAsync(await browser.GetPageAsync("/account/sign-in"), new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
            return (await browser.GetAsync("/account/profile")).StatusCode;
        }
        Assert.Equal(HttpStatusCode.Redirect, await SignInWithAsync("brand-new-secret-7"));
        Assert.Equal(HttpStatusCode.OK, await SignInWithAsync(TestAccounts.Password));
    }

    [Fact]
    public async Task A_staff_member_without_two_factor_is_refused_then_sets_it_up_and_gets_in()
    {
        var email = $"newofficial-{Guid.NewGuid():N}@city.example";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CityHallUser>>();
            var user = new CityHallUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "새직원" };
            Assert.True((await users.CreateAsync(user, TestAccounts.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Official);
        }
        var client = app.CreateBrowserLikeClient();
        var signedIn = await client.SubmitAsync(await client.GetPageAsync("/account/sign-in"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password });
        Assert.Equal("/", signedIn.Headers.Location!.ToString()); // no second step yet

        var refused = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var refusedPage = await Html.ParseAsync(refused);
        Assert.NotNull(refusedPage.QuerySelector("a[href='/account/two-factor']"));

        var setup = await client.GetPageAsync("/account/two-factor");
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("main img")!.GetAttribute("src"));
        var key = setup.QuerySelector("[data-authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var wrong = await Html.ParseAsync(await client.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1)) }));
        Assert.Single(wrong.ErrorSummary());

        var done = await Html.ParseAsync(await client.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) }));
        Assert.Equal(8, done.QuerySelectorAll("[data-recovery-codes] li").Length);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email && u.TwoFactorEnabled)));
    }
}
