using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using SkiaSharp;

namespace CityHall.Tests.Portal;

/// <summary>The web app manifest, its icons, the offline page and the service worker's script; signed-in pages never cached.</summary>
public sealed class InstallableAppTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Theory]
    [InlineData("ko", "서울특별시", "서울시", "ko-KR")]
    [InlineData("en", "Seoul Metropolitan Government", "Seoul", "en-US")]
    public async Task The_manifest_names_the_city_in_the_pages_language_with_icons_an_installed_app_needs(string lang, string name, string shortName, string culture)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", culture);
        var page = await client.GetPageAsync("/");
        var href = page.QuerySelector("link[rel=manifest]")!.GetAttribute("href")!;
        Assert.Equal($"/manifest.webmanifest?lang={lang}", href);

        var response = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType!.MediaType);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = manifest.RootElement;
        Assert.Equal(name, root.GetProperty("name").GetString());
        Assert.Equal(shortName, root.GetProperty("short_name").GetString());
        Assert.Equal(culture, root.GetProperty("lang").GetString());
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("description").GetString()));
        var icons = root.GetProperty("icons").EnumerateArray().Select(i => (Src: i.GetProperty("src").GetString()!, Sizes: i.GetProperty("sizes").GetString(), Purpose: i.GetProperty("purpose").GetString())).ToList();
        Assert.Contains(icons, i => i is { Sizes: "192x192", Purpose: "any" });
        Assert.Contains(icons, i => i is { Sizes: "512x512", Purpose: "any" });
        Assert.Contains(icons, i => i is { Sizes: "512x512", Purpose: "maskable" });

        foreach (var icon in icons)
        {
            var png = await client.GetAsync(icon.Src);
            Assert.Equal(HttpStatusCode.OK, png.StatusCode);
            Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
            using var bitmap = SKBitmap.Decode(await png.Content.ReadAsByteArrayAsync());
            var size = int.Parse(icon.Sizes!.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(size, bitmap.Width);
            Assert.Equal(size, bitmap.Height);
            // A maskable icon fills its square (the phone cuts its shape); the other has rounded, transparent corners.
            Assert.Equal(icon.Purpose == "maskable" ? (byte)255 : (byte)0, bitmap.GetPixel(0, 0).Alpha);
            // The building is white in the middle of the icon, on the city's colour.
            Assert.Equal(SKColors.White, bitmap.GetPixel(size / 2, (int)(size * 0.25)));
            Assert.Equal(SKColor.Parse("#256ef4"), bitmap.GetPixel(size / 2, (int)(size * 0.1)));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/icons/app-100000.png")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_language_gets_the_citys_default_and_the_offline_page_and_worker_are_served()
    {
        var client = app.CreateClient();
        using (var manifest = JsonDocument.Parse(await client.GetStringAsync("/manifest.webmanifest?lang=<script>")))
            Assert.Equal("ko-KR", manifest.RootElement.GetProperty("lang").GetString());

        var offline = await client.GetPageAsync("/offline");
        Assert.Equal("인터넷에 연결되어 있지 않습니다", offline.QuerySelector("main h1")!.TextContent.Trim());
        Assert.NotNull(offline.QuerySelector("[data-offline-pages]"));

        var worker = await client.GetAsync("/sw.js");
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType!.MediaType);
        // Not cached for long: browsers must see a new worker soon after a release.
        Assert.DoesNotContain("immutable", worker.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_persons_pages_are_never_stored_anywhere_an_anonymous_page_may_be()
    {
        var anonymous = await app.CreateClient().GetAsync("/petitions");
        Assert.False(anonymous.Headers.CacheControl?.NoStore ?? false);

        using var citizen = await app.SignedUpCitizenAsync();
        foreach (var url in new[] { "/", "/petitions", "/my" })
        {
            var response = await citizen.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl!.NoStore, url);
            Assert.True(response.Headers.CacheControl.Private, url);
        }
    }
}
