using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

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

/// <summary>A production deployment that forgot its secrets.</summary>
public sealed class UnconfiguredCityApp() : CityHallApp(new Dictionary<string, string?>
{
    ["Hosting:PublicUrl"] = "",
    ["Accounts:IdentityHashKey"] = "",
});

public sealed class ReadinessTests(UnconfiguredCityApp app) : IClassFixture<UnconfiguredCityApp>
{
    [Fact]
    public async Task Without_its_required_settings_the_city_is_alive_but_not_ready()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }
}

/// <summary>The rest of the public surface: machine routes answer machines, the favicon exists, the API reference has a language, downloads exist where linked.</summary>
public sealed class MachineRouteTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Theory]
    [InlineData("GET", "/live/987654.ics", 404)]
    [InlineData("GET", "/open-data/no-such-dataset.csv", 404)]
    [InlineData("GET", "/live-events/webhooks/sms", 405)]
    [InlineData("GET", "/api/v1/petitions/987654", 404)]
    [InlineData("DELETE", "/petitions/feed.atom", 405)]
    public async Task Errors_on_feeds_calendars_webhooks_and_files_are_problem_json(string method, string path, int status)
    {
        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_open_data_page_is_still_a_page()
    {
        var response = await app.CreateClient().GetAsync("/open-data");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_page_has_a_favicon()
    {
        var response = await app.CreateClient().GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]); // an ICO header
        var home = await Html.ParseAsync(await app.CreateClient().GetAsync("/"));
        Assert.Equal("/favicon.ico", home.QuerySelector("link[rel=icon]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_API_reference_page_says_its_language()
    {
        var response = await app.CreateClient().GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_kind_of_place_with_no_places_links_no_download_and_one_with_places_does()
    {
        var empty = await app.CreateClient().GetPageAsync("/places/kind/tourist-spot");
        Assert.Null(empty.QuerySelector("[data-downloads]"));
        Assert.DoesNotContain("/open-data/places-tourist-spot", empty.Source.Text, StringComparison.Ordinal);
    }
}

/// <summary>
/// Behind a proxy, with a metrics allow-list, and every request arriving from 203.0.113.5 (set before
/// anything else runs, as if a client reached the node directly); optionally that address is a named proxy.
/// </summary>
public class BehindProxyApp : CityHallApp
{
    public BehindProxyApp() : this(false) { }

    protected BehindProxyApp(bool trustTheSender) : base(new Dictionary<string, string?>
    {
        ["Hosting:BehindProxy"] = "true",
        ["Hosting:KnownProxies:0"] = trustTheSender ? "203.0.113.0/24" : "198.51.100.7",
        ["Metrics:AllowedNetworks:0"] = "10.9.0.0/16",
    }) { }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new FromAddress(System.Net.IPAddress.Parse("203.0.113.5")));

    private sealed class FromAddress(System.Net.IPAddress address) : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) => { context.Connection.RemoteIpAddress = address; return nextMiddleware(context); });
            next(app);
        };
    }
}

public sealed class KnownProxyApp : BehindProxyApp
{
    public KnownProxyApp() : base(true) { }
}

public sealed class ForwardedHeaderTests(BehindProxyApp app) : IClassFixture<BehindProxyApp>
{
    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_cannot_choose_its_address_with_X_Forwarded_For()
    {
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Add("X-Forwarded-For", "10.9.1.1");
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().SendAsync(spoofed)).StatusCode);
    }
}

public sealed class KnownProxyTests(KnownProxyApp app) : IClassFixture<KnownProxyApp>
{
    [Fact]
    public async Task A_named_proxy_says_who_the_client_is()
    {
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        forwarded.Headers.Add("X-Forwarded-For", "10.9.1.1");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(forwarded)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/metrics")).StatusCode);
    }
}
