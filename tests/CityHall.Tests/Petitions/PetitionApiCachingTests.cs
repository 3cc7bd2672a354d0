using System.Net;
using CityHall.Tests.Infrastructure;

namespace CityHall.Tests.Petitions;

/// <summary>A city whose API read limit is small enough to reach.</summary>
public sealed class SmallApiLimitApp() : CityHallApp(new Dictionary<string, string?>
{
    ["RequestLimits:ApiRead:PermitLimit"] = "5",
    ["RequestLimits:ApiRead:WindowSeconds"] = "600",
});

/// <summary>
/// The petitions API reads the database on every call (a proposal's tally, every proposal as CSV):
/// answers are cached briefly, so a crowd of clients costs one query, and each client is limited.
/// </summary>
public sealed class PetitionApiCachingTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task The_csv_is_built_once_a_minute_and_says_so_and_a_proposal_is_served_from_the_cache_for_a_moment()
    {
        var before = await PetitionTestData.PublishedAsync(app, "공원 벤치 교체 " + Guid.NewGuid().ToString("N")[..6]);
        var client = app.CreateClient();
        var first = await client.GetAsync("/api/v1/petitions.csv");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());
        var csv = await first.Content.ReadAsStringAsync();
        Assert.Contains(before.ToString(System.Globalization.CultureInfo.InvariantCulture), csv, StringComparison.Ordinal);

        // A proposal published now is in the next minute's file, not in this one.
        await PetitionTestData.PublishedAsync(app, "가로수 가지치기 " + Guid.NewGuid().ToString("N")[..6]);
        var again = await client.GetAsync("/api/v1/petitions.csv");
        Assert.Equal(csv, await again.Content.ReadAsStringAsync());
        Assert.NotNull(again.Headers.Age); // answered from the cache

        var detail = await client.GetAsync($"/api/v1/petitions/{before}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Null(detail.Headers.Age);
        Assert.NotNull((await client.GetAsync($"/api/v1/petitions/{before}")).Headers.Age);
        // An absurd page is an empty page.
        var far = await client.GetAsync("/api/v1/petitions?page=2147483647");
        Assert.Equal(HttpStatusCode.OK, far.StatusCode);
        Assert.Equal("[]", await far.Content.ReadAsStringAsync());
    }

}

/// <summary>Each client of the petitions API is limited to a number of reads per window.</summary>
public sealed class PetitionApiLimitTests(SmallApiLimitApp app) : IClassFixture<SmallApiLimitApp>
{
    [Fact]
    public async Task A_client_reading_too_fast_gets_429_with_a_retry_time_and_pages_are_not_counted()
    {
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var page = 1; page <= 6; page++) statuses.Add((await client.GetAsync($"/api/v1/petitions?page={page}")).StatusCode);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        var refused = await client.GetAsync("/api/v1/petitions.csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/petitions")).StatusCode); // the site's own pages are not the API
    }
}
