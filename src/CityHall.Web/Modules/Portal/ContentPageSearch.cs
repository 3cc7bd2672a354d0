using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Portal;

/// <summary>The city's content pages in the search (a sector's text, privacy, accessibility…), by title and plain text.</summary>
public static class ContentPageSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var pages = await services.GetRequiredService<AppDbContext>().Set<ContentPage>().AsNoTracking().OrderBy(p => p.Slug).ToListAsync(ct);
        foreach (var p in pages)
            yield return new SearchItem(p.Slug, p.TitleKo, p.TitleEn, Markdig.Markdown.ToPlainText(p.BodyKo), Markdig.Markdown.ToPlainText(p.BodyEn),
                $"/pages/{p.Slug}", p.UpdatedAt.UtcDateTime);
    }
}
