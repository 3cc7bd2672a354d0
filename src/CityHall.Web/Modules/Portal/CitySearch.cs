using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Portal;

/// <summary>
/// What the search page and /api/v1/search do alike: the query trimmed and checked against the limits, the page
/// number kept within bounds, the search run and its time reported (Server-Timing: search). Each then answers a
/// problem its own way: the page in words on the form, the API with a 400.
/// </summary>
public static class CitySearch
{
    /// <summary>Results of each kind shown when no kind is chosen.</summary>
    public const int PerKind = 5;
    /// <summary>The last page anyone is given (20 a page): far past what anyone reads, short of what costs.</summary>
    public const int MaxPage = 500;

    public enum Problem { None, Empty, TooLong }

    /// <summary>The query trimmed, and what is wrong with it (its text key: "Search.Empty", "Search.TooLong").</summary>
    public static (string Query, Problem Problem) Check(string? q)
    {
        var query = q?.Trim() ?? "";
        return (query, query.Length == 0 ? Problem.Empty : query.Length > SearchTerms.MaxQueryLength ? Problem.TooLong : Problem.None);
    }

    /// <summary>The page asked for, within 1 to <see cref="MaxPage"/> (none, 0 or negative: the first).</summary>
    public static int Page(int? asked) => Math.Clamp(asked ?? 1, 1, MaxPage);

    /// <summary>A count as shown: "1,000+" when more matched than were counted (<see cref="SearchOptions.CountLimit"/>).</summary>
    public static string Shown(int count, bool more, IFormatProvider culture) => count.ToString("N0", culture) + (more ? "+" : "");

    /// <param name="page">Within bounds (<see cref="Page"/>).</param>
    public static async Task<SearchIndex.Result> RunAsync(SearchIndex index, AppDbContext db, HttpContext http, string query, SearchKind? kind, int page, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await index.SearchAsync(db, query, kind?.Kind, page, PerKind, ct);
        ServerTiming.Append(http, "search", started);
        return result;
    }
}
