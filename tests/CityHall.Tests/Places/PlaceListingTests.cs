using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Places;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CityHall.Tests.Places;

/// <summary>The city's clock stopped on Monday 30 November 2026, 14:00 in Seoul.</summary>
public sealed class PlaceClockApp() : ClockedApp(InSeoul(2026, 11, 30, 14, 0));

/// <summary>
/// Lists of places without a point: the API by kind and district with its filters, staff's list with search
/// and pages, the report form's refusals, and who reaches the staff pages. 32 shelters in Jungnang-gu (11260),
/// most of them open only in the early morning.
/// </summary>
public sealed class PlaceListingTests(PlaceClockApp app) : IClassFixture<PlaceClockApp>
{
    private const string District = "11260";

    private async Task<List<Place>> SeedAsync()
    {
        var places = await app.WithDbAsync(async db =>
        {
            if (!await db.Set<Place>().AnyAsync(p => p.Source == "listing-test"))
            {
                var at = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
                db.AddRange(Enumerable.Range(1, 29).Select(i => new Place
                {
                    KindCode = "shelter", NameKo = $"가 쉼터 {i:00}", NameEn = $"Early shelter {i:00}", RoadAddress = $"망우로 {i}", DistrictCode = District,
                    Latitude = 37.60 + i / 10_000.0, Longitude = 127.09, OpensAt = new TimeOnly(6, 0), ClosesAt = new TimeOnly(9, 0),
                    Source = "listing-test", SourceId = $"early-{i}", UpdatedAt = at,
                }));
                db.AddRange(
                    new Place { KindCode = "shelter", NameKo = "하 쉼터", RoadAddress = "봉화산로 1", DistrictCode = District, Latitude = 37.61, Longitude = 127.08,
                        OpensAt = new TimeOnly(9, 0), ClosesAt = new TimeOnly(18, 0), Accessibility = new() { WheelchairAccess = true }, Source = "listing-test", SourceId = "day", UpdatedAt = at },
                    new Place { KindCode = "shelter", NameKo = "하 야간 쉼터", RoadAddress = "봉화산로 2", DistrictCode = District, Latitude = 37.61, Longitude = 127.08,
                        OpensAt = new TimeOnly(22, 0), ClosesAt = new TimeOnly(2, 0), Source = "listing-test", SourceId = "night", UpdatedAt = at },
                    new Place { KindCode = "shelter", NameKo = "하 상시 쉼터", NameEn = "Always-open shelter", RoadAddress = "봉화산로 3", DistrictCode = District, Latitude = 37.61, Longitude = 127.08,
                        AlwaysOpen = true, Source = "listing-test", SourceId = "always", UpdatedAt = at },
                    new Place { KindCode = "shelter", NameKo = "다른 구 쉼터", RoadAddress = "세종대로 1", DistrictCode = "11140", Latitude = 37.56, Longitude = 126.97,
                        AlwaysOpen = true, Source = "listing-test", SourceId = "elsewhere", UpdatedAt = at });
                await db.SaveChangesAsync();
            }
            return await db.Set<Place>().AsNoTracking().Where(p => p.Source == "listing-test").ToListAsync();
        });
        await app.Services.GetRequiredService<PlaceIndex>().RebuildAsync();
        return places;
    }

    private async Task<List<string?>> NamesAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/places?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
    }

    [Fact]
    public async Task The_api_lists_a_kind_in_a_district_by_name_and_open_now_finds_the_open_ones_however_many_are_closed()
    {
        await SeedAsync();
        var client = app.CreateClient();
        Assert.Equal(["가 쉼터 01", "가 쉼터 02", "가 쉼터 03"], await NamesAsync(client, $"kind=shelter&district={District}&limit=3"));
        Assert.Equal(32, (await NamesAsync(client, $"kind=shelter&district={District}&limit=100")).Count);
        // At 14:00 on the city's clock 29 of them opened at 6 and closed at 9, one is open 9–18, one 22–02, one always.
        Assert.Equal(["하 상시 쉼터"], await NamesAsync(client, $"kind=shelter&district={District}&openNow=true&limit=1"));
        Assert.Equal(["하 상시 쉼터", "하 쉼터"], await NamesAsync(client, $"kind=shelter&district={District}&openNow=true&limit=10"));
        Assert.Equal(["하 쉼터"], await NamesAsync(client, $"kind=shelter&district={District}&accessible=true"));
        Assert.Equal(["다른 구 쉼터"], await NamesAsync(client, "kind=shelter&district=11140"));

        var english = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/places?kind=shelter&district={District}&openNow=true");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var names = JsonDocument.Parse(await (await client.SendAsync(english)).Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Always-open shelter", "하 쉼터"], names); // a place without an English name keeps its Korean one

        var kinds = JsonDocument.Parse(await client.GetStringAsync("/api/v1/place-kinds")).RootElement.EnumerateArray().ToList();
        Assert.Contains(kinds, k => (k.GetProperty("code").GetString(), k.GetProperty("name").GetString(), k.GetProperty("nameEn").GetString()) == ("shelter", "대피소·쉼터", "Shelters"));

        var bad = new HttpRequestMessage(HttpMethod.Get, "/api/v1/places?kind=shelter&limit=0");
        bad.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await client.SendAsync(bad);
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (problem.StatusCode, problem.Content.Headers.ContentType!.MediaType));
        Assert.Contains("100", JsonDocument.Parse(await problem.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_and_the_index_agree_on_what_is_open_at_every_quarter_hour()
    {
        var places = await SeedAsync();
        for (var minutes = 0; minutes < 24 * 60; minutes += 15)
        {
            var now = new TimeOnly(minutes / 60, minutes % 60);
            var inDatabase = await app.WithDbAsync(db => db.Set<Place>().Where(p => p.Source == "listing-test").Where(Place.OpenAt(now)).Select(p => p.SourceId).OrderBy(s => s).ToListAsync());
            var inMemory = places.Where(p => p.IsOpenAt(now) == true).Select(p => p.SourceId).Order(StringComparer.Ordinal).ToList();
            Assert.True(inMemory.SequenceEqual(inDatabase), $"{now}: database {string.Join(",", inDatabase)}; memory {string.Join(",", inMemory)}");
        }
        // Past midnight: the night shelter is open at 01:00 and closed at 02:00.
        Assert.Contains("night", await app.WithDbAsync(db => db.Set<Place>().Where(Place.OpenAt(new TimeOnly(1, 0))).Select(p => p.SourceId).ToListAsync()));
        Assert.DoesNotContain("night", await app.WithDbAsync(db => db.Set<Place>().Where(Place.OpenAt(new TimeOnly(2, 0))).Select(p => p.SourceId).ToListAsync()));
    }

    [Fact]
    public async Task Staff_find_places_by_name_or_address_kind_and_district_fifty_a_page()
    {
        await SeedAsync();
        var staff = await app.SignedInStaffAsync(Roles.Official, "places-lister@seoul.go.kr");
        async Task<(int Total, List<string> Names)> ListAsync(string query)
        {
            var page = await staff.GetPageAsync("/admin/places?" + query);
            Assert.False(page.IsErrorPage(), query);
            return (int.Parse(page.QuerySelector("[data-total]")!.GetAttribute("data-total")!, System.Globalization.CultureInfo.InvariantCulture),
                page.QuerySelectorAll("[data-admin-places] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList());
        }
        async Task ExpectAsync(string query, params string[] names)
        {
            var (total, listed) = await ListAsync(query);
            Assert.Equal(names.Length, total);
            Assert.Equal(names, listed);
        }
        await ExpectAsync("q=" + Uri.EscapeDataString("봉화산로 2"), "하 야간 쉼터");
        await ExpectAsync("q=Always-open", "하 상시 쉼터");
        Assert.Equal(29, (await ListAsync("q=" + Uri.EscapeDataString("가 쉼터"))).Total);
        await ExpectAsync("kind=shelter&district=11140", "다른 구 쉼터");
        var all = await ListAsync($"kind=shelter&district={District}");
        Assert.Equal(32, all.Total);
        Assert.Equal(32, all.Names.Count); // fewer than 50: one page
        // Pages out of range show the nearest page rather than failing.
        Assert.Equal(all.Names, (await ListAsync($"kind=shelter&district={District}&page=0")).Names);
        Assert.Equal(all.Names, (await ListAsync($"kind=shelter&district={District}&page=2147483647")).Names);
        await ExpectAsync("q=" + Uri.EscapeDataString("없는 이름"));
    }

    [Fact]
    public async Task The_report_form_refuses_what_it_cannot_file_and_files_nothing_then()
    {
        var places = await SeedAsync();
        var place = places.Single(p => p.SourceId == "day");
        var citizen = await app.SignedUpCitizenAsync();
        var form = await citizen.GetPageAsync($"/places/{place.Id}/report");
        Assert.Equal(["closed", "location", "hours", "facilities", "contact", "other"], form.QuerySelectorAll("input[name='Input.Problem']").Select(i => i.GetAttribute("value")));
        foreach (var (fields, error) in new (Dictionary<string, string>, string)[]
        {
            (new() { ["Input.Details"] = "문이 잠겨 있습니다." }, "Input_Problem"),
            (new() { ["Input.Problem"] = "arson", ["Input.Details"] = "" }, "Input_Problem"),
            (new() { ["Input.Problem"] = "closed", ["Input.Details"] = new string('가', 2001) }, "Input_Details"),
        })
        {
            var refused = await Html.ParseAsync(await citizen.SubmitAsync(form, fields));
            Assert.Single(refused.ErrorSummary());
            Assert.NotNull(refused.InlineError(error));
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CityHall.Web.Modules.ServiceRequests.ServiceRequest>().CountAsync(r => r.SubjectPath == $"/places/{place.Id}")));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/places/987654321/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.SubmitAsync(form, new Dictionary<string, string> { ["Input.Problem"] = "closed" }, action: "/places/987654321/report")).StatusCode);
    }

    [Fact]
    public async Task Only_staff_who_manage_places_reach_the_staff_pages()
    {
        var places = await SeedAsync();
        string[] pages = ["/admin/places", "/admin/places/new", "/admin/places/import", $"/admin/places/{places[0].Id}"];
        var citizen = await app.SignedUpCitizenAsync();
        var moderator = await app.SignedInStaffAsync(Roles.Moderator, "moderator-not-places@seoul.go.kr");
        var official = await app.SignedInStaffAsync(Roles.Official, "places-manager@seoul.go.kr");
        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(page)).StatusCode);
            Assert.False((await official.GetPageAsync(page)).IsErrorPage(), page);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/admin/places/imports/{Guid.NewGuid()}")).StatusCode);
    }
}
