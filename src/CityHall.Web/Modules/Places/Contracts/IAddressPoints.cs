namespace CityHall.Web.Modules.Places.Contracts;

/// <summary>
/// A point for an address or a place's name a citizen types, from what the city already knows (no outside geocoder):
/// how other modules place an address without a map (a taxi pickup typed on a phone without location).
/// </summary>
public interface IAddressPoints
{
    /// <summary>
    /// The point of an address ("세종대로 110"; only the street when the building number is not known), else of the one
    /// place the city lists by that whole name, in Korean or English ("서울역", "Seoul Station"); null when nothing
    /// matched, or the name is many places' (a chain's branches).
    /// </summary>
    Task<(double Latitude, double Longitude, bool StreetOnly)?> FindAsync(string address, CancellationToken ct = default);
}

internal sealed class AddressPoints(AppDbContext db) : IAddressPoints
{
    public async Task<(double Latitude, double Longitude, bool StreetOnly)?> FindAsync(string address, CancellationToken ct = default) =>
        (await AddressLookup.FindAsync(db, address, ct) ?? await AddressLookup.PlaceNamedAsync(db, address, ct)) is { } found
            ? (found.Latitude, found.Longitude, found.StreetOnly) : null;
}
