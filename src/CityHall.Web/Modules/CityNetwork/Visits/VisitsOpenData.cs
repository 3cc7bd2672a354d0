using System.Runtime.CompilerServices;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.CityNetwork.Visits;

/// <summary>
/// Held study visits as open data, one row each: the day, the country, how many came, the topics — enough to count
/// visitors and countries by year and check the published figures; no organisation, contact or feedback.
/// </summary>
public sealed class VisitsOpenData(AppDbContext db, IStringLocalizer<Text> t) : IOpenDataSource
{
    public const string Code = "network-study-visits";

    private static readonly DatasetColumn[] Columns =
    [
        new("held_on", DatasetType.Text, "The visit's first day (yyyy-MM-dd)."),
        new("year", DatasetType.Number, "The year it was held."),
        new("country", DatasetType.Text, "ISO 3166-1 alpha-2 code of the delegation's country."),
        new("member_id", DatasetType.Number, "The network member the delegation came from, when it is one."),
        new("visitors", DatasetType.Number, "People who came."),
        new("topics", DatasetType.Text, "Topic codes they studied, separated by spaces."),
        new("note", DatasetType.Text, "A note on the record (for example, that the demo city's figures are illustrative)."),
    ];

    private IQueryable<StudyVisit> Held => db.Set<StudyVisit>().AsNoTracking().Where(v => v.Status == VisitStatus.Held);

    public async Task<IReadOnlyList<DatasetDescription>> DescribeAsync(CancellationToken ct)
    {
        var count = await Held.LongCountAsync(ct);
        if (count == 0) return [];
        var updated = await Held.MaxAsync(v => v.UpdatedAt, ct);
        return [new DatasetDescription(Code, t["Dataset.NetworkVisits.Title"], t["Dataset.NetworkVisits.Description"], Columns, Spatial: false, [],
            new DateTimeOffset(updated, TimeSpan.Zero), count, ["wego", "study visits", "city network"])];
    }

    public async IAsyncEnumerable<DatasetRow> ReadAsync(string code, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var v in Held.OrderBy(v => v.HeldOn).ThenBy(v => v.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new DatasetRow(
            [
                v.HeldOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), v.HeldOn.Value.Year, v.CountryCode, v.MemberId,
                v.Visitors, string.Join(' ', v.Topics), v.Note,
            ], null, null);
        }
    }
}
