using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.CityNetwork;

/// <summary>The public member directory: filters by region, type and country, search in any script, the map's GeoJSON, member pages, open data.</summary>
public sealed class DirectoryTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task The_directory_filters_by_region_type_and_country_and_the_map_shows_the_same_choice()
    {
        var ulyanovsk = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Ulyanovsk"), "RU", "europe", MembershipType.Associate,
            localName: "Ульяновск", language: "ru", latitude: 54.3142, longitude: 48.4031);
        var nairobi = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Nairobi City County"), "KE", "africa", latitude: -1.2864, longitude: 36.8172);
        var vendor = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Smart Systems Ltd"), "KR", "asia-pacific", MembershipType.Corporate, MemberKind.Corporation);
        var client = app.CreateClient();

        static HashSet<long> Listed(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll("[data-members] li[data-member]").Select(li => long.Parse(li.GetAttribute("data-member")!)).ToHashSet();
        var africa = Listed(await client.GetPageAsync("/network/members?region=africa"));
        Assert.Contains(nairobi.Id, africa);
        Assert.DoesNotContain(ulyanovsk.Id, africa);
        var corporate = Listed(await client.GetPageAsync("/network/members?type=Corporate"));
        Assert.Contains(vendor.Id, corporate);
        Assert.DoesNotContain(nairobi.Id, corporate);
        Assert.Equal([ulyanovsk.Id], Listed(await client.GetPageAsync("/network/members?country=ru")));
        // Cyrillic folded the same way on both databases (SQLite lowers only ASCII by itself).
        Assert.Contains(ulyanovsk.Id, Listed(await client.GetPageAsync("/network/members?q=" + Uri.EscapeDataString("УЛЬЯНОВСК"))));
        // Unknown values filter to nothing rather than fail.
        Assert.Empty(Listed(await client.GetPageAsync("/network/members?region=atlantis")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/network/members?type=Planet&page=-3")).StatusCode);

        // The map's GeoJSON: members with a point, with the same filters; the country's numeric code shades the map.
        var map = await client.GetAsync("/network/members?handler=map&region=europe");
        Assert.Equal("application/geo+json", map.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await map.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var feature = json.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("id").GetInt64() == ulyanovsk.Id);
        Assert.Equal("643", feature.GetProperty("properties").GetProperty("country").GetString());
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(48.4031, coordinates[0].GetDouble(), 4);
        Assert.Equal(54.3142, coordinates[1].GetDouble(), 4);
        Assert.DoesNotContain(json.RootElement.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("id").GetInt64() == nairobi.Id);
    }

    [Fact]
    public async Task A_members_page_shows_its_names_in_both_scripts_and_a_member_that_withdrew_keeps_its_page_but_leaves_the_directory()
    {
        var member = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Amman"), "JO", "middle-east-central-asia", localName: "أمانة عمّان الكبرى", language: "ar");
        var client = app.CreateClient();
        var page = await client.GetPageAsync($"/network/members/{member.Id}");
        Assert.Equal("أمانة عمّان الكبرى", page.QuerySelector("h1 span[lang=ar]")!.TextContent.Trim('(', ')'));
        Assert.Contains("요르단", page.Body!.TextContent);
        var english = app.CreateClient();
        english.DefaultRequestHeaders.Add("Cookie", ".CityHall.Culture=c%3Den-US%7Cuic%3Den-US");
        Assert.Contains("Jordan", (await english.GetPageAsync($"/network/members/{member.Id}")).Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/network/members/987654321")).StatusCode);

        await app.WithDbAsync(db => db.Set<NetworkMember>().Where(m => m.Id == member.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MemberStatus.Withdrawn).SetProperty(m => m.LeftOn, new DateOnly(2025, 12, 31))));
        Assert.NotNull((await client.GetPageAsync($"/network/members/{member.Id}")).QuerySelector("[data-withdrawn]"));
        var listed = await client.GetPageAsync("/network/members?region=middle-east-central-asia");
        Assert.Null(listed.QuerySelector($"[data-members] li[data-member='{member.Id}']"));
    }

    [Fact]
    public async Task The_members_are_open_data_with_their_points_and_without_their_contacts()
    {
        var member = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Quezon City"), "PH", "asia-pacific", latitude: 14.676, longitude: 121.0437);
        await app.WithDbAsync(async db =>
        {
            db.Add(new NetworkMemberContact { MemberId = member.Id, Name = "Contact Person", Email = "private@example.org" });
            await db.SaveChangesAsync();
        });
        var client = app.CreateClient();
        var geo = await client.GetStringAsync("/open-data/network-members.geojson");
        using var json = JsonDocument.Parse(geo);
        var feature = json.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("id").GetInt64() == member.Id);
        Assert.Equal("PH", feature.GetProperty("properties").GetProperty("country").GetString());
        Assert.DoesNotContain("private@example.org", geo);
        Assert.Contains(member.Name, await client.GetStringAsync("/open-data/network-members.csv"));
    }

    [Fact]
    public async Task The_network_page_counts_members_and_countries()
    {
        await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Counted City"), "MN", "asia-pacific");
        var page = await app.CreateClient().GetPageAsync("/network");
        var (members, countries) = await app.WithDbAsync(async db => (
            await db.Set<NetworkMember>().CountAsync(m => m.Status == MemberStatus.Active),
            await db.Set<NetworkMember>().Where(m => m.Status == MemberStatus.Active).Select(m => m.CountryCode).Distinct().CountAsync()));
        var figures = page.QuerySelector("[data-figures]")!.TextContent;
        Assert.Contains(members.ToString("N0", new System.Globalization.CultureInfo("ko-KR")), figures);
        Assert.Contains(countries.ToString("N0", new System.Globalization.CultureInfo("ko-KR")), figures);
    }
}
