using System.Net;
using CityHall.Tests.Infrastructure;

namespace CityHall.Tests.Platform;

public sealed class RateLimitedApp() : CityHallApp(new Dictionary<string, string?>
{
    ["RequestLimits:SignIn:PermitLimit"] = "3",
    ["RequestLimits:SignIn:WindowSeconds"] = "600",
});

public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_get_429_with_a_retry_time_and_the_page_still_shows()
    {
        var client = app.CreateBrowserLikeClient();
        var form = await client.GetPageAsync("/account/sign-in");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "x@example.org", ["Input.Password"] = "wrong-password-1" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter is not null);
                var page = await Html.ParseAsync(response);
                Assert.Equal("요청이 너무 많습니다", page.QuerySelector("h1")!.TextContent.Trim());
            }
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode); // reading is never refused
    }
}
