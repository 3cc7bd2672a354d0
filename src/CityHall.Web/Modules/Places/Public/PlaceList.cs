using System.Globalization;

namespace CityHall.Web.Modules.Places.Public;

/// <summary>What <c>_PlaceList</c> shows: places (with their distance when searched from a point) and the city time for "open now".</summary>
public sealed record PlaceList(IReadOnlyList<PlaceList.Item> Items, PlaceIndex.Snapshot Places, TimeOnly Now)
{
    public sealed record Item(PlaceIndex.Card Place, double? Meters);

    public string DistrictName(string? code) =>
        code is not null && Places.DistrictByCode.TryGetValue(code, out var d) ? d.Name(CultureInfo.CurrentUICulture) : "";

    /// <summary>"350 m", "1.2 km": metres below a kilometre, else kilometres (one decimal below ten).</summary>
    public static string Distance(IStringLocalizer t, double meters) => meters < 1000
        ? t["Places.Meters", Math.Round(meters).ToString("N0", CultureInfo.CurrentUICulture)]
        : t["Places.Kilometers", (meters / 1000).ToString(meters < 10_000 ? "0.#" : "N0", CultureInfo.CurrentUICulture)];
}
