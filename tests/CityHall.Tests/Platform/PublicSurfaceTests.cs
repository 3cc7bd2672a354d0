using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CityHall.Tests.Infrastructure;

namespace CityHall.Tests.Platform;

/// <summary>A city with its public address and a metrics token set, as production has them.</summary>
public sealed class PublicCityApp() : CityHallApp(new Dictionary<string, string?>
{
    ["Hosting:PublicUrl"] = PublicSurfaceTests.PublicUrl,
    ["Metrics:BearerToken"] = PublicSurfaceTests.MetricsToken,
    ["Metrics:AllowedNetworks:0"] = "10.9.0.0/16",
});

/// <summary>/metrics is for the city's monitoring only; absolute URLs never come from the Host header.</summary>
public sealed class PublicSurfaceTests(PublicCityApp app) : IClassFixture<PublicCityApp>
{
    public const string PublicUrl = "https://eminwon.seoul.example";
    public const string MetricsToken = "scrape-4d1f9a7c2b";

    [Fact]
    public async Task Metrics_are_served_to_the_configured_scraper_only()
    {
        var client = app.CreateClient();
        await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(wrong)).StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MetricsToken);
        var scraped = await client.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/petitions/feed.atom")]
    [InlineData("/open-data/catalog.json")]
    [InlineData("/open311/v2/discovery.json")]
    [InlineData("/live/upcoming.ics")]
    public async Task A_forged_host_header_is_refused_and_links_carry_the_public_address(string path)
    {
        var client = app.CreateClient();
        using var forged = new HttpRequestMessage(HttpMethod.Get, path);
        forged.Headers.Host = "evil.example";
        var refused = await client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("evil.example", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (path.EndsWith(".ics", StringComparison.Ordinal)) Assert.Contains("BEGIN:VCALENDAR", body, StringComparison.Ordinal);
        else Assert.Contains(PublicUrl + "/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("://localhost", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open311_discovery_names_the_public_endpoint()
    {
        using var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/open311/v2/discovery.json"));
        var urls = json.RootElement.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("url").GetString()).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.StartsWith(PublicUrl + "/open311/", u, StringComparison.Ordinal));
    }
}
