using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Places.Public;

/// <summary>
/// The home page's public-toilets block: the nearest to the city centre, from the in-memory index (no database read).
/// The page's script swaps them for the ones nearest the visitor when the browser gives its location.
/// </summary>
public sealed record ToiletsNearCentre(PlaceList List)
{
    public const string Kind = "public-toilet";
    public const int Shown = 5;
    public const string View = "/Modules/Places/Public/_ToiletsNearCentre.cshtml";

    public static async Task<object?> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var places = await services.GetRequiredService<PlaceIndex>().GetAsync(ct);
        var city = services.GetRequiredService<IOptionsMonitor<CityOptions>>().CurrentValue;
        var hits = places.Nearest(Kind, city.MapCenterLatitude, city.MapCenterLongitude, NearModel.RadiusChoices[^1], Shown);
        if (hits.Count == 0) return null;
        var now = services.GetRequiredService<CityClock>().TimeOfDay;
        return new ToiletsNearCentre(new PlaceList(hits.Select(h => new PlaceList.Item(h.Place, h.Meters)).ToList(), places, now));
    }
}
