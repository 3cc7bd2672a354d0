using System.Runtime.CompilerServices;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.News;

/// <summary>
/// Every published post as open data (CSV and JSON from the catalogue): what the site shows, from the time it shows it;
/// and the official notices on their own, with their numbers, legal bases, periods and where each stands.
/// </summary>
public sealed class NewsOpenData(AppDbContext db, TimeProvider clock, OfficialNotices notices, IStringLocalizer<Text> t) : IOpenDataSource
{
    public const string Code = "city-news", NoticesCode = "city-notices";

    private static readonly DatasetColumn[] NoticeColumns =
    [
        new("id", DatasetType.Number, "The notice's id (its page is /news/{id})."),
        new("number", DatasetType.Text, "Its number as cited: year of publication and the department's count in that year (2026-17)."),
        new("department", DatasetType.Text, "Code of the department that issued it; numbers count per department and year."),
        new("legal_basis", DatasetType.Text, "The law or ordinance it is made under."),
        new("period_from", DatasetType.Text, "First day of the notice period (yyyy-MM-dd, the city's calendar)."),
        new("period_to", DatasetType.Text, "Last day of the notice period (yyyy-MM-dd)."),
        new("status", DatasetType.Text, "upcoming, inforce, ended or corrected, as of the day of the download."),
        new("corrects_id", DatasetType.Number, "The notice this one corrects, if it is a correction."),
        new("corrected_by_id", DatasetType.Number, "The correction that replaced this notice, if there is one."),
        new("districts", DatasetType.Text, "District codes it concerns, separated by spaces; empty for the whole city."),
        new("title_ko", DatasetType.Text, "Title in Korean."),
        new("title_en", DatasetType.Text, "Title in English, when there is one."),
        new("body_ko", DatasetType.Text, "Text in Korean (Markdown)."),
        new("published_at", DatasetType.Time, "When it was published, UTC."),
    ];

    private static readonly DatasetColumn[] Columns =
    [
        new("id", DatasetType.Number, "The post's id (its page is /news/{id})."),
        new("kind", DatasetType.Text, "news, pressrelease, event or notice (notices also have a dataset of their own, city-notices)."),
        new("department", DatasetType.Text, "Code of the department that published it."),
        new("districts", DatasetType.Text, "District codes it concerns, separated by spaces; empty for the whole city."),
        new("title_ko", DatasetType.Text, "Title in Korean."),
        new("title_en", DatasetType.Text, "Title in English, when there is one."),
        new("body_ko", DatasetType.Text, "Text in Korean (Markdown)."),
        new("body_en", DatasetType.Text, "Text in English (Markdown), when there is one."),
        new("published_at", DatasetType.Time, "When it was published, UTC."),
        new("updated_at", DatasetType.Time, "When it last changed, UTC."),
    ];

    public async Task<IReadOnlyList<DatasetDescription>> DescribeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A post's last change is its edit or its publication, whichever came later (a notice is approved after its last edit).
        var latest = await db.Set<NewsPost>().PublishedBy(now).MaxAsync(p => (DateTime?)(p.UpdatedAt > p.PublishAt ? p.UpdatedAt : p.PublishAt), ct);
        var latestNotice = await db.Set<NewsPost>().PublishedBy(now).Where(p => p.Kind == NewsKind.Notice).MaxAsync(p => p.PublishAt, ct);
        static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
        return
        [
            new DatasetDescription(Code, t["Dataset.CityNews.Title"].Value, t["Dataset.CityNews.Description"].Value, Columns, Spatial: false, [],
                Utc(latest), null, ["news", "press release", "events", "notices"]),
            new DatasetDescription(NoticesCode, t["Dataset.CityNotices.Title"].Value, t["Dataset.CityNotices.Description"].Value, NoticeColumns, Spatial: false, [],
                Utc(latestNotice), null, ["official notices", "고시", "공고"]),
        ];
    }

    public async IAsyncEnumerable<DatasetRow> ReadAsync(string code, [EnumeratorCancellation] CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (code == NoticesCode)
        {
            await foreach (var row in ReadNoticesAsync(now, ct)) yield return row;
            yield break;
        }
        await foreach (var p in db.Set<NewsPost>().AsNoTracking().PublishedBy(now).OrderBy(p => p.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return new DatasetRow([p.Id, NewsPosts.Slug(p.Kind), p.DepartmentCode, p.Districts?.Replace(',', ' '), p.TitleKo, p.TitleEn, p.BodyKo, p.BodyEn,
                new DateTimeOffset(p.PublishAt!.Value, TimeSpan.Zero), new DateTimeOffset(p.UpdatedAt > p.PublishAt.Value ? p.UpdatedAt : p.PublishAt.Value, TimeSpan.Zero)]);
    }

    private async IAsyncEnumerable<DatasetRow> ReadNoticesAsync(DateTime now, [EnumeratorCancellation] CancellationToken ct)
    {
        // Which notices a published correction replaced (the latest one, if corrected twice over): few, read first.
        var correctedBy = await OfficialNotices.CorrectionsOfAsync(db, null, now, ct);
        var today = notices.Today;
        static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await foreach (var p in db.Set<NewsPost>().AsNoTracking().PublishedBy(now).Where(p => p.Kind == NewsKind.Notice).OrderBy(p => p.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            long? replacedBy = correctedBy.TryGetValue(p.Id, out var by) ? by.Id : null;
            yield return new DatasetRow([p.Id, OfficialNotices.Number(p), p.DepartmentCode, p.LegalBasis, Day(p.PeriodFrom), Day(p.PeriodTo),
                OfficialNotices.StatusOn(p, today, replacedBy is not null).ToString().ToLowerInvariant(), p.CorrectsId, replacedBy,
                p.Districts?.Replace(',', ' '), p.TitleKo, p.TitleEn, p.BodyKo, new DateTimeOffset(p.PublishAt!.Value, TimeSpan.Zero)]);
        }
    }
}
