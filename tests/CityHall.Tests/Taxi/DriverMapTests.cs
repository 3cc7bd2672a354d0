using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.City;
using CityHall.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CityHall.Tests.Taxi;

/// <summary>The in-memory map of on-duty drivers dispatch works from: positions, freshness, states and constraints.</summary>
public sealed class DriverMapTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private const double CityHallLat = 37.5663, CityHallLon = 126.9779;

    private static (DriverMap Map, FakeTimeProvider Clock) NewMap()
    {
        var clock = new FakeTimeProvider(Start);
        return (new DriverMap(clock, new FixedOptions<TaxiOptions>(new TaxiOptions())), clock);
    }

    [Fact]
    public void A_moving_grid_finds_exactly_what_a_scan_finds_after_cars_move_stop_and_leave()
    {
        var random = new Random(61);
        var grid = new GeoGrid<int>();
        var truth = new Dictionary<long, (double Lat, double Lon)>();
        for (var step = 0; step < 20_000; step++)
        {
            var id = random.Next(1, 1500);
            if (random.NextDouble() < 0.1) { Assert.Equal(truth.Remove(id), grid.Remove(id)); continue; }
            // Most moves are small (a car along a street), some cross the city.
            var (lat, lon) = truth.TryGetValue(id, out var at) && random.NextDouble() < 0.8
                ? (at.Lat + (random.NextDouble() - 0.5) * 0.004, at.Lon + (random.NextDouble() - 0.5) * 0.004)
                : (37.45 + random.NextDouble() * 0.2, 126.85 + random.NextDouble() * 0.25);
            truth[id] = (lat, lon);
            grid.Set(id, lat, lon, (int)id);
        }
        Assert.Equal(truth.Count, grid.Count);
        for (var query = 0; query < 80; query++)
        {
            var (lat, lon) = (37.45 + random.NextDouble() * 0.2, 126.85 + random.NextDouble() * 0.25);
            var radius = 200 + random.NextDouble() * 6000;
            var limit = 1 + random.Next(12);
            var expected = truth.Select(p => (Id: p.Key, Meters: Geo.Meters(lat, lon, p.Value.Lat, p.Value.Lon))).Where(p => p.Meters <= radius && p.Id % 3 != 0)
                .OrderBy(p => p.Meters).ThenBy(p => p.Id).Take(limit).Select(p => p.Id).ToList();
            var found = grid.Nearest(lat, lon, radius, limit, v => v % 3 != 0);
            Assert.Equal(expected, found.Select(h => h.Id).ToList());
            Assert.All(found, h => Assert.Equal(h.Id, h.Value));
        }
    }

    [Fact]
    public void Only_free_cars_with_a_fresh_position_that_meet_every_need_are_candidates_nearest_first()
    {
        var (map, clock) = NewMap();
        var english = new HashSet<string> { "en" };
        map.OnDuty(1, CarTraits.Plain);
        map.OnDuty(2, new CarTraits(CarFeatures.WheelchairAccessible | CarFeatures.NonSmokingDriver, english));
        map.OnDuty(3, new CarTraits(CarFeatures.PetsWelcome, new HashSet<string> { "ja", "en" }));
        map.OnDuty(4, CarTraits.Plain); // on duty, never reported a position
        Assert.Equal(PositionRefusal.None, map.Report(1, CityHallLat + 0.001, CityHallLon, Start));
        Assert.Equal(PositionRefusal.None, map.Report(2, CityHallLat + 0.004, CityHallLon, Start));
        Assert.Equal(PositionRefusal.None, map.Report(3, CityHallLat + 0.008, CityHallLon, Start));

        List<long> Ids(CallNeeds needs, double radius = 3000, IReadOnlySet<long>? excluded = null) =>
            [.. map.Candidates(CityHallLat, CityHallLon, radius, 10, needs, excluded).Select(c => c.DriverId)];

        Assert.Equal([1, 2, 3], Ids(CallNeeds.Any));
        Assert.Equal([1, 2], Ids(CallNeeds.Any, radius: 600));
        Assert.Equal([2], Ids(new CallNeeds(CarFeatures.WheelchairAccessible, null)));
        Assert.Equal([2, 3], Ids(new CallNeeds(CarFeatures.None, "en")));
        Assert.Equal([3], Ids(new CallNeeds(CarFeatures.PetsWelcome, "ja")));
        Assert.Empty(Ids(new CallNeeds(CarFeatures.PetsWelcome | CarFeatures.WheelchairAccessible, null)));
        Assert.Equal([2, 3], Ids(CallNeeds.Any, excluded: new HashSet<long> { 1 }));

        // An offer takes a car out until it is free again; busy cars are not offered.
        Assert.True(map.TryOffer(1));
        Assert.False(map.TryOffer(1));
        Assert.False(map.TryOffer(4 + 100));
        Assert.Equal([2, 3], Ids(CallNeeds.Any));
        map.SetState(1, DriverState.Busy);
        Assert.Equal(PositionRefusal.None, map.Report(1, CityHallLat + 0.0011, CityHallLon, Start.AddSeconds(5)));
        Assert.Equal([2, 3], Ids(CallNeeds.Any));
        map.SetState(1, DriverState.Free);
        Assert.Equal([1, 2, 3], Ids(CallNeeds.Any));

        // A pause keeps a free car out until it ends.
        map.Pause(3, Start.AddMinutes(10));
        Assert.Equal([1, 2], Ids(CallNeeds.Any));
        Assert.True(map.Find(3)!.Value.Paused);

        // Thirty seconds without a report: not offered; a new report brings the car back.
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal([1], Ids(CallNeeds.Any)); // 1 reported at +5 s
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(Ids(CallNeeds.Any));
        Assert.Equal(PositionRefusal.None, map.Report(2, CityHallLat + 0.004, CityHallLon, clock.GetUtcNow()));
        Assert.Equal([2], Ids(CallNeeds.Any));

        map.OffDuty(2);
        Assert.Empty(Ids(CallNeeds.Any));
        Assert.Null(map.Find(2));
        Assert.Equal([1, 3, 4], map.All().Select(s => s.DriverId).Order().ToList());
    }

    [Fact]
    public void Reports_from_drivers_off_duty_from_the_future_out_of_order_or_faster_than_a_car_are_refused_and_change_nothing()
    {
        var (map, _) = NewMap();
        Assert.Equal(PositionRefusal.NotOnDuty, map.Report(9, CityHallLat, CityHallLon, Start));
        map.OnDuty(9, CarTraits.Plain);
        Assert.Equal(PositionRefusal.FromTheFuture, map.Report(9, CityHallLat, CityHallLon, Start.AddMinutes(1)));
        Assert.Equal(PositionRefusal.None, map.Report(9, CityHallLat, CityHallLon, Start.AddSeconds(-10)));
        Assert.Equal(PositionRefusal.None, map.Report(9, CityHallLat, CityHallLon, Start.AddSeconds(-10))); // the same fix again: no error, nothing changes
        Assert.Equal(PositionRefusal.Outdated, map.Report(9, CityHallLat + 0.01, CityHallLon, Start.AddSeconds(-20)));
        Assert.Equal(PositionRefusal.Outdated, map.Report(9, CityHallLat + 0.01, CityHallLon, Start.AddSeconds(-10)));
        // 1.1 km in 10 s is 400 km/h.
        Assert.Equal(PositionRefusal.ImpossibleJump, map.Report(9, CityHallLat + 0.01, CityHallLon, Start));
        var held = map.Find(9)!.Value;
        Assert.Equal((CityHallLat, Start.AddSeconds(-10)), (held.Latitude, held.ReportedAt));
        // 111 m in 10 s is 40 km/h.
        Assert.Equal(PositionRefusal.None, map.Report(9, CityHallLat + 0.001, CityHallLon, Start));
        Assert.Equal(CityHallLat + 0.001, map.Find(9)!.Value.Latitude);
    }
}
