using System.Net;
using CityHall.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Accounts;

public sealed class ProfileTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task Profile_changes_are_saved_and_the_preferences_apply_to_every_page()
    {
        var email = $"profile-{Guid.NewGuid():N}@example.org";
        var client = await app.SignedUpCitizenAsync(email);
        var profile = await client.GetPageAsync("/account/profile");
        Assert.Equal(26, profile.QuerySelectorAll("#Input_DistrictCode option").Length); // "not chosen" and 25 districts
        var saved = await client.SubmitAsync(profile, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Kim Seoul", ["Input.DistrictCode"] = "11680", ["Input.PhoneNumber"] = "010-1234-5678",
            ["Input.Culture"] = "en-US", ["Input.LargeText"] = "true", ["Input.HighContrast"] = "true",
            ["Input.NotifyByEmail"] = "true", ["Input.NotifyBySms"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var again = await client.GetPageAsync(saved.Headers.Location!.ToString());
        Assert.Equal("en", again.DocumentElement.GetAttribute("lang"));
        Assert.Equal("large", again.DocumentElement.GetAttribute("data-text-size"));
        Assert.Equal("high-contrast", again.DocumentElement.GetAttribute("data-krds-mode"));
        Assert.Equal("Your changes are saved.", again.QuerySelector("[role=status]")!.TextContent.Trim());
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(("Kim Seoul", "11680", "010-1234-5678", true), (user.DisplayName, user.DistrictCode, user.PhoneNumber, user.NotifyBySms));
    }

    [Fact]
    public async Task Text_messages_without_a_phone_number_and_an_unknown_district_are_refused()
    {
        var client = await app.SignedUpCitizenAsync();
        var profile = await client.GetPageAsync("/account/profile");
        var response = await client.SubmitAsync(profile, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "김서울", ["Input.DistrictCode"] = "99999", ["Input.PhoneNumber"] = "",
            ["Input.Culture"] = "ko-KR", ["Input.NotifyBySms"] = "true",
        });
        var page = await Html.ParseAsync(response);
        Assert.Equal(["목록에 있는 자치구를 선택하세요.", "문자 알림을 받으려면 휴대전화 번호를 입력하세요."], page.ErrorSummary());
    }

    [Fact]
    public async Task The_profile_needs_a_signed_in_person()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
    }
}
