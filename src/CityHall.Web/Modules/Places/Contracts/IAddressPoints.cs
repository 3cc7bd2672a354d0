namespace CityHall.Web.Modules.Places.Contracts;

/// <summary>
/// A point for an address a citizen types, from the addresses the city already knows (no outside geocoder): how other
/// modules place an address without a map (a taxi pickup typed on a phone without location).
/// </summary>
public interface IAddressPoints
{
    /// <summary>The point, and whether only the street was known (the building number was not); null when nothing matched.</summary>
    Task<(double Latitude, double Longitude, bool StreetOnly)?> FindAsync(string address, CancellationToken ct = default);
}

internal sealed class AddressPoints(AppDbContext db) : IAddressPoints
{
    public async Task<(double Latitude, double Longitude, bool StreetOnly)?> FindAsync(string address, CancellationToken ct = default) =>
        await AddressLookup.FindAsync(db, address, ct) is { } found ? (found.Latitude, found.Longitude, found.StreetOnly) : null;
}
