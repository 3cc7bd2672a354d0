using System.Runtime.CompilerServices;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.Broadcasts;

/// <summary>The schedules of every channel for the coming two weeks, schedule changes applied, as open data.</summary>
public sealed class BroadcastsOpenData(BroadcastGuide guide, AppDbContext db, CityClock clock) : IOpenDataSource
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
                new LocalizedText { Ko = "방송 편성표", En = "Broadcast schedules" },
                new LocalizedText
                {
                    Ko = $"시 방송 채널의 앞으로 {Days}일 편성: 채널, 프로그램, 시작·종료 시각(UTC), 특집 여부. 편성 변경이 반영되어 있습니다.",
                    En = $"What the city's channels broadcast over the next {Days} days: channel, programme, start and end (UTC), specials. Schedule changes are applied.",
                },
                Columns, Spatial: false, [], latest is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null, null, ["broadcasts", "schedule", "tbs"]),
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
