using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Taxi;

/// <summary>Pickup times: the straight line with its detour at the speed of the pickup's district and the city's hour.</summary>
public sealed class PickupTimesTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private const double CityHallLat = 37.5663, CityHallLon = 126.9779; // Jung-gu (11140)
    private const double GangnamLat = 37.4979, GangnamLon = 127.0276; // Gangnam-gu (11680)

    [Fact]
    public void The_speed_is_the_first_rule_for_the_pickups_district_and_the_citys_hour()
    {
        var options = new TaxiOptions
        {
            DetourFactor = 1.5,
            DefaultSpeedKmh = 30,
            Speeds = [new() { Districts = ["11140"], FromHour = 8, ToHour = 10, Kmh = 9 }, new() { FromHour = 8, ToHour = 10, Kmh = 18 }],
        };
        var times = new StraightLinePickupTimes(new FixedOptions<TaxiOptions>(options), app.Services.GetRequiredService<DistrictMap>(),
            app.Services.GetRequiredService<CityClock>());
        var nineInSeoul = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(9));
        var carLat = CityHallLat + 0.009; // a kilometre north
        var meters = Geo.Meters(carLat, CityHallLon, CityHallLat, CityHallLon);

        // 09:00 in Seoul (00:00 UTC): Jung-gu's morning rule.
        Assert.Equal(meters * 1.5 / (9 / 3.6), times.Seconds(carLat, CityHallLon, CityHallLat, CityHallLon, nineInSeoul), 6);
        // The same hour in Gangnam: the city-wide morning rule.
        Assert.Equal(meters * 1.5 / (18 / 3.6), times.Seconds(GangnamLat + 0.009, GangnamLon, GangnamLat, GangnamLon, nineInSeoul), 0);
        // 10:00 in Seoul: no rule, the default.
        Assert.Equal(meters * 1.5 / (30 / 3.6), times.Seconds(carLat, CityHallLon, CityHallLat, CityHallLon, nineInSeoul.AddHours(1)), 6);
    }

    [Fact]
    public void The_app_estimates_with_the_shipped_rules_slower_in_the_morning_rush_than_at_night()
    {
        var times = app.Services.GetRequiredService<IPickupTimes>();
        var rush = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(9));
        var night = new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.FromHours(9));
        var meters = Geo.Meters(CityHallLat + 0.009, CityHallLon, CityHallLat, CityHallLon);
        Assert.Equal(meters * 1.35 / (14 / 3.6), times.Seconds(CityHallLat + 0.009, CityHallLon, CityHallLat, CityHallLon, rush), 6);
        Assert.Equal(meters * 1.35 / (32 / 3.6), times.Seconds(CityHallLat + 0.009, CityHallLon, CityHallLat, CityHallLon, night), 6);
    }
}
