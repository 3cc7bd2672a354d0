using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Accounts;

public sealed partial class VerificationAndDataTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static string RandomMobile() => TestAccounts.RandomMobile();

    private Task<HttpResponseMessage> VerifyBySmsAsync(HttpClient client, string mobile, bool rightCode = true) =>
        TestAccounts.VerifyBySmsAsync(app, client, mobile, rightCode);

    [Fact]
    public async Task A_citizen_verifies_by_SMS_and_other_modules_see_a_stable_identity_key()
    {
        var email = $"verify-{Guid.NewGuid():N}@example.org";
        var client = await app.SignedUpCitizenAsync(email);
        var mobile = RandomMobile();
        var response = await VerifyBySmsAsync(client, mobile[..3] + "-" + mobile[3..7] + "-" + mobile[7..]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync("/account/verify");
        Assert.NotNull(page.QuerySelector("[data-verified=true]"));

        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(mobile, user.PhoneNumber);
        Assert.DoesNotContain(mobile, user.VerifiedIdentityHash); // only a keyed hash is stored
        await using var scope = app.Services.CreateAsyncScope();
        var citizens = scope.ServiceProvider.GetRequiredService<IVerifiedCitizens>();
        Assert.True(await citizens.IsVerifiedAsync(user.Id));
        Assert.Equal(user.VerifiedIdentityHash, await citizens.IdentityKeyAsync(user.Id));
    }

    [Fact]
    public async Task A_second_account_with_the_same_identity_is_refused_with_an_explanation()
    {
        var mobile = RandomMobile();
        var first = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await VerifyBySmsAsync(first, mobile)).StatusCode);
        var second = await app.SignedUpCitizenAsync();
        var response = await VerifyBySmsAsync(second, mobile);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("이 신원은 이미 다른 계정에서 본인 확인에 쓰였습니다.", page.ErrorSummary().Single());
    }

    [Fact]
    public async Task A_wrong_SMS_code_or_a_bad_number_is_refused()
    {
        var client = await app.SignedUpCitizenAsync();
        var wrong = await Html.ParseAsync(await VerifyBySmsAsync(client, RandomMobile(), rightCode: false));
        Assert.Equal(["코드가 맞지 않거나 만료되었습니다. 다시 확인하거나 새 코드를 받으세요."], wrong.ErrorSummary());
        var start = await client.GetPageAsync("/account/verify");
        var bad = await Html.ParseAsync(await client.SubmitAsync(start, new Dictionary<string, string> { ["Input.Method"] = "sms", ["Input.Subject"] = "12345", ["Input.BirthYear"] = "1980" }));
        Assert.Equal(["휴대전화 번호를 확인하세요. 010으로 시작하는 10~11자리 숫자입니다."], bad.ErrorSummary());
    }

    [Fact]
    public async Task The_year_of_birth_is_asked_with_the_number_and_kept_once_verified()
    {
        var email = $"born-{Guid.NewGuid():N}@example.org";
        var client = await app.SignedUpCitizenAsync(email);
        var mobile = RandomMobile();
        var thisYear = DateTime.UtcNow.Year; // the test app's city clock is the real one
        foreach (var year in new[] { "", "abc", "1899", (thisYear + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "1e3" })
        {
            var start = await client.GetPageAsync("/account/verify");
            var page = await Html.ParseAsync(await client.SubmitAsync(start, new Dictionary<string, string> { ["Input.Method"] = "sms", ["Input.Subject"] = mobile, ["Input.BirthYear"] = year }));
            Assert.Equal([$"출생 연도를 1900년부터 {thisYear}년 사이의 네 자리 숫자로 입력하세요."], page.ErrorSummary());
            Assert.Null(await app.LastSmsToAsync(mobile)); // no code is sent until the form is right
        }
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.VerifyBySmsAsync(app, client, mobile, birthYear: 1961)).StatusCode);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(1961, user.BirthYear);
        Assert.Equal("1961", (await client.GetPageAsync("/account/verify")).QuerySelector("[data-birth-year]")!.GetAttribute("data-birth-year"));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1961, (await scope.ServiceProvider.GetRequiredService<IVerifiedCitizens>().FindVerifiedAsync(user.Id))!.BirthYear);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/account/data/download"));
        Assert.Contains("1961", json.RootElement.ToString());
    }

    [Fact]
    public async Task Someone_verified_before_the_year_was_asked_gives_it_once()
    {
        var email = $"before-{Guid.NewGuid():N}@example.org";
        var client = await app.VerifiedCitizenAsync(email);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.BirthYear, (int?)null)));
        var page = await client.GetPageAsync("/account/verify");
        Assert.NotNull(page.QuerySelector("form[data-birth-year-form]"));
        var refused = await Html.ParseAsync(await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.BirthYear"] = "19" }, "form[data-birth-year-form]"));
        Assert.Single(refused.ErrorSummary());
        var saved = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.BirthYear"] = "2004" }, "form[data-birth-year-form]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2004, await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.BirthYear).SingleAsync()));
        // Fixed once given: a second form (an old copy of the page) changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.BirthYear"] = "1950" }, "form[data-birth-year-form]")).StatusCode);
        Assert.Equal(2004, await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.BirthYear).SingleAsync()));
        Assert.Null((await client.GetPageAsync("/account/verify")).QuerySelector("form[data-birth-year-form]"));
    }

    [Fact]
    public async Task The_development_verifier_is_not_offered_outside_development()
    {
        var client = await app.SignedUpCitizenAsync();
        var page = await client.GetPageAsync("/account/verify");
        Assert.Null(page.QuerySelector("#method-development"));
        Assert.NotNull(page.QuerySelector("#method-sms"));
    }

    [Fact]
    public async Task A_citizen_downloads_their_data_as_JSON()
    {
        var email = $"export-{Guid.NewGuid():N}@example.org";
        var client = await app.SignedUpCitizenAsync(email, "내보내기");
        var response = await client.GetAsync("/account/data/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("my-data.json", response.Content.Headers.ContentDisposition!.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(email, json.RootElement.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("내보내기", json.RootElement.GetProperty("account").GetProperty("displayName").GetString());
        Assert.Contains(json.RootElement.GetProperty("notifications").GetProperty("sent").EnumerateArray(), m => m.GetProperty("recipient").GetString() == email);
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password_and_removes_the_person_and_their_messages()
    {
        var email = $"delete-{Guid.NewGuid():N}@example.org";
        var client = await app.SignedUpCitizenAsync(email);
        var page = await client.GetPageAsync("/account/data");
        var wrong = await Html.ParseAsync(await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Password"] = "not-my-password-1" }));
        Assert.Equal(["비밀번호가 맞지 않습니다."], wrong.ErrorSummary());
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var deleted = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password });
        Assert.Equal("/account/deleted", deleted.Headers.Location!.ToString());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Recipient == email)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/profile")).StatusCode); // signed out
    }
}
