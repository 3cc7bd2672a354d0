using CityHall.Web.Modules.Places;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// Near me with the browser's location: the nearest public toilets from where the person stands,
/// on a list and a map, then a place's page; the places and open-data pages too. Axe on each, in
/// Korean and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlacesJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static bool seeded;

    private async Task SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (seeded) return;
            var now = DateTime.UtcNow;
            await f.App.WithDbAsync(async db =>
            {
                db.AddRange(
                    new Place { KindCode = "public-toilet", NameKo = "서울시청 화장실", NameEn = "Seoul City Hall toilet", RoadAddress = "세종대로 110", DistrictCode = "11140",
                        Latitude = 37.56650, Longitude = 126.97810, AlwaysOpen = true, OpeningHoursText = "24시간", Source = "browser-test", SourceId = "1", UpdatedAt = now,
                        Accessibility = new() { AccessibleToilet = true, BabyChanging = true, EmergencyBell = true } },
                    new Place { KindCode = "public-toilet", NameKo = "서울광장 화장실", RoadAddress = "세종대로 100", DistrictCode = "11140",
                        Latitude = 37.56580, Longitude = 126.97790, Source = "browser-test", SourceId = "2", UpdatedAt = now },
                    new Place { KindCode = "public-toilet", NameKo = "덕수궁 화장실", RoadAddress = "세종대로 99", DistrictCode = "11140",
                        Latitude = 37.56580, Longitude = 126.97510, Source = "browser-test", SourceId = "3", UpdatedAt = now },
                    new Place { KindCode = "public-toilet", NameKo = "강남역 화장실", RoadAddress = "강남대로 396", DistrictCode = "11680",
                        Latitude = 37.49800, Longitude = 127.02760, Source = "browser-test", SourceId = "4", UpdatedAt = now });
                await db.SaveChangesAsync();
            });
            await f.App.Services.GetRequiredService<PlaceIndex>().RebuildAsync();
            seeded = true;
        }
        finally { Seeding.Release(); }
    }

    [Fact]
    public async Task On_a_phone_the_near_me_list_comes_first_and_the_map_when_asked_for()
    {
        await SeedAsync();
        var page = await f.NewPageAsync("ko-KR", width: 390, height: 844);
        var leaflet = 0;
        page.Request += (_, request) => { if (request.Url.Contains("/lib/leaflet/", StringComparison.Ordinal)) Interlocked.Increment(ref leaflet); };
        await page.GotoAsync("/places/near?kind=public-toilet&lat=37.5663&lon=126.978");
        Assert.Equal(3, await page.Locator("[data-places] li").CountAsync());
        Assert.True(await page.Locator("[data-show-map]").IsVisibleAsync());
        Assert.False(await page.Locator("[data-place-map]").IsVisibleAsync());
        Assert.Equal(0, leaflet); // nothing of the map is downloaded until it is asked for
        await Axe.AssertNoViolationsAsync(page);

        await page.ClickAsync("[data-show-map]");
        await page.WaitForSelectorAsync("[data-place-map]:not([hidden]) .leaflet-container");
        Assert.Equal(3, await page.Locator("[data-place-map] .leaflet-marker-icon").CountAsync());
        Assert.False(await page.Locator("[data-show-map]").IsVisibleAsync());
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task Near_me_from_the_browsers_location_lists_and_maps_the_nearest(string locale)
    {
        await SeedAsync();
        var page = await f.NewPageAsync(locale, location: new Geolocation { Latitude = 37.56630f, Longitude = 126.97800f });
        await page.GotoAsync("/places");
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/places/near?kind=public-toilet");
        await Axe.AssertNoViolationsAsync(page);

        // With JavaScript the location button appears; it fills the point and searches from it.
        await page.ClickAsync("[data-locate]");
        await page.WaitForURLAsync("**/places/near?*lat=37.5663*");
        var names = await page.Locator("[data-places] li a").AllTextContentsAsync();
        Assert.Equal(locale == "en-US" ? "Seoul City Hall toilet" : "서울시청 화장실", names[0]);
        Assert.Equal(3, names.Count); // 강남역 is 10 km away, outside the 1 km radius
        await page.WaitForSelectorAsync("[data-place-map]:not([hidden]) .leaflet-container");
        Assert.Equal(3, await page.Locator("[data-place-map] .leaflet-marker-icon").CountAsync());
        await Axe.AssertNoViolationsAsync(page);

        // Filters keep the point: accessible only leaves City Hall's.
        await page.ClickAsync("label[for=accessible]");
        await page.ClickAsync("[data-near-form] button[type=submit]");
        await page.WaitForURLAsync("**accessible=true*");
        Assert.Equal(1, await page.Locator("[data-places] li").CountAsync());

        await page.ClickAsync("[data-places] li a");
        await page.WaitForURLAsync("**/places/*");
        await page.WaitForSelectorAsync("[data-place-map]:not([hidden]) .leaflet-container");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/places/kind/public-toilet");
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/open-data");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task Staff_import_a_file_watch_it_finish_and_edit_a_place(string locale)
    {
        await SeedAsync();
        var page = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, page, CityHall.Web.Platform.Identity.Roles.Official);
        await page.GotoAsync("/admin/places");
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/admin/places/import");
        await Axe.AssertNoViolationsAsync(page);

        // A Smart Seoul Map file of two usable rows and one without coordinates (in Songpa: far from where the near-me test stands).
        var file = Path.Combine(Path.GetTempPath(), $"toilets-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            "Contents_ID,Use,Contents_name,구명,도로명주소,지번주소,경도,위도,전화번호,웹URL,유형,개방시간,장애인화장실,기타설비",
            $"{locale}-1,Y,잠실역 화장실,송파구,올림픽로 265,,127.10000,37.51330,,,개방화장실,24시간,1,비상벨 1",
            $"{locale}-2,Y,석촌호수 화장실,송파구,잠실로 148,,127.10300,37.50900,,,개방화장실,09:00~18:00,,",
            $"{locale}-3,Y,좌표 없는 화장실,송파구,,,,,,,,,,") + "\n");
        await page.SetInputFilesAsync("#Input_File", file);
        await page.SelectOptionAsync("#Input_Kind", "public-toilet");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/admin/places/imports/*");
        // The page follows the import and shows the summary when it ends.
        await page.WaitForSelectorAsync("[data-import-summary]");
        Assert.Equal("2", (await page.TextContentAsync("[data-created]"))!.Trim());
        Assert.Equal(1, await page.Locator("[data-skips] tbody tr").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        File.Delete(file);

        await page.GotoAsync("/admin/places?q=" + Uri.EscapeDataString("잠실역"));
        await page.ClickAsync("[data-admin-places] tbody a");
        await page.WaitForURLAsync("**/admin/places/*");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Latitude", "35.1");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(page);
    }
}
