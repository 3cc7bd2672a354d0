using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Dispatch;

/// <summary>How long a car takes to reach a pickup. A road-network router can take the place of the estimate below.</summary>
public interface IPickupTimes
{
    /// <summary>Seconds from the car's position to the pickup, leaving at <paramref name="at"/>.</summary>
    double Seconds(double carLatitude, double carLongitude, double pickupLatitude, double pickupLongitude, DateTimeOffset at);
}

/// <summary>
/// The straight-line distance stretched by a detour factor, at the speed of the pickup's district and the city's
/// hour (<see cref="TaxiOptions.Speeds"/>). Every car is timed at the same speed for one pickup, so the nearest
/// car is also the soonest: a grid search by distance finds the best candidates.
/// </summary>
public sealed class StraightLinePickupTimes(IOptionsMonitor<TaxiOptions> options, DistrictMap districts, CityClock clock) : IPickupTimes
{
    public double Seconds(double carLatitude, double carLongitude, double pickupLatitude, double pickupLongitude, DateTimeOffset at)
    {
        var meters = Geo.Meters(carLatitude, carLongitude, pickupLatitude, pickupLongitude) * options.CurrentValue.DetourFactor;
        return meters / MetersPerSecond(pickupLatitude, pickupLongitude, at);
    }

    /// <summary>The speed cars are taken to travel at towards this pickup at this time.</summary>
    public double MetersPerSecond(double pickupLatitude, double pickupLongitude, DateTimeOffset at)
    {
        var settings = options.CurrentValue;
        var district = districts.DistrictAt(pickupLatitude, pickupLongitude);
        var hour = clock.ToLocal(at).Hour;
        var kmh = settings.Speeds.FirstOrDefault(r => r.Covers(district, hour))?.Kmh ?? settings.DefaultSpeedKmh;
        return Math.Max(1, kmh) / 3.6;
    }
}
