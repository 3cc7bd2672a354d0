using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Admin;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Taxi;

/// <summary>Three cars in view are drawn one by one; more are counted per area (so the test can see both).</summary>
public sealed class SmallLiveMapApp() : CityHallApp(new Dictionary<string, string?> { ["Taxi:LiveMapCarsLimit"] = "3" });

/// <summary>The operators' live map: the cars by what they are doing and the waiting calls, in figures and as the map's data.</summary>
public sealed class LiveMapTests(SmallLiveMapApp app) : IClassFixture<SmallLiveMapApp>
{
    private const double Lat = 37.5663, Lon = 126.9779; // Seoul City Hall, in Jung-gu

    /// <summary>Five cars on duty near City Hall, one of each kind, and two calls waiting for a car no one has (one told so).</summary>
    private async Task<Dictionary<CarOnMap, long>> FleetAsync()
    {
        var ids = new Dictionary<CarOnMap, long>();
        foreach (var kind in LiveMapModel.Kinds) ids[kind] = (await TaxiTestData.DriverAsync(app, languages: "ja")).DriverId;
        var now = DateTime.UtcNow;
        var busyCall = await app.WithDbAsync(async db =>
        {
            await db.Set<TaxiDriver>().Where(d => ids.Values.Contains(d.Id)).ExecuteUpdateAsync(u => u.SetProperty(d => d.OnDutySince, now));
            var trip = new TaxiCall
            {
                RiderId = null, PickupLatitude = Lat, PickupLongitude = Lon, State = TaxiCallState.Assigned, DriverId = ids[CarOnMap.OnTrip], CalledAt = now,
                AssignedAt = now, SearchRadiusMeters = 3000,
            };
            db.Add(trip);
            // Calls for a wheelchair-accessible, Russian-speaking car: none here, so they stay waiting.
            foreach (var told in new[] { false, true })
                db.Add(new TaxiCall
                {
                    PickupLatitude = Lat, PickupLongitude = Lon, PickupDistrict = app.Services.GetRequiredService<DistrictMap>().DistrictAt(Lat, Lon),
                    Needs = CarFeatures.WheelchairAccessible, Language = "ru", State = TaxiCallState.Waiting, CalledAt = now.AddMinutes(told ? -7 : -1),
                    NoCarSince = told ? now.AddMinutes(-2) : null, SearchRadiusMeters = 3000,
                });
            await db.SaveChangesAsync();
            return trip.Id;
        });
        var map = app.Services.GetRequiredService<DriverMap>();
        var at = DateTimeOffset.UtcNow;
        var step = 0;
        foreach (var (kind, id) in ids)
        {
            map.OnDuty(id, CarTraits.Of(CarFeatures.NonSmokingDriver, "ja"));
            step++;
            Assert.Equal(PositionRefusal.None, map.Report(id, Lat + 0.001 * step, Lon, kind == CarOnMap.Unseen ? at.AddMinutes(-2) : at));
        }
        Assert.True(map.TryOffer(ids[CarOnMap.Offered]));
        map.SetState(ids[CarOnMap.OnTrip], DriverState.Busy, busyCall);
        map.Pause(ids[CarOnMap.Paused], at.AddMinutes(10));
        return ids;
    }

    [Fact]
    public async Task Operators_see_every_car_by_what_it_is_doing_and_the_calls_waiting_in_figures_and_on_the_map()
    {
        await FleetAsync();
        var official = await app.SignedInStaffAsync(Roles.Official);
        var page = await official.GetPageAsync("/admin/taxi/map");
        foreach (var kind in LiveMapModel.Kinds)
            Assert.Equal("1", page.QuerySelector($"[data-city-figures] [data-kind='{kind}']")!.GetAttribute("data-count"));
        Assert.Equal("5", page.QuerySelector("[data-on-duty]")!.GetAttribute("data-on-duty"));
        Assert.Equal("2", page.QuerySelector("[data-waiting]")!.GetAttribute("data-waiting"));
        Assert.Equal("1", page.QuerySelector("[data-no-car]")!.GetAttribute("data-no-car"));
        Assert.Contains("7", page.QuerySelector("[data-longest-wait]")!.TextContent);
        Assert.Equal("2", page.QuerySelector("[data-by-district] tr[data-district='중구'] [data-district-waiting]")!.GetAttribute("data-district-waiting"));
        Assert.NotNull(page.QuerySelector("#live-map-figures[data-refresh-every='10']"));
        Assert.NotNull(page.QuerySelector("[data-taxi-map][data-url]"));
        // Nobody's name, plate or address.
        Assert.DoesNotContain("이기사", page.Body!.TextContent);

        // The map's data: three cars in a small view, one by one with their kind; the calls with their wait.
        using var small = await Json(official, $"south={Lat + 0.0005}&west={Lon - 0.01}&north={Lat + 0.0035}&east={Lon + 0.01}");
        var cars = small.RootElement.GetProperty("cars").EnumerateArray().Select(c => (int)c[2].GetDouble()).Order().ToList();
        Assert.Equal([(int)CarOnMap.Free, (int)CarOnMap.Offered, (int)CarOnMap.OnTrip], cars);
        Assert.Equal(JsonValueKind.Null, small.RootElement.GetProperty("cells").ValueKind);
        Assert.Empty(small.RootElement.GetProperty("calls").EnumerateArray());
        // Five in the city's view: counted per area, every kind once; both calls, the one told "no car yet" marked.
        using var city = await Json(official, "south=37.40&west=126.75&north=37.72&east=127.20");
        var cells = city.RootElement.GetProperty("cells").EnumerateArray().ToList();
        Assert.All(LiveMapModel.Kinds, kind => Assert.Equal(1, cells.Sum(c => c[2 + (int)kind].GetDouble())));
        var calls = city.RootElement.GetProperty("calls").EnumerateArray().Select(c => (Waited: c[2].GetDouble(), NoCar: c[3].GetDouble())).OrderBy(c => c.Waited).ToList();
        Assert.Equal(2, calls.Count);
        Assert.InRange(calls[1].Waited, 7 * 60 - 5, 7 * 60 + 60);
        Assert.Equal((0d, 1d), (calls[0].NoCar, calls[1].NoCar));
    }

    private static async Task<JsonDocument> Json(HttpClient client, string view)
    {
        var response = await client.GetAsync($"/admin/taxi/map?handler=data&{view}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_view_that_is_not_one_is_refused_and_citizens_are_kept_out()
    {
        var official = await app.SignedInStaffAsync(Roles.Official);
        foreach (var bad in new[] { "", "south=37.7&west=126.7&north=37.4&east=127.2", "south=NaN&west=126.7&north=37.7&east=127.2",
                     "south=-91&west=126.7&north=37.7&east=127.2", "south=37.4&west=126.7&north=37.7&east=181", "south=abc&west=1&north=2&east=3" })
        {
            var response = await official.GetAsync($"/admin/taxi/map?handler=data&{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var citizen = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/admin/taxi/map")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/admin/taxi/map?handler=data&south=37.4&west=126.7&north=37.7&east=127.2")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserLikeClient().GetAsync("/admin/taxi/map")).StatusCode);
    }
}
