using System.Net;
using CityHall.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CityHall.Tests.Accounts;

/// <summary>The app on a clock the test moves: codes run out after Accounts:CodeLifetime (10 minutes).</summary>
public sealed class SteppedClockApp() : ClockedApp(DateTimeOffset.UtcNow);

public sealed class CodeExpiryTests(SteppedClockApp app) : IClassFixture<SteppedClockApp>
{
    private async Task<(HttpClient Client, string ConfirmUrl, string Email)> SignUpAsync()
    {
        var email = $"expiry-{Guid.NewGuid():N}@example.org";
        var client = app.CreateBrowserLikeClient();
        var posted = await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "김시간", ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return (client, posted.Headers.Location!.ToString(), email);
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string url, string email, string code) =>
        await client.SubmitAsync(await client.GetPageAsync(url), new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Code"] = code });

    private Task<bool> ConfirmedAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync());

    [Fact]
    public async Task A_confirmation_code_runs_out_after_ten_minutes_and_a_new_one_works()
    {
        var (client, url, email) = await SignUpAsync();
        var code = await TestAccounts.CodeSentToAsync(app, email);
        Assert.Contains("10분", (await app.LastEmailToAsync(email))!.Body);

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await ConfirmAsync(client, url, email, code);
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.Equal("오류: 코드가 맞지 않거나 만료되었습니다. 다시 확인하거나 새 코드를 받으세요.", (await Html.ParseAsync(expired)).InlineError("Input_Code"));
        Assert.False(await ConfirmedAsync(email));

        await client.SubmitAsync(await client.GetPageAsync(url), new Dictionary<string, string> { ["Input.Email"] = email }, action: url.Split('?')[0] + "?handler=Resend");
        var fresh = await TestAccounts.CodeSentToAsync(app, email);
        Assert.NotEqual(code, fresh);
        app.Clock.Advance(TimeSpan.FromMinutes(9)); // still within its ten minutes
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, url, email, fresh)).StatusCode);
        Assert.True(await ConfirmedAsync(email));
    }

    [Fact]
    public async Task After_five_wrong_codes_even_the_right_one_is_refused_until_a_new_code_is_sent()
    {
        var (client, url, email) = await SignUpAsync();
        var code = await TestAccounts.CodeSentToAsync(app, email);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(client, url, email, wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(client, url, email, code)).StatusCode);
        Assert.False(await ConfirmedAsync(email));

        app.Clock.Advance(TimeSpan.FromMinutes(1)); // a new minute, so the new code differs
        await client.SubmitAsync(await client.GetPageAsync(url), new Dictionary<string, string> { ["Input.Email"] = email }, action: url.Split('?')[0] + "?handler=Resend");
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, url, email, await TestAccounts.CodeSentToAsync(app, email))).StatusCode);
    }

    [Fact]
    public async Task An_expired_password_reset_code_changes_nothing()
    {
        var email = $"reset-expiry-{Guid.NewGuid():N}@example.org";
        (await app.SignedUpCitizenAsync(email)).Dispose();
        var client = app.CreateBrowserLikeClient();
        var asked = await client.SubmitAsync(await client.GetPageAsync("/account/forgot-password"), new Dictionary<string, string> { ["Input.Email"] = email });
        var code = await TestAccounts.CodeSentToAsync(app, email);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var reset = await client.SubmitAsync(await client.GetPageAsync(asked.Headers.Location!.ToString()), new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Code"] = code, ["Input.NewPassword"] = "a-brand-new-password-7",
        });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.NotNull((await Html.ParseAsync(reset)).InlineError("Input_Code"));

        var signIn = await client.SubmitAsync(await client.GetPageAsync("/account/sign-in"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode); // the old password still works
    }
}
