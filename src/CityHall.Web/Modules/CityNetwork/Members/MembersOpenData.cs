using System.Runtime.CompilerServices;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.CityNetwork.Members;

/// <summary>The network's members as open data (CSV, JSON and, with their points, GeoJSON): what the public directory shows, no contacts.</summary>
public sealed class MembersOpenData(AppDbContext db, IStringLocalizer<Text> t) : IOpenDataSource
{
    public const string Code = "network-members";

    private static readonly DatasetColumn[] Columns =
    [
        new("id", DatasetType.Number, "The member's id (its page is /network/members/{id})."),
        new("name", DatasetType.Text, "Name in English."),
        new("local_name", DatasetType.Text, "Name in the member's own language and script."),
        new("local_name_language", DatasetType.Text, "BCP 47 tag of local_name's language."),
        new("kind", DatasetType.Text, "City, Corporation or Institution."),
        new("membership", DatasetType.Text, "Full, Associate, Friendship or Corporate."),
        new("status", DatasetType.Text, "Active or Withdrawn."),
        new("country", DatasetType.Text, "ISO 3166-1 alpha-2 country code."),
        new("region", DatasetType.Text, "The network's region code."),
        new("regional_office", DatasetType.Boolean, "Hosts the network's office for its region."),
        new("population", DatasetType.Number, "Population, when given."),
        new("latitude", DatasetType.Number, "WGS84 latitude."),
        new("longitude", DatasetType.Number, "WGS84 longitude."),
        new("website", DatasetType.Text, "Website."),
        new("joined_on", DatasetType.Text, "The day it joined (yyyy-MM-dd)."),
        new("full_since", DatasetType.Text, "The day the Executive Committee made it a full member (yyyy-MM-dd)."),
        new("left_on", DatasetType.Text, "The day it withdrew (yyyy-MM-dd)."),
        new("updated_at", DatasetType.Time, "When the entry last changed."),
    ];

    public async Task<IReadOnlyList<DatasetDescription>> DescribeAsync(CancellationToken ct)
    {
        var count = await db.Set<NetworkMember>().LongCountAsync(ct);
        if (count == 0) return [];
        var updated = await db.Set<NetworkMember>().MaxAsync(m => m.UpdatedAt, ct);
        return [new DatasetDescription(Code, t["Dataset.NetworkMembers.Title"], t["Dataset.NetworkMembers.Description"], Columns, Spatial: true, [],
            new DateTimeOffset(updated, TimeSpan.Zero), count, ["wego", "city network", "members"])];
    }

    public async IAsyncEnumerable<DatasetRow> ReadAsync(string code, [EnumeratorCancellation] CancellationToken ct)
    {
        static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await foreach (var m in db.Set<NetworkMember>().AsNoTracking().OrderBy(m => m.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new DatasetRow(
            [
                m.Id, m.Name, m.LocalName, m.LocalNameLanguage, m.Kind.ToString(), m.Type.ToString(), m.Status.ToString(), m.CountryCode, m.RegionCode,
                m.HostsRegionalOffice, m.Population, m.Latitude, m.Longitude, m.Website, Day(m.JoinedOn), Day(m.FullSince), Day(m.LeftOn),
                new DateTimeOffset(m.UpdatedAt, TimeSpan.Zero),
            ], m.Latitude, m.Longitude);
        }
    }
}
