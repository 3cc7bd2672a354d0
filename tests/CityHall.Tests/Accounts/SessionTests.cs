using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Accounts;

/// <summary>Revalidation every second, so what happens "at the next revalidation" happens within the test.</summary>
public sealed class QuickRevalidationApp() : CityHallApp(new Dictionary<string, string?>
{
    ["Accounts:SessionRevalidationInterval"] = "00:00:01",
    ["Accounts:SessionRevocationPeriod"] = "00:00:00.5",
});

/// <summary>
/// A session ends when its person signs out, on every node; "sign out everywhere" ends all of them;
/// opening the authenticator page ends none; an authenticator code works once.
/// </summary>
public sealed class SessionTests(QuickRevalidationApp app) : IClassFixture<QuickRevalidationApp>
{
    /// <summary>Signs in through the pages and returns the browser and a copy of its sign-in cookie (what a thief would take).</summary>
    internal static async Task<(HttpClient Browser, string CopiedCookie)> SignInAsync(CityHallApp app, string email)
    {
        var browser = app.CreateBrowserLikeClient();
        var done = await browser.SubmitAsync(await browser.GetPageAsync("/account/sign-in"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var cookie = string.Join("; ", done.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith(".CityHall.Auth", StringComparison.Ordinal)));
        Assert.NotEmpty(cookie);
        return (browser, cookie);
    }

    internal static async Task<HttpStatusCode> ProfileWithAsync(CityHallApp app, string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/profile");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_works_after_it()
    {
        var email = $"session-{Guid.NewGuid():N}@example.org";
        await app.SignedUpCitizenAsync(email);
        var (browser, copied) = await SignInAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, await ProfileWithAsync(app, copied));

        var signedOut = await browser.SubmitAsync(await browser.GetPageAsync("/account/sign-out"), []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await ProfileWithAsync(app, copied));
        // Still refused after the revalidation interval (the database says so too, not only this node's memory).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(HttpStatusCode.Redirect, await ProfileWithAsync(app, copied));
        Assert.NotNull(await app.WithDbAsync(db => db.Set<AccountSession>().Where(s => s.RevokedAt != null)
            .Join(db.Users.Where(u => u.Email == email), s => s.UserId, u => u.Id, (s, u) => s).FirstOrDefaultAsync()));
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_account_and_no_other()
    {
        var email = $"everywhere-{Guid.NewGuid():N}@example.org";
        await app.SignedUpCitizenAsync(email);
        var (phone, phoneCookie) = await SignInAsync(app, email);
        var (_, laptopCookie) = await SignInAsync(app, email);
        var otherEmail = $"bystander-{Guid.NewGuid():N}@example.org";
        await app.SignedUpCitizenAsync(otherEmail);
        var (_, otherCookie) = await SignInAsync(app, otherEmail);

        var profile = await phone.GetPageAsync("/account/profile");
        Assert.NotNull(profile.QuerySelector("[data-sign-out-everywhere]"));
        var done = await phone.SubmitAsync(profile, [], "form[action*='handler=SignOutEverywhere']");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ProfileWithAsync(app, phoneCookie));
        Assert.Equal(HttpStatusCode.Redirect, await ProfileWithAsync(app, laptopCookie));
        Assert.Equal(HttpStatusCode.OK, await ProfileWithAsync(app, otherCookie));
        // A new sign-in works as before.
        var (_, fresh) = await SignInAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, await ProfileWithAsync(app, fresh));
    }

    [Fact]
    public async Task Opening_the_authenticator_page_does_not_sign_the_person_out_anywhere()
    {
        var email = $"authenticator-{Guid.NewGuid():N}@example.org";
        await app.SignedUpCitizenAsync(email);
        var (browser, copied) = await SignInAsync(app, email);
        var (_, elsewhere) = await SignInAsync(app, email);
        var setup = await browser.GetPageAsync("/account/two-factor");
        Assert.NotNull(setup.QuerySelector("form"));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the revalidation interval
        Assert.Equal(HttpStatusCode.OK, await ProfileWithAsync(app, copied));
        Assert.Equal(HttpStatusCode.OK, await ProfileWithAsync(app, elsewhere));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/profile")).StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_works_once()
    {
        var email = $"totp-{Guid.NewGuid():N}@city.example";
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
            key = (await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateOrPromoteAsync(email, "직원", TestAccounts.Password, Roles.Moderator)).AuthenticatorKey!;
        var code = Totp.Code(key);

        async Task<HttpResponseMessage> SecondStepAsync()
        {
            var client = app.CreateBrowserLikeClient();
            var first = await client.SubmitAsync(await client.GetPageAsync("/account/sign-in"),
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password });
            Assert.StartsWith("/account/sign-in/two-factor", first.Headers.Location!.ToString());
            return await client.SubmitAsync(await client.GetPageAsync(first.Headers.Location!.ToString()), new Dictionary<string, string> { ["Input.Code"] = code });
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync()).StatusCode);
        var replayed = await SecondStepAsync();
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("코드가 맞지 않거나 만료되었습니다", string.Join(" ", (await Html.ParseAsync(replayed)).ErrorSummary()), StringComparison.Ordinal);
    }
}

/// <summary>Two app instances on one database: a sign-out on one ends the session on the other.</summary>
public sealed class SessionAcrossNodesTests : IDisposable
{
    private readonly QuickRevalidationApp first = new();
    private readonly CityHallApp second;

    public SessionAcrossNodesTests()
    {
        _ = first.Server; // the first node makes the database and the data-protection key ring
        second = new OtherNode(first); // with the same quick revocation period
    }


    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }

    [Fact]
    public async Task A_sign_out_on_one_node_ends_the_session_on_the_other()
    {
        var email = $"nodes-{Guid.NewGuid():N}@example.org";
        await first.SignedUpCitizenAsync(email);
        var (browser, copied) = await SessionTests.SignInAsync(first, email);
        Assert.Equal(HttpStatusCode.OK, await SessionTests.ProfileWithAsync(second, copied));

        await browser.SubmitAsync(await browser.GetPageAsync("/account/sign-out"), []);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await SessionTests.ProfileWithAsync(second, copied) == HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "The other node still accepted the signed-out session after 10 s");
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.Redirect, await SessionTests.ProfileWithAsync(second, copied));
    }
}
