using System.Runtime.CompilerServices;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.News;

/// <summary>Every published post as open data (CSV and JSON from the catalogue): what the site shows, from the time it shows it.</summary>
public sealed class NewsOpenData(AppDbContext db, TimeProvider clock, IStringLocalizer<Text> t) : IOpenDataSource
{
    public const string Code = "city-news";

    private static readonly DatasetColumn[] Columns =
    [
        new("id", DatasetType.Number, "The post's id (its page is /news/{id})."),
        new("kind", DatasetType.Text, "news, pressrelease or event."),
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
        var latest = await db.Set<NewsPost>().PublishedBy(now).MaxAsync(p => (DateTime?)p.UpdatedAt, ct);
        return
        [
            new DatasetDescription(Code, t["Dataset.CityNews.Title"].Value, t["Dataset.CityNews.Description"].Value, Columns, Spatial: false, [],
                latest is { } changed ? new DateTimeOffset(changed, TimeSpan.Zero) : null, null, ["news", "press release", "events"]),
        ];
    }

    public async IAsyncEnumerable<DatasetRow> ReadAsync(string code, [EnumeratorCancellation] CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await foreach (var p in db.Set<NewsPost>().AsNoTracking().PublishedBy(now).OrderBy(p => p.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return new DatasetRow([p.Id, NewsPosts.Slug(p.Kind), p.DepartmentCode, p.Districts?.Replace(',', ' '), p.TitleKo, p.TitleEn, p.BodyKo, p.BodyEn,
                new DateTimeOffset(p.PublishAt!.Value, TimeSpan.Zero), new DateTimeOffset(p.UpdatedAt, TimeSpan.Zero)]);
    }
}
