using System.Globalization;
using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Places;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.OpenData;

/// <summary>The catalogue lists every module's datasets for people and (DCAT-US) machines; places download as CSV, JSON and GeoJSON, whole, with conditional GETs.</summary>
public sealed class OpenDataTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private async Task<List<Place>> SeedAsync()
    {
        var places = Enumerable.Range(0, 250).Select(i => new Place
        {
            KindCode = "shelter", NameKo = i == 7 ? "=HYPERLINK(\"http://evil\")" : $"쉼터 {i}", NameEn = i % 3 == 0 ? $"Shelter {i}" : null,
            RoadAddress = $"세종대로 {i}, \"본관\"\n1층", DistrictCode = "11140", Source = "open-data-test", SourceId = i.ToString(CultureInfo.InvariantCulture),
            Attribution = "서울특별시 (공공누리 제1유형)", Latitude = 37.5 + i / 10_000.0, Longitude = 127.0 - i / 10_000.0, AlwaysOpen = i % 2 == 0,
            Accessibility = new() { Cctv = i % 5 == 0 ? true : null }, UpdatedAt = new DateTime(2026, 11, 20, 9, 30, 15, DateTimeKind.Utc).AddMinutes(i),
        }).ToList();
        await app.WithDbAsync(async db =>
        {
            // Both tests share the app: the places are added once.
            if (!await db.Set<Place>().AnyAsync(p => p.Source == "open-data-test")) { db.AddRange(places); await db.SaveChangesAsync(); }
            else places = await db.Set<Place>().Where(p => p.Source == "open-data-test").OrderBy(p => p.Id).ToListAsync();
        });
        await app.Services.GetRequiredService<PlaceIndex>().RebuildAsync();
        return places;
    }

    [Fact]
    public async Task Places_download_whole_as_csv_json_and_geojson_and_a_client_with_the_current_file_gets_304()
    {
        var places = await SeedAsync();
        var client = app.CreateClient();

        var csvResponse = await client.GetAsync("/open-data/places-shelter.csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("places-shelter.csv", csvResponse.Content.Headers.ContentDisposition!.FileName);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // spreadsheets then read the Korean right
        using var reader = CsvReader.FromText(System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3)), new CsvReaderOptions { HasHeader = true, AllowLineBreaksInQuotes = true });
        reader.ReadHeader();
        var rows = new List<Dictionary<string, string?>>();
        while (reader.Read()) rows.Add(reader.Headers.ToArray().ToDictionary(h => h, h => reader.GetStringOrNull(h)));
        Assert.Equal(250, rows.Count);
        var row3 = rows.Single(r => r["source_id"] == "3");
        Assert.Equal(("쉼터 3", "Shelter 3", "세종대로 3, \"본관\"\n1층", "false", "", "2026-11-20T09:33:15Z"),
            (row3["name_ko"], row3["name_en"], row3["road_address"], row3["always_open"] ?? "", row3["cctv"] ?? "", row3["updated_at"]));
        Assert.Equal(places[3].Latitude, double.Parse(row3["latitude"]!, CultureInfo.InvariantCulture));
        Assert.StartsWith("'", rows.Single(r => r["source_id"] == "7")["name_ko"], StringComparison.Ordinal); // a formula is written as text

        var geo = JsonDocument.Parse(await client.GetStringAsync("/open-data/places-shelter.geojson")).RootElement;
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        Assert.Equal(250, geo.GetProperty("features").GetArrayLength());
        var feature = geo.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("source_id").GetString() == "3");
        Assert.Equal([places[3].Longitude, places[3].Latitude], feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Equal(JsonValueKind.Null, feature.GetProperty("properties").GetProperty("cctv").ValueKind);
        Assert.False(feature.GetProperty("properties").GetProperty("always_open").GetBoolean());

        var json = JsonDocument.Parse(await client.GetStringAsync("/open-data/places-shelter.json")).RootElement;
        Assert.Equal(250, json.GetArrayLength());
        Assert.Equal(places.Select(p => p.Id), json.EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));

        var lastModified = csvResponse.Content.Headers.LastModified!.Value;
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 30, 15, TimeSpan.Zero).AddMinutes(249), lastModified);
        var conditional = new HttpRequestMessage(HttpMethod.Get, "/open-data/places-shelter.geojson");
        conditional.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);

        foreach (var missing in new[] { "/open-data/places-castle.csv", "/open-data/places-shelter.xlsx", "/open-data/places-shelter", "/open-data/.csv" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(missing)).StatusCode);
    }

    [Fact]
    public async Task The_catalogue_lists_every_modules_datasets_with_licence_for_people_and_as_dcat_for_machines()
    {
        await SeedAsync();
        var client = app.CreateClient();
        var page = await client.GetPageAsync("/open-data");
        var shelter = page.QuerySelector("#places-shelter")!;
        Assert.Contains("250", shelter.TextContent, StringComparison.Ordinal);
        Assert.Contains("서울특별시 (공공누리 제1유형)", shelter.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/open-data/places-shelter.csv", "/open-data/places-shelter.json", "/open-data/places-shelter.geojson"],
            shelter.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.QuerySelector("#petitions")); // an API another module declared
        Assert.NotNull(page.QuerySelector("a[rel=license][href='https://www.kogl.or.kr/info/licenseType1.do']"));
        Assert.Null(page.QuerySelector("#places-restaurant")); // kinds without places publish nothing

        var catalog = JsonDocument.Parse(await client.GetStringAsync("/open-data/catalog.json")).RootElement;
        Assert.Equal("https://project-open-data.cio.gov/v1.1/schema", catalog.GetProperty("conformsTo").GetString());
        var dataset = catalog.GetProperty("dataset").EnumerateArray().Single(d => d.GetProperty("identifier").GetString()!.EndsWith("#places-shelter", StringComparison.Ordinal));
        Assert.Equal("2026-11-20T13:39:15Z", dataset.GetProperty("modified").GetString());
        Assert.Equal("https://www.kogl.or.kr/info/licenseType1.do", dataset.GetProperty("license").GetString());
        Assert.Equal(["text/csv", "application/json", "application/geo+json"],
            dataset.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("mediaType").GetString()));
        Assert.All(dataset.GetProperty("distribution").EnumerateArray(), d => Assert.StartsWith("http://localhost/open-data/", d.GetProperty("downloadURL").GetString(), StringComparison.Ordinal));
        foreach (var d in catalog.GetProperty("dataset").EnumerateArray())
        {
            foreach (var required in new[] { "title", "description", "keyword", "publisher", "identifier", "accessLevel", "distribution" })
                Assert.True(d.TryGetProperty(required, out _), $"{d.GetProperty("identifier")} lacks {required}");
        }
    }

    [Fact]
    public async Task Every_distribution_the_catalogue_lists_answers_in_its_format()
    {
        await SeedAsync();
        var client = app.CreateClient();
        var catalog = JsonDocument.Parse(await client.GetStringAsync("/open-data/catalog.json")).RootElement;
        var checkedCount = 0;
        foreach (var distribution in catalog.GetProperty("dataset").EnumerateArray().SelectMany(d => d.GetProperty("distribution").EnumerateArray()))
        {
            var url = (distribution.TryGetProperty("downloadURL", out var download) ? download : distribution.GetProperty("accessURL")).GetString()!;
            var path = new Uri(url).PathAndQuery;
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            var mediaType = distribution.TryGetProperty("mediaType", out var declared) ? declared.GetString() : null;
            if (mediaType is not null) Assert.True(response.Content.Headers.ContentType!.MediaType == mediaType, $"{path} answered {response.Content.Headers.ContentType} for {mediaType}");
            switch (mediaType)
            {
                case "text/csv":
                    Assert.False(string.IsNullOrWhiteSpace(body.TrimStart('\uFEFF').Split('\n')[0]), $"{path} has no header row");
                    break;
                case "application/json":
                    Assert.True(JsonDocument.Parse(body).RootElement.ValueKind is JsonValueKind.Array or JsonValueKind.Object, path);
                    break;
                case "application/geo+json":
                    Assert.Equal("FeatureCollection", JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
                    break;
            }
            checkedCount++;
        }
        Assert.True(checkedCount >= 5, $"only {checkedCount} distributions listed");
    }

    [Fact]
    public async Task The_catalogue_page_speaks_the_readers_language_and_lists_what_the_machine_catalogue_lists()
    {
        await SeedAsync();
        var korean = await app.CreateClient().GetPageAsync("/open-data");
        var english = app.CreateClient();
        english.DefaultRequestHeaders.Add("Cookie", ".CityHall.Culture=c%3Den-US%7Cuic%3Den-US");
        var englishPage = await english.GetPageAsync("/open-data");
        Assert.Equal(("ko", "en"), (korean.DocumentElement.GetAttribute("lang"), englishPage.DocumentElement.GetAttribute("lang")));
        Assert.Equal(("공공데이터", "Open data"), (korean.QuerySelector("h1")!.TextContent, englishPage.QuerySelector("h1")!.TextContent));
        Assert.StartsWith("장소: ", korean.QuerySelector("#places-shelter-title")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Places: ", englishPage.QuerySelector("#places-shelter-title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("250", englishPage.QuerySelector("#places-shelter")!.TextContent, StringComparison.Ordinal);

        // Every dataset of the machine catalogue (in either language) has its section and the same downloads on the page.
        foreach (var (client, page) in new[] { (app.CreateClient(), korean), (english, englishPage) })
        {
            var catalog = JsonDocument.Parse(await client.GetStringAsync("/open-data/catalog.json")).RootElement.GetProperty("dataset").EnumerateArray().ToList();
            Assert.Equal(catalog.Count, page.QuerySelectorAll("section.ch-dataset").Length);
            foreach (var dataset in catalog)
            {
                var code = dataset.GetProperty("identifier").GetString()!.Split('#')[1];
                var section = page.QuerySelector($"section[id='{code}']") ?? throw new Xunit.Sdk.XunitException($"{code} is not on the page");
                Assert.Equal(dataset.GetProperty("title").GetString(), section.QuerySelector("h2")!.TextContent);
                Assert.Equal(dataset.GetProperty("distribution").EnumerateArray().Select(d => new Uri(d.TryGetProperty("downloadURL", out var u) ? u.GetString()! : d.GetProperty("accessURL").GetString()!).PathAndQuery),
                    section.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")));
            }
        }
    }

    [Fact]
    public async Task A_file_that_is_not_published_is_a_problem_in_the_readers_language_and_downloads_say_how_long_to_keep_them()
    {
        await SeedAsync();
        var client = app.CreateClient();
        foreach (var missing in new[] { "/open-data/nothing.csv", "/open-data/places-shelter.pdf", "/open-data/..%2Fappsettings.json", "/open-data/catalog.xml", "/open-data/broadcast-schedules.geojson" })
        {
            var response = await client.GetAsync(missing);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(("그런 데이터셋이나 형식이 없습니다.", 404), (problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32()));
        }
        var english = new HttpRequestMessage(HttpMethod.Get, "/open-data/nothing.json");
        english.Headers.AcceptLanguage.ParseAdd("en-GB");
        var englishProblem = JsonDocument.Parse(await (await client.SendAsync(english)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("There is no such dataset or format.", englishProblem.GetProperty("title").GetString());

        var download = await client.GetAsync("/open-data/places-shelter.json");
        Assert.Equal((true, TimeSpan.FromMinutes(5)), (download.Headers.CacheControl!.Public, download.Headers.CacheControl.MaxAge!.Value));
        // A copy older than the data is sent the data again; one as new as it is told nothing changed.
        var older = new HttpRequestMessage(HttpMethod.Get, "/open-data/places-shelter.csv");
        older.Headers.IfModifiedSince = download.Content.Headers.LastModified!.Value.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(older)).StatusCode);
        var current = new HttpRequestMessage(HttpMethod.Get, "/open-data/places-shelter.csv");
        current.Headers.IfModifiedSince = download.Content.Headers.LastModified!.Value;
        var notModified = await client.SendAsync(current);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }
}
