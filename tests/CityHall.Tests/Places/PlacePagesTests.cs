using System.Globalization;
using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Places;
using CityHall.Web.Platform.City;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Places;

/// <summary>Near me (from a point, an address, a district; open now, accessible), browsing a kind by district, and a place's page — without JavaScript.</summary>
public sealed class PlacePagesTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    /// <summary>In 종로구 and 중구 alternately, over central Seoul.</summary>
    private Task<List<Place>> SeedRandomAsync(string kind, string source, int count, int seed) =>
        RandomPlaces.AddAsync(app, kind, source, count, seed, (37.50, 0.12), (126.90, 0.15), i => i % 2 == 0 ? "11110" : "11140");

    private static List<long> ListedIds(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-places] li a").Select(a => long.Parse(a.GetAttribute("href")!["/places/".Length..], CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task Near_me_from_a_point_lists_the_nearest_twenty_within_the_radius_nearest_first()
    {
        var places = await SeedRandomAsync("shelter", "near-point", 400, 11);
        var client = app.CreateClient();
        foreach (var (lat, lon, radius) in new[] { (37.56, 126.97, 1000), (37.58, 127.01, 2000), (37.52, 126.93, 500) })
        {
            var page = await client.GetPageAsync(FormattableString.Invariant($"/places/near?kind=shelter&lat={lat}&lon={lon}&radius={radius}"));
            var expected = places.Select(p => (p.Id, Meters: Geo.Meters(lat, lon, p.Latitude, p.Longitude))).Where(p => p.Meters <= radius)
                .OrderBy(p => p.Meters).ThenBy(p => p.Id).Take(20).Select(p => p.Id).ToList();
            Assert.Equal(expected, ListedIds(page));
            Assert.Equal(expected.Count.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-count]")!.GetAttribute("data-count"));
            // The search's point goes back into the form, so changing a filter keeps it.
            Assert.Equal(lat.ToString(CultureInfo.InvariantCulture), page.QuerySelector("input[name=lat]")!.GetAttribute("value"));
        }
        var shown = await client.GetPageAsync("/places/near?kind=shelter&lat=37.56&lon=126.97&radius=1000");
        Assert.Matches(@"· \d+m", shown.QuerySelector("[data-places] li")!.TextContent);
    }

    [Fact]
    public async Task Near_me_starts_from_an_address_or_a_district_and_filters_open_now_and_accessible()
    {
        var clock = app.Services.GetRequiredService<CityClock>();
        var now = clock.TimeOfDay;
        await app.WithDbAsync(async db =>
        {
            db.AddRange(
                new Place { KindCode = "wifi-zone", NameKo = "시청 와이파이", Source = "near-filters", SourceId = "1", RoadAddress = "세종대로 110", DistrictCode = "11140",
                    Latitude = 37.5663, Longitude = 126.9779, OpensAt = now.AddHours(-1), ClosesAt = now.AddHours(1), UpdatedAt = Now },
                new Place { KindCode = "wifi-zone", NameKo = "광장 와이파이", Source = "near-filters", SourceId = "2", RoadAddress = "세종대로 100", DistrictCode = "11140",
                    Latitude = 37.5669, Longitude = 126.9781, OpensAt = now.AddHours(1), ClosesAt = now.AddHours(2), UpdatedAt = Now,
                    Accessibility = new() { WheelchairAccess = true } },
                new Place { KindCode = "wifi-zone", NameKo = "종로 와이파이", Source = "near-filters", SourceId = "3", RoadAddress = "종로 1", DistrictCode = "11170",
                    Latitude = 37.5700, Longitude = 126.9830, AlwaysOpen = true, UpdatedAt = Now, Accessibility = new() { AccessibleToilet = true } });
            await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<PlaceIndex>().RebuildAsync();
        var client = app.CreateClient();
        async Task<List<string>> Names(string query) =>
            (await client.GetPageAsync("/places/near?kind=wifi-zone&radius=2000&" + query)).QuerySelectorAll("[data-places] li a").Select(a => a.TextContent).ToList();

        Assert.Equal(["시청 와이파이", "광장 와이파이", "종로 와이파이"], await Names("address=" + Uri.EscapeDataString("세종대로 110")));
        Assert.Equal(["시청 와이파이", "종로 와이파이"], await Names("address=" + Uri.EscapeDataString("세종대로 110") + "&openNow=true&openNow=false"));
        Assert.Equal(["광장 와이파이", "종로 와이파이"], await Names("address=" + Uri.EscapeDataString("세종대로 110") + "&accessible=true"));
        Assert.Equal(["종로 와이파이"], await Names("address=" + Uri.EscapeDataString("세종대로 110") + "&accessible=true&openNow=true"));
        var street = await client.GetPageAsync("/places/near?kind=wifi-zone&address=" + Uri.EscapeDataString("세종대로 999"));
        Assert.Contains("주소 2곳", street.QuerySelector("[data-count]")!.TextContent, StringComparison.Ordinal); // the middle of the 2 known addresses on the street
        Assert.Equal("종로 와이파이", street.QuerySelectorAll("[data-places] li a").Select(a => a.TextContent).Last()); // the two on the street are nearer (equally, 34 m)
        Assert.Equal(3, street.QuerySelectorAll("[data-places] li").Length);
        var district = await client.GetPageAsync("/places/near?kind=wifi-zone&district=11170"); // no other test puts places there
        Assert.Equal("종로 와이파이", district.QuerySelector("[data-places] li a")!.TextContent);
        Assert.Equal("37.57", district.QuerySelector("[data-place-map]")!.GetAttribute("data-origin-lat")); // the middle of its one place

        // Bad input: the page explains, with a 200 and the form to correct it.
        foreach (var (query, field) in new[]
        {
            ("kind=castle&lat=37.5&lon=127", "kind"), ("kind=wifi-zone&lat=95&lon=127", "address"), ("kind=wifi-zone&lat=abc&lon=127", "address"),
            ("kind=wifi-zone&lat=37.5&lon=127&radius=3", "radius"), ("kind=wifi-zone&address=x", "address"),
            ("kind=wifi-zone&address=" + Uri.EscapeDataString("없는길 12"), "address"), ("kind=wifi-zone&district=nowhere", "district"),
        })
        {
            var response = await client.GetAsync("/places/near?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Single(page.ErrorSummary());
            Assert.Equal("#" + field, page.QuerySelector(".ch-error-summary a")!.GetAttribute("href"));
            Assert.NotNull(page.QuerySelector("#" + field));
            Assert.Empty(page.QuerySelectorAll("[data-places] li"));
        }
    }

    [Fact]
    public async Task A_kind_is_browsed_by_district_twenty_a_page_and_a_place_has_its_page()
    {
        var places = await SeedRandomAsync("tourist-spot", "browse", 45, 12);
        var client = app.CreateClient();
        var all = await client.GetPageAsync("/places/kind/tourist-spot");
        Assert.Equal("45", all.QuerySelector("[data-total]")!.GetAttribute("data-total"));
        Assert.Equal(places.OrderBy(p => p.NameKo, StringComparer.Ordinal).Take(20).Select(p => p.Id), ListedIds(all));
        var next = all.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal(places.OrderBy(p => p.NameKo, StringComparer.Ordinal).Skip(20).Take(20).Select(p => p.Id), ListedIds(await client.GetPageAsync(next)));
        var jongno = await client.GetPageAsync("/places/kind/tourist-spot?district=11110");
        Assert.Equal("23", jongno.QuerySelector("[data-total]")!.GetAttribute("data-total"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/places/kind/castle")).StatusCode);
        var english = app.CreateClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var index = await english.GetPageAsync("/places");
        Assert.Contains(index.QuerySelectorAll(".ch-kind-list a"), a => a.TextContent == "Tourist spots");
        Assert.Contains("45 places", index.Body!.TextContent, StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            var p = await db.Set<Place>().SingleAsync(x => x.Id == places[0].Id);
            (p.Phone, p.Website, p.OpeningHoursText, p.AlwaysOpen, p.Attribution) = ("02-120", "javascript:alert(1)", "24시간", true, "서울특별시 (공공누리 제1유형)");
            p.Accessibility = new() { WheelchairAccess = true, BabyChanging = false };
            db.Add(new Place { KindCode = "tourist-spot", NameKo = "바로 옆 명소", Source = "browse", SourceId = "next-door", Latitude = p.Latitude + 0.0005,
                Longitude = p.Longitude, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<PlaceIndex>().RebuildAsync();
        var detail = await client.GetPageAsync($"/places/{places[0].Id}");
        Assert.Equal(places[0].NameKo, detail.QuerySelector("h1")!.TextContent);
        var facts = detail.QuerySelectorAll("table tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);
        Assert.Equal(("있음", "없음", "정보 없음"), (facts["휠체어 접근"], facts["기저귀 교환대"], facts["CCTV"]));
        Assert.Equal("tel:02120", detail.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
        Assert.Null(detail.QuerySelector("a[href^='javascript']")); // imported text is not trusted as a link
        Assert.Contains("공공누리", detail.Body!.TextContent, StringComparison.Ordinal);
        var nearby = detail.QuerySelectorAll("[data-places] li a").Select(a => a.TextContent).ToList();
        Assert.Equal("바로 옆 명소", nearby[0]); // the nearest others of its kind (56 m away), never itself
        Assert.InRange(nearby.Count, 1, 5);
        Assert.DoesNotContain(places[0].NameKo, nearby);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/places/987654321")).StatusCode);

    }
}
