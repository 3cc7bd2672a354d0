using System.Net;
using Microsoft.EntityFrameworkCore;
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

/// <summary>A city with small citizen-write and upload limits.</summary>
public sealed class CitizenLimitsApp() : CityHallApp(new Dictionary<string, string?>
{
    ["RequestLimits:CitizenWrite:PermitLimit"] = "3",
    ["RequestLimits:CitizenWrite:WindowSeconds"] = "600",
    ["RequestLimits:UploadBytesPerAccountPerDay"] = "2000000",
});

/// <summary>Every citizen form post counts against the citizen write limit, per account; uploaded bytes against a daily quota.</summary>
public sealed class CitizenLimitsTests(CitizenLimitsApp app) : IClassFixture<CitizenLimitsApp>
{
    private static readonly Dictionary<string, string> RoadDamage = new()
    {
        ["attribute[damage_type]"] = "pothole", ["Input.Description"] = "횡단보도 앞 도로가 움푹 패였습니다.", ["Input.IsPublic"] = "true",
    };

    private const string Place = "address=%EA%B0%95%EB%82%A8%EA%B5%AC%20%ED%85%8C%ED%97%A4%EB%9E%80%EB%A1%9C%20100";

    [Fact]
    public async Task Filing_reports_is_rate_limited_per_account_not_per_address()
    {
        var citizen = await app.SignedUpCitizenAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await ServiceRequests.ReportPagesTests.ReportAsync(citizen, "road-damage", Place, RoadDamage)).StatusCode);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);

        // Another person behind the same address is not held back by the first one's posts.
        var neighbour = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await ServiceRequests.ReportPagesTests.ReportAsync(neighbour, "road-damage", Place, RoadDamage)).StatusCode);
    }

    [Fact]
    public async Task Photos_past_the_daily_quota_are_refused_with_a_message_and_nothing_is_stored()
    {
        var email = $"photos-{Guid.NewGuid():N}@example.org";
        var citizen = await app.SignedUpCitizenAsync(email);
        var photo = NoisyJpeg(900_000);
        Assert.Equal(HttpStatusCode.Redirect, (await ServiceRequests.ReportPagesTests.ReportAsync(citizen, "road-damage", Place, RoadDamage, ("a.jpg", photo), ("b.jpg", photo))).StatusCode);
        var refused = await ServiceRequests.ReportPagesTests.ReportAsync(citizen, "road-damage", Place, RoadDamage, ("c.jpg", photo));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains(page.ErrorSummary(), e => e.Contains("오늘 올릴 수 있는", StringComparison.Ordinal));
        var reports = await app.WithDbAsync(db => db.Set<CityHall.Web.Modules.ServiceRequests.ServiceRequest>()
            .Join(db.Users.Where(u => u.Email == email), r => r.ReporterId, u => u.Id, (r, u) => r.Id).CountAsync());
        Assert.Equal(1, reports);
        // Without photos the report still goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await ServiceRequests.ReportPagesTests.ReportAsync(citizen, "road-damage", Place, RoadDamage)).StatusCode);
    }

    [Fact]
    public async Task A_report_sent_back_for_a_missing_answer_costs_none_of_the_quota()
    {
        var email = $"retry-{Guid.NewGuid():N}@example.org";
        var citizen = await app.SignedUpCitizenAsync(email);
        var photo = NoisyJpeg(900_000);
        // The kind of damage (a required question) is not answered: the form comes back with that error only.
        var withoutAnswer = RoadDamage.Where(f => f.Key != "attribute[damage_type]").ToDictionary();
        var sentBack = await ServiceRequests.ReportPagesTests.ReportAsync(citizen, "road-damage", Place, withoutAnswer, ("a.jpg", photo), ("b.jpg", photo));
        Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);
        var errors = (await Html.ParseAsync(sentBack)).ErrorSummary();
        Assert.NotEmpty(errors);
        Assert.DoesNotContain(errors, e => e.Contains("오늘 올릴 수 있는", StringComparison.Ordinal));
        // Answered, with the same two photos (1.8 MB of the 2 MB a day): stored, as if the first try had never been.
        Assert.Equal(HttpStatusCode.Redirect, (await ServiceRequests.ReportPagesTests.ReportAsync(citizen, "road-damage", Place, RoadDamage, ("a.jpg", photo), ("b.jpg", photo))).StatusCode);
        var stored = await app.WithDbAsync(db => db.Set<CityHall.Web.Modules.ServiceRequests.ServiceRequest>()
            .Join(db.Users.Where(u => u.Email == email), r => r.ReporterId, u => u.Id, (r, u) => r.Photos.Count).ToListAsync());
        Assert.Equal([2], stored);
    }

    /// <summary>A JPEG of about the given size (noise does not compress).</summary>
    private static byte[] NoisyJpeg(int approximateBytes)
    {
        var side = (int)Math.Sqrt(approximateBytes / 1.2);
        using var bitmap = new SkiaSharp.SKBitmap(side, side);
        var random = new Random(7);
        var pixels = new SkiaSharp.SKColor[side * side];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = new SkiaSharp.SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        bitmap.Pixels = pixels;
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 95).ToArray();
    }
}
