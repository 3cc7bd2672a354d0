using System.Net;
using AngleSharp.Dom;
using CityHall.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Accounts;

public sealed class SignUpTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static Dictionary<string, string> Form(string name, string email, string password) => new()
    {
        ["Input.DisplayName"] = name, ["Input.Email"] = email, ["Input.Password"] = password,
    };

    [Fact]
    public async Task Signing_up_sends_a_code_that_confirms_the_address_and_signs_the_person_in()
    {
        var email = $"new-{Guid.NewGuid():N}@example.org";
        var client = app.CreateBrowserLikeClient();
        var posted = await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), Form("김서울", email, TestAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/account/confirm", posted.Headers.Location!.ToString());

        var mail = await app.LastEmailToAsync(email);
        Assert.NotNull(mail);
        Assert.Contains("김서울", mail.Body);
        Assert.DoesNotContain("http", mail.Body); // a code to type, not a link a scanner could open

        var confirm = await client.GetPageAsync(posted.Headers.Location!.ToString());
        Assert.Equal(email, confirm.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);
        // The step indicator says where the person is: step 2 of 3, the first one done.
        Assert.Equal("2단계", confirm.QuerySelector(".krds-step-wrap li[aria-current=step] .step")!.TextContent);
        Assert.Single(confirm.QuerySelectorAll(".krds-step-wrap li.done"));
        var done = await client.SubmitAsync(confirm, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Code"] = await TestAccounts.CodeSentToAsync(app, email),
        });
        Assert.Equal("/account/welcome", done.Headers.Location!.ToString());
        var welcome = await client.GetPageAsync("/account/welcome");
        Assert.Equal("가입이 완료되었습니다", welcome.QuerySelector("h1")!.TextContent.Trim());
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email && u.EmailConfirmed)));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_with_an_error_summary()
    {
        var email = $"wrong-{Guid.NewGuid():N}@example.org";
        var client = app.CreateBrowserLikeClient();
        var posted = await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), Form("김서울", email, TestAccounts.Password));
        var confirm = await client.GetPageAsync(posted.Headers.Location!.ToString());
        var real = await TestAccounts.CodeSentToAsync(app, email);
        var wrong = real == "000000" ? "111111" : "000000";
        var response = await client.SubmitAsync(confirm, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Code"] = wrong });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("오류:", page.Title);
        Assert.Equal(["코드가 맞지 않거나 만료되었습니다. 다시 확인하거나 새 코드를 받으세요."], page.ErrorSummary());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email && u.EmailConfirmed)));
    }

    [Fact]
    public async Task Empty_fields_give_an_error_summary_linking_to_each_field_with_the_same_words_inline()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), Form("", "", ""));
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("오류:", page.Title);
        var links = page.QuerySelectorAll(".ch-error-summary li a").Select(a => a.GetAttribute("href") ?? "").ToArray();
        Assert.Equal(["#Input_DisplayName", "#Input_Email", "#Input_Password"], links);
        Assert.Equal("오류: 이름을 입력하세요.", page.InlineError("Input_DisplayName"));
        Assert.Contains("이름을 입력하세요.", page.ErrorSummary());
        Assert.Equal("true", page.QuerySelector("#Input_Email")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task An_invalid_email_and_a_weak_password_are_refused_in_English_too()
    {
        var client = app.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en-US");
        var response = await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), Form("Kim", "not-an-email", "short"));
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title);
        Assert.Contains("Enter an email address in the correct format, like name@example.com", page.ErrorSummary());

        var weak = await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), Form("Kim", $"weak-{Guid.NewGuid():N}@example.org", "short"));
        var weakPage = await Html.ParseAsync(weak);
        Assert.Contains("Password must be 10 characters or more.", weakPage.ErrorSummary());
        Assert.Contains("Password must contain at least one number.", weakPage.ErrorSummary());
    }

    [Fact]
    public async Task Signing_up_with_a_known_address_answers_as_for_a_new_one_and_tells_the_owner_by_email()
    {
        var known = $"dup-{Guid.NewGuid():N}@example.org";
        await app.SignedUpCitizenAsync(known);
        var fresh = $"new-{Guid.NewGuid():N}@example.org";
        var before = await app.WithDbAsync(db => db.Users.CountAsync());

        var client = app.CreateBrowserLikeClient();
        var again = await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), Form("다른 사람", known.ToUpperInvariant(), TestAccounts.Password));
        var other = app.CreateBrowserLikeClient();
        var first = await other.SubmitAsync(await other.GetPageAsync("/account/sign-up"), Form("새 사람", fresh, TestAccounts.Password));

        // Same status, same next page (the address as typed), nothing that tells them apart.
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal("/account/confirm?email=" + known.ToUpperInvariant(), again.Headers.Location!.OriginalString);
        Assert.Equal("/account/confirm?email=" + fresh, first.Headers.Location!.OriginalString);
        var confirmAgain = await client.GetPageAsync(again.Headers.Location!.OriginalString);
        var confirmFirst = await other.GetPageAsync(first.Headers.Location!.OriginalString);
        Assert.Equal(confirmFirst.QuerySelector("h1")!.TextContent, confirmAgain.QuerySelector("h1")!.TextContent);

        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Users.CountAsync()));
        var told = await app.LastEmailToAsync(known);
        Assert.NotNull(told);
        Assert.Equal("[시민 포털] 이미 가입된 이메일입니다", told.Subject);
        Assert.DoesNotMatch("[0-9]{6}", told.Body);

        // A weak password is refused in the same words for both.
        var weakKnown = await Html.ParseAsync(await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), Form("다른 사람", known, "abc")));
        var weakNew = await Html.ParseAsync(await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), Form("다른 사람", $"x-{Guid.NewGuid():N}@example.org", "abc")));
        Assert.NotEmpty(weakKnown.ErrorSummary());
        Assert.Equal(weakNew.ErrorSummary(), weakKnown.ErrorSummary());
    }

    [Fact]
    public async Task Signing_up_again_before_confirming_sends_a_new_confirmation_code()
    {
        var email = $"unconfirmed-{Guid.NewGuid():N}@example.org";
        var client = app.CreateBrowserLikeClient();
        await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), Form("김서울", email, TestAccounts.Password));
        var firstCode = await app.LastEmailToAsync(email);
        var again = await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), Form("김서울", email, TestAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var second = await app.LastEmailToAsync(email);
        Assert.NotEqual(firstCode!.Id, second!.Id);
        Assert.Equal(firstCode.Subject, second.Subject);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_weak_password_leaves_no_account_and_no_email_behind()
    {
        var email = $"weak-{Guid.NewGuid():N}@example.org";
        var client = app.CreateBrowserLikeClient();
        await client.SubmitAsync(await client.GetPageAsync("/account/sign-up"), Form("김서울", email, "abc"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Null(await app.LastEmailToAsync(email));
    }
}
