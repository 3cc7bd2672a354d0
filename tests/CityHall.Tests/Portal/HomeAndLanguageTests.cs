using System.Net;
using CityHall.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityHall.Tests.Portal;

public sealed class HomeAndLanguageTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task Home_is_in_Korean_by_default_with_the_city_and_its_ten_sectors()
    {
        var page = await app.CreateClient().GetPageAsync("/");
        Assert.Equal("ko", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("서울특별시", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(11, page.QuerySelectorAll(".ch-sectors li").Length);
        Assert.NotNull(page.QuerySelector("#krds-skip-link a[href='#main']"));
        Assert.NotNull(page.QuerySelector("main#main"));
    }

    [Fact]
    public async Task Anonymous_pages_come_compressed_and_cached_per_encoding_but_a_signed_in_persons_never_do()
    {
        async Task<(string? Encoding, string Html)> GetAsync(HttpClient client, string url, string accept)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
            await using var body = await response.Content.ReadAsStreamAsync();
            await using Stream plain = encoding switch
            {
                "br" => new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress),
                "gzip" => new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress),
                _ => body,
            };
            return (encoding, await new StreamReader(plain).ReadToEndAsync());
        }

        var anonymous = app.CreateClient();
        var url = "/?compression=" + Guid.NewGuid().ToString("N");
        var (br, brotliHtml) = await GetAsync(anonymous, url, "gzip, deflate, br, zstd");
        Assert.Equal("br", br);
        Assert.Contains("서울특별시", brotliHtml, StringComparison.Ordinal);
        // The same page from the output cache for a client without Brotli, and for one that takes none: each its own copy.
        var (gzip, gzipHtml) = await GetAsync(anonymous, url, "gzip");
        Assert.Equal("gzip", gzip);
        Assert.Equal(brotliHtml, gzipHtml);
        var (none, plainHtml) = await GetAsync(anonymous, url, "identity");
        Assert.Null(none);
        Assert.Equal(brotliHtml, plainHtml);
        Assert.Equal("br", (await GetAsync(anonymous, "/api/v1/city/districts", "br")).Encoding);
        // The API reference sets its own length: left as it is (compressed, its body would not match the length).
        var (docs, docsHtml) = await GetAsync(anonymous, "/api/docs/", "br");
        Assert.Null(docs);
        Assert.Contains("<html", docsHtml, StringComparison.OrdinalIgnoreCase);

        // Signed in: personal data beside what anyone can type into the page (BREACH) — never compressed.
        var citizen = await app.SignedUpCitizenAsync();
        var (mine, myHtml) = await GetAsync(citizen, "/my", "gzip, deflate, br");
        Assert.Null(mine);
        Assert.Contains("<main", myHtml, StringComparison.Ordinal);
        Assert.Null((await GetAsync(citizen, "/", "br")).Encoding);
    }

    [Fact]
    public async Task A_browser_asking_for_English_gets_English()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en-GB,en;q=0.9");
        var page = await client.GetPageAsync("/");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Seoul Metropolitan Government", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_unknown_language_falls_back_to_Korean()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "xx-YY");
        var page = await client.GetPageAsync("/");
        Assert.Equal("ko", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_language_switch_is_a_link_for_visitors_and_is_remembered()
    {
        var client = app.CreateBrowserLikeClient();
        var home = await client.GetPageAsync("/pages/privacy");
        var link = home.QuerySelector("a.ch-language")!.GetAttribute("href")!;
        Assert.Equal("/culture?culture=en-US&returnUrl=%2Fpages%2Fprivacy", link);
        var switched = await client.GetAsync(link);
        Assert.Equal("/pages/privacy", switched.Headers.Location!.ToString());
        var again = await client.GetPageAsync("/account/sign-in");
        Assert.Equal("en", again.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", again.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(again.QuerySelector("form.ch-language")); // no form, so no token on public pages
    }

    [Fact]
    public async Task Signed_in_people_switch_with_a_form_that_also_saves_their_profile()
    {
        var email = $"lang-{Guid.NewGuid():N}@example.org";
        var client = await app.SignedUpCitizenAsync(email);
        var switched = await client.SubmitAsync(await client.GetPageAsync("/"), new Dictionary<string, string> { ["culture"] = "en-US" }, "form.ch-language");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("en-US", await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync()));
    }

    [Fact]
    public async Task A_switch_to_an_unknown_culture_gives_the_default_language()
    {
        var client = app.CreateBrowserLikeClient();
        await client.GetAsync("/culture?culture=tlh-KX&returnUrl=%2F");
        var again = await client.GetPageAsync("/");
        Assert.Equal("ko", again.DocumentElement.GetAttribute("lang"));
        // An address elsewhere is not followed.
        Assert.Equal("/", (await client.GetAsync("/culture?culture=en-US&returnUrl=https%3A%2F%2Fevil.example")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_content_page_renders_its_markdown_and_an_unknown_one_is_404()
    {
        var client = app.CreateClient();
        var page = await client.GetPageAsync("/pages/accessibility");
        Assert.Equal("웹 접근성 정책", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.True(page.QuerySelectorAll(".ch-content li").Length >= 3);
        var missing = await client.GetAsync("/pages/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_sector_links_on_the_home_page_all_lead_to_a_page_of_their_own()
    {
        var client = app.CreateClient();
        var page = await client.GetPageAsync("/");
        var links = page.QuerySelectorAll(".ch-sectors a").Select(a => a.GetAttribute("href")!).ToList();
        var sectors = app.Services.GetRequiredService<IOptions<CityHall.Web.Platform.City.CityOptions>>().Value.Sectors;
        Assert.Equal(sectors.Count, links.Count); // every sector, so a missing list cannot pass
        foreach (var href in links)
        {
            var response = await client.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href}: {response.StatusCode}");
            var target = await Html.ParseAsync(response);
            Assert.False(target.IsErrorPage(), $"{href} shows the error page");
            Assert.False(string.IsNullOrWhiteSpace(target.QuerySelector("main h1")?.TextContent), $"{href} has no heading");
        }
    }

    [Fact]
    public async Task The_stylesheet_is_served_compressed_and_small()
    {
        var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/css/site.css");
        request.Headers.Add("Accept-Encoding", "br, gzip");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.InRange(bytes.Length, 1_000, 60_000);
    }

    [Fact]
    public async Task The_typeface_comes_in_small_slices_by_unicode_range_each_kept_a_year()
    {
        var client = app.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync("/"));
        var css = await client.GetStringAsync(page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        var faces = System.Text.RegularExpressions.Regex.Matches(css,
            @"@font-face\{font-family:""CityHall Sans"";[^}]*src:url\(""?(?<url>[^"")]+)""?\)[^}]*unicode-range:(?<range>[^;}]+)");
        Assert.InRange(faces.Count, 50, 200);
        // The Latin slice: every page needs it, and it is small.
        var latin = faces.Single(f => f.Groups["range"].Value.StartsWith("U+20-7E", StringComparison.Ordinal));
        // A slice of the syllables the interface never uses: one span, the first from the start of Hangul.
        var syllables = faces.First(f => System.Text.RegularExpressions.Regex.IsMatch(f.Groups["range"].Value, @"^U\+AC[0-9A-F]{2}-[0-9A-F]{4}$"));
        foreach (var url in new[] { latin.Groups["url"].Value, syllables.Groups["url"].Value })
        {
            Assert.Matches(@"^/lib/fonts/cityhall-sans/\d+\.woff2\?v=[0-9a-f]{12}$", url);
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("font/woff2", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal("wOF2"u8.ToArray(), bytes[..4]);
            Assert.InRange(bytes.Length, 500, 16 * 1024);
        }
        // The reserved name of the original is not the family's (a modified version must be renamed).
        Assert.DoesNotContain("font-family:\"Pretendard GOV\"", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_with_its_own_CSS_and_JS_stays_under_150_KB_transferred()
    {
        var client = app.CreateClient();
        var html = await client.GetAsync("/");
        long total = (await html.Content.ReadAsByteArrayAsync()).Length;
        var page = await Html.ParseAsync(await client.GetAsync("/"));
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)).ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.Add("Accept-Encoding", "br, gzip");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // Fingerprinted by content hash (site.{hash}.css), so a returning visitor downloads them once a release.
            Assert.Matches(@"\.[a-z0-9]{10}\.(css|js)$", asset);
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            Assert.Equal(31_536_000, response.Headers.CacheControl!.MaxAge?.TotalSeconds);
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
        }
        Assert.InRange(total, 1, 150 * 1024);
    }
}
