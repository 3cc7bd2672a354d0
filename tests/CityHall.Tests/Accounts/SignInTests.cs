using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Accounts;

public sealed class SignInTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await client.SubmitAsync(await client.GetPageAsync("/account/sign-in"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task A_confirmed_citizen_signs_in_and_out()
    {
        var email = $"in-{Guid.NewGuid():N}@example.org";
        (await app.SignedUpCitizenAsync(email)).Dispose();
        var client = app.CreateBrowserLikeClient();
        var response = await SignInAsync(client, email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var profile = await client.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);

        var home = await client.GetPageAsync("/");
        var signOut = await client.SubmitAsync(home, new Dictionary<string, string>(), "form[action='/account/sign-out']");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await client.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/sign-in", after.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var email = $"wrong-{Guid.NewGuid():N}@example.org";
        (await app.SignedUpCitizenAsync(email)).Dispose();
        var client = app.CreateBrowserLikeClient();
        // An address nobody has and a real one with the wrong password: the same answer, so the form tells no one which addresses exist.
        var unknown = await SignInAsync(client, "nobody@example.org", "whatever-123");
        var wrong = await SignInAsync(client, email, "whatever-123");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unknown.StatusCode, wrong.StatusCode));
        Assert.Equal(["이메일 주소 또는 비밀번호가 맞지 않습니다."], (await Html.ParseAsync(unknown)).ErrorSummary());
        Assert.Equal(["이메일 주소 또는 비밀번호가 맞지 않습니다."], (await Html.ParseAsync(wrong)).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/profile")).StatusCode); // not signed in
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_say_when_to_try_again()
    {
        var email = $"lock-{Guid.NewGuid():N}@example.org";
        (await app.SignedUpCitizenAsync(email)).Dispose();
        var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++) await SignInAsync(client, email, "wrong-password-1");
        var page = await Html.ParseAsync(await SignInAsync(client, email, TestAccounts.Password));
        var message = Assert.Single(page.ErrorSummary());
        Assert.StartsWith("로그인 시도가 너무 많아 계정이 잠시 잠겼습니다.", message);
        Assert.Matches(@"\d{4}", message); // the time when it opens again
    }

    [Fact]
    public async Task An_unconfirmed_account_with_the_right_password_is_sent_to_the_code_page()
    {
        var email = $"unconfirmed-{Guid.NewGuid():N}@example.org";
        var client = app.CreateBrowserLikeClient();
        await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "김서울", ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password,
        });
        var other = app.CreateBrowserLikeClient();
        var response = await SignInAsync(other, email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/confirm", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Staff_sign_in_needs_the_authenticator_code()
    {
        var client = await app.SignedInStaffAsync(Roles.Administrator);
        var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task A_wrong_authenticator_code_is_refused()
    {
        var email = $"staff-{Guid.NewGuid():N}@city.example";
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateOrPromoteAsync(email, "직원", TestAccounts.Password, Roles.Official);
        var client = app.CreateBrowserLikeClient();
        var first = await SignInAsync(client, email, TestAccounts.Password);
        var second = await client.GetPageAsync(first.Headers.Location!.ToString());
        var page = await Html.ParseAsync(await client.SubmitAsync(second, new Dictionary<string, string> { ["Input.Code"] = "000000" }));
        Assert.Single(page.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode); // still not signed in
    }
}
