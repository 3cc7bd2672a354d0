namespace CityHall.Web.Modules.Taxi.Calls;

/// <summary>
/// The small map on the rider's and the safe-ride link's page (<c>_TripMap.cshtml</c>, wwwroot/js/taxi-trip-map.js): the
/// pickup and the car where it was last seen, the car moved as the hub reports it. The text beside it says the same.
/// </summary>
public sealed record TripMap(double PickupLatitude, double PickupLongitude, Dispatch.DriverMap.Spot? Car);
