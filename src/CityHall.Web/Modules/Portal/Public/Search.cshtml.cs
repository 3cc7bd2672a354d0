using CityHall.Web.Platform.Search;
using Microsoft.AspNetCore.OutputCaching;

namespace CityHall.Web.Modules.Portal.Public;

/// <summary>
/// Search across the city: a plain GET form (works without JavaScript, results can be bookmarked), results grouped
/// by kind with the first few of each and how many there are, or one kind twenty a page; the words searched for
/// are marked. A query too long or with nothing searchable in it is told so, never an error page.
/// </summary>
[OutputCache(PolicyName = Platform.Web.OutputCaching.PublicShort)]
public sealed class SearchModel(SearchIndex index, AppDbContext db, IStringLocalizer<Text> t, Microsoft.Extensions.Options.IOptionsMonitor<Platform.City.CityOptions> city) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? Kind { get; set; }
    // Not "page": Razor Pages keeps that name for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public SearchIndex.Result? Result { get; private set; }
    public SearchKind? Selected { get; private set; }
    public int Pages => Selected is null || Result is null ? 0 : Math.Max(1, (int)Math.Ceiling(Result.Counts.FirstOrDefault(c => c.Kind == Selected.Kind)?.Count / (double)SearchIndex.PageSize ?? 1));

    public IReadOnlyList<SearchKind> Kinds => index.Kinds;

    public string Contact => city.CurrentValue.Contact.Current;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear(); // a page number that is not a number is page 1, not an error
        var (query, problem) = CitySearch.Check(Q);
        Q = query;
        if (problem == CitySearch.Problem.Empty) return;
        if (problem == CitySearch.Problem.TooLong) { ModelState.AddModelError("q", t["Search.TooLong", SearchTerms.MaxQueryLength]); return; }
        // An unknown kind on the page (an old link) searches every kind; the API says it is unknown.
        Selected = Kind is null ? null : index.KindOf(Kind);
        PageNumber = CitySearch.Page(PageNumber);
        Result = await CitySearch.RunAsync(index, db, HttpContext, Q, Selected, PageNumber, ct);
        if (Result.Words.Count == 0) ModelState.AddModelError("q", t["Search.NoWords"]);
    }

    public string Link(string? kind, int page = 1)
    {
        var query = new QueryString().Add("q", Q ?? "");
        if (kind is not null) query = query.Add("kind", kind);
        if (page > 1) query = query.Add("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/search" + query.ToUriComponent();
    }
}
