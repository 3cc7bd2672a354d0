using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Places;
using CityHall.Web.Platform.City;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Places;

/// <summary>Nearest places from the grid index agree with a scan of every place; the API orders by distance, filters and refuses bad points.</summary>
public sealed class NearestTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public async Task The_grid_finds_exactly_what_a_scan_of_every_place_finds()
    {
        var places = await RandomPlaces.AddAsync(app, "facility", "random-grid", 3000, 20261127, (37.42, 0.28), (126.77, 0.41));
        var index = app.Services.GetRequiredService<PlaceIndex>();
        var random = new Random(7);
        for (var query = 0; query < 60; query++)
        {
            var (lat, lon) = (37.40 + random.NextDouble() * 0.32, 126.75 + random.NextDouble() * 0.45);
            var radius = 100 + random.NextDouble() * 8000;
            var limit = 1 + random.Next(25);
            var expected = places.Select(p => (p.Id, Meters: Geo.Meters(lat, lon, p.Latitude, p.Longitude))).Where(p => p.Meters <= radius)
                .OrderBy(p => p.Meters).ThenBy(p => p.Id).Take(limit).Select(p => p.Id).ToList();
            var found = (await index.GetAsync()).Nearest("facility", lat, lon, radius, limit);
            Assert.Equal(expected, found.Select(h => h.Place.Id).ToList());
        }
        Assert.Empty((await index.GetAsync()).Nearest("shelter", 37.5665, 126.978, 5000, 10));
    }

    [Fact]
    public async Task The_api_lists_the_nearest_with_distances_filters_and_refuses_bad_input()
    {
        var client = app.CreateClient();
        await app.WithDbAsync(async db =>
        {
            db.AddRange(
                new Place { KindCode = "public-toilet", NameKo = "시청 화장실", Source = "api-test", SourceId = "1", Latitude = 37.5664, Longitude = 126.9780, AlwaysOpen = true, UpdatedAt = Now,
                    Accessibility = new() { AccessibleToilet = true } },
                new Place { KindCode = "public-toilet", NameKo = "광장 화장실", Source = "api-test", SourceId = "2", Latitude = 37.5670, Longitude = 126.9785, UpdatedAt = Now,
                    OpensAt = new TimeOnly(3, 0), ClosesAt = new TimeOnly(3, 1) },
                new Place { KindCode = "public-toilet", NameKo = "먼 화장실", Source = "api-test", SourceId = "3", Latitude = 37.6000, Longitude = 127.0500, UpdatedAt = Now });
            await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<PlaceIndex>().RebuildAsync();

        async Task<JsonElement> Json(string url)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        var near = await Json("/api/v1/places?kind=public-toilet&near=37.5663,126.9779&radius=500&limit=5");
        Assert.Equal(["시청 화장실", "광장 화장실"], near.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var distances = near.EnumerateArray().Select(p => p.GetProperty("distanceMeters").GetDouble()).ToList();
        Assert.True(distances[0] < distances[1] && distances[1] < 500);
        Assert.Equal(["시청 화장실"], (await Json("/api/v1/places?kind=public-toilet&near=37.5663,126.9779&radius=500&openNow=true"))
            .EnumerateArray().Select(p => p.GetProperty("name").GetString())); // always open; the other opens for one minute at 3 a.m.
        Assert.Single((await Json("/api/v1/places?kind=public-toilet&near=37.5663,126.9779&accessible=true")).EnumerateArray());
        Assert.Equal(3, (await Json("/api/v1/places?kind=public-toilet&near=37.5663,126.9779&radius=20000")).GetArrayLength());
        var id = near[0].GetProperty("id").GetInt64();
        Assert.Equal("시청 화장실", (await Json($"/api/v1/places/{id}")).GetProperty("name").GetString());
        Assert.Contains((await Json("/api/v1/place-kinds")).EnumerateArray(), k => k.GetProperty("code").GetString() == "public-toilet");

        foreach (var bad in new[] { "near=abc", "near=95,127", "near=37.5,127&radius=0", "near=37.5,127&radius=50000", "near=37.5,127&limit=500", "kind=castle&near=37.5,127" })
        {
            var url = "/api/v1/places?" + (bad.Contains("kind=") ? bad : "kind=public-toilet&" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/places?near=37.5,127")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/places/987654321")).StatusCode);
    }
}
