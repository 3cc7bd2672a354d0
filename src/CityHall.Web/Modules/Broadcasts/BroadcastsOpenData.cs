using System.Runtime.CompilerServices;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.Broadcasts;

/// <summary>The schedules of every channel for the coming two weeks, schedule changes applied, as open data.</summary>
public sealed class BroadcastsOpenData(BroadcastGuide guide, AppDbContext db, CityClock clock, IStringLocalizer<Text> t) : IOpenDataSource
{
    public const string Code = "broadcast-schedules";
    public const int Days = 14;

    private static readonly DatasetColumn[] Columns =
    [
        new("channel", DatasetType.Text, "Channel code (tbs-fm, tbs-tv, …)."),
        new("programme_id", DatasetType.Number, "The programme's id (its page is /broadcasts/programmes/{id}); empty for a one-off special."),
        new("title_ko", DatasetType.Text, "Title in Korean."),
        new("title_en", DatasetType.Text, "Title in English, when there is one."),
        new("starts_at", DatasetType.Time, "Start, UTC."),
        new("ends_at", DatasetType.Time, "End, UTC."),
        new("special", DatasetType.Boolean, "A one-off showing outside the weekly schedule."),
    ];

    public async Task<IReadOnlyList<DatasetDescription>> DescribeAsync(CancellationToken ct)
    {
        var latest = await db.Set<Programme>().MaxAsync(p => (DateTime?)p.UpdatedAt, ct);
        return
        [
            new DatasetDescription(Code,
                t["Dataset.BroadcastSchedules.Title"].Value, t["Dataset.BroadcastSchedules.Description", Days].Value,
                Columns, Spatial: false, [], latest is { } changed ? new DateTimeOffset(changed, TimeSpan.Zero) : null, null, ["broadcasts", "schedule", "tbs"]),
        ];
    }

    public async IAsyncEnumerable<DatasetRow> ReadAsync(string code, [EnumeratorCancellation] CancellationToken ct)
    {
        var today = clock.Now.DateTime.Date;
        foreach (var a in await guide.AiringsAsync(null, today, today.AddDays(Days), ct))
        {
            yield return new DatasetRow([a.ChannelCode, a.ProgrammeId, a.TitleKo, a.TitleEn, Utc(a.StartsAt), Utc(a.EndsAt), a.Special]);
        }
    }

    private DateTimeOffset Utc(DateTime local) => clock.FromLocal(local);
}
