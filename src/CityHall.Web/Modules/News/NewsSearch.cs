using System.Globalization;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.News;

/// <summary>
/// Published posts in the city's search, by title and text. An embargoed post is not given until its time, so it enters
/// the index at the first reconciliation after it (a minute at most), never before.
/// </summary>
public static class NewsSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var rows = await services.GetRequiredService<AppDbContext>().Set<NewsPost>().AsNoTracking().PublishedBy(now).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.TitleKo, p.TitleEn, p.BodyKo, p.BodyEn, p.UpdatedAt }).ToListAsync(ct);
        foreach (var p in rows)
            yield return new SearchItem(p.Id.ToString(CultureInfo.InvariantCulture), p.TitleKo, p.TitleEn, p.BodyKo, p.BodyEn, $"/news/{p.Id}", p.UpdatedAt);
    }
}
