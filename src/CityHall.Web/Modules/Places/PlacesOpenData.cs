using System.Runtime.CompilerServices;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.Places;

/// <summary>
/// Places as open data: one dataset per kind that has places ("places-public-toilet"), every
/// field of every place, with its point (so GeoJSON is offered), read from the database row by row.
/// </summary>
public sealed class PlacesOpenData(PlaceIndex index, AppDbContext db, IStringLocalizer<Text> t) : IOpenDataSource
{
    public const string Prefix = "places-";

    private static readonly DatasetColumn[] Columns =
    [
        new("id", DatasetType.Number, "The city's id of the place (its page is /places/{id})."),
        new("kind", DatasetType.Text, "Kind of place (public-toilet, restaurant, …)."),
        new("name_ko", DatasetType.Text, "Name in Korean."),
        new("name_en", DatasetType.Text, "Name in English, when known."),
        new("description_ko", DatasetType.Text, "Description in Korean."),
        new("description_en", DatasetType.Text, "Description in English."),
        new("road_address", DatasetType.Text, "Road-name address."),
        new("lot_address", DatasetType.Text, "Lot-number address."),
        new("district", DatasetType.Text, "District code (see the districts dataset)."),
        new("latitude", DatasetType.Number, "WGS84 latitude."),
        new("longitude", DatasetType.Number, "WGS84 longitude."),
        new("phone", DatasetType.Text, "Phone number."),
        new("website", DatasetType.Text, "Website."),
        new("opening_hours", DatasetType.Text, "Opening hours in the source's own words."),
        new("always_open", DatasetType.Boolean, "Open day and night."),
        new("opens_at", DatasetType.Text, "Daily opening time (HH:mm, city time), when known."),
        new("closes_at", DatasetType.Text, "Daily closing time (HH:mm; before opens_at means past midnight)."),
        new("wheelchair_access", DatasetType.Boolean, "Wheelchair access (empty: not known)."),
        new("accessible_toilet", DatasetType.Boolean, "Accessible toilet (empty: not known)."),
        new("baby_changing", DatasetType.Boolean, "Baby-changing table (empty: not known)."),
        new("emergency_bell", DatasetType.Boolean, "Emergency bell (empty: not known)."),
        new("cctv", DatasetType.Boolean, "CCTV at the entrance (empty: not known)."),
        new("source", DatasetType.Text, "Where the entry came from (empty: entered by city staff)."),
        new("source_id", DatasetType.Text, "The source's own id."),
        new("attribution", DatasetType.Text, "The credit the source's licence asks for."),
        new("updated_at", DatasetType.Time, "When the entry last changed."),
    ];

    public async Task<IReadOnlyList<DatasetDescription>> DescribeAsync(CancellationToken ct) =>
        (await index.GetAsync(ct)).Kinds.Where(k => k.Count > 0).Select(k => new DatasetDescription(
            Prefix + k.Code,
            t["Dataset.Places.Title", k.Name(System.Globalization.CultureInfo.CurrentUICulture)].Value,
            t["Dataset.Places.Description", k.Name(System.Globalization.CultureInfo.CurrentUICulture)].Value,
            Columns, Spatial: true, k.Attributions, k.UpdatedAt is { } changed ? new DateTimeOffset(changed, TimeSpan.Zero) : null, k.Count,
            ["places", k.Code, k.NameEn.ToLowerInvariant()])).ToList();

    public async IAsyncEnumerable<DatasetRow> ReadAsync(string code, [EnumeratorCancellation] CancellationToken ct)
    {
        var kind = code[Prefix.Length..];
        var places = db.Set<Place>().AsNoTracking().Where(p => p.KindCode == kind).OrderBy(p => p.Id);
        await foreach (var p in places.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new DatasetRow(
            [
                p.Id, p.KindCode, p.NameKo, p.NameEn, p.DescriptionKo, p.DescriptionEn, p.RoadAddress, p.LotAddress, p.DistrictCode,
                p.Latitude, p.Longitude, p.Phone, p.Website, p.OpeningHoursText, p.AlwaysOpen,
                p.OpensAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), p.ClosesAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                p.Accessibility.WheelchairAccess, p.Accessibility.AccessibleToilet, p.Accessibility.BabyChanging, p.Accessibility.EmergencyBell, p.Accessibility.Cctv,
                p.Source, p.SourceId, p.Attribution, new DateTimeOffset(p.UpdatedAt, TimeSpan.Zero),
            ], p.Latitude, p.Longitude);
        }
    }
}
