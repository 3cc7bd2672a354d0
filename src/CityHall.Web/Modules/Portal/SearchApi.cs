using System.Globalization;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Portal;

/// <summary>The city's search as JSON (/api/v1/search): what the search page shows, with the marked words as HTML.</summary>
public static class SearchApi
{
    /// <param name="More">More matched than <paramref name="Count"/>: counting stops at the city's limit (1,000 by default), and so do the pages.</param>
    public sealed record Kind(string Code, string Title, int Count, bool More);

    public sealed record Hit(string Kind, string Id, string TitleKo, string? TitleEn, string Url, string TitleHtml, string SnippetHtml);

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v1/search", async Task<IResult> (string? q, string? kind, int? page, SearchIndex index, AppDbContext db, IStringLocalizer<Text> t, HttpContext http, CancellationToken ct) =>
            {
                var (query, problem) = CitySearch.Check(q);
                if (problem == CitySearch.Problem.Empty) return TypedResults.Problem(t["Search.Empty"], statusCode: StatusCodes.Status400BadRequest);
                if (problem == CitySearch.Problem.TooLong) return TypedResults.Problem(t["Search.TooLong", SearchTerms.MaxQueryLength], statusCode: StatusCodes.Status400BadRequest);
                SearchKind? selected = null;
                if (kind is not null && (selected = index.KindOf(kind)) is null)
                    return TypedResults.Problem(t["Search.UnknownKind", string.Join(", ", index.Kinds.Select(s => s.Kind))], statusCode: StatusCodes.Status400BadRequest);
                var number = CitySearch.Page(page);
                var result = await CitySearch.RunAsync(index, db, http, query, selected, number, ct);
                var culture = CultureInfo.CurrentUICulture;
                return TypedResults.Ok(new
                {
                    query,
                    total = result.Total,
                    more = result.More,
                    kinds = result.Counts.Select(c => new Kind(c.Kind, t[index.KindOf(c.Kind)!.TitleKey], c.Count, c.More)),
                    results = result.Entries.Select(e => new Hit(e.Kind, e.SourceId, e.TitleKo, e.TitleEn, e.Url,
                        SearchHighlight.ToHtml(SearchHighlight.Mark(Platform.City.LocalizedText.Pick(culture, e.TitleKo, e.TitleEn ?? ""), result.Words)),
                        SearchHighlight.ToHtml(SearchHighlight.Snippet(Platform.City.LocalizedText.Pick(culture, e.TextKo ?? "", e.TextEn ?? ""), result.Words)))),
                    page = selected is null ? (int?)null : number,
                    pageSize = selected is null ? CitySearch.PerKind : SearchIndex.PageSize,
                });
            })
            .RequireRateLimiting(RateLimits.ApiRead)
            .WithTags("Search")
            .WithSummary("Search proposals, public reports, places, live events, programmes, broadcasts, pages and open data")
            .WithDescription("Every word must match: Korean by any fragment of two characters or more, other words by their beginning. Without `kind`, the first five of each kind; with it, twenty a page. Matches are counted up to a limit (1,000 by default): past it a count comes with `more` and only its first pages are given. Only public content is ever indexed.");
    }
}
