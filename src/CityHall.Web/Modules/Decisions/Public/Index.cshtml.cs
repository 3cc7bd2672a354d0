using System.Globalization;

namespace CityHall.Web.Modules.Decisions.Public;

/// <summary>
/// The city's polls: open now and coming up (all of them, on the first page), then closed ones with their results,
/// latest first, 20 a page — a city running polls for years has thousands (Seoul's mVoting had 5,460 by 2018).
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;
    /// <summary>A guard, not a page: more polls than this open or coming up at once would be a mistake to show in one list.</summary>
    const int MostCurrent = 200;

    // From the query only: "page" is also the route value naming the Razor page.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>Open and upcoming polls (empty past the first page).</summary>
    public IReadOnlyList<Poll> Current { get; private set; } = [];
    /// <summary>This page's closed polls.</summary>
    public IReadOnlyList<Poll> Closed { get; private set; } = [];
    public int ClosedTotal { get; private set; }
    public int Pages => Math.Max(1, (ClosedTotal + PageSize - 1) / PageSize);
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        ClosedTotal = await db.Set<Poll>().ClosedBy(Now).CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        if (PageNumber == 1)
            Current = await db.Set<Poll>().AsNoTracking().NotClosedAt(Now).InListOrder(Now).Take(MostCurrent).ToListAsync(ct);
        Closed = await Polls.PublishedAsync(db, Now, PageNumber, PageSize, ct, PollPhase.Closed);
    }

    public string PageLink(int page) => page == 1 ? "/votes" : "/votes?page=" + page.ToString(CultureInfo.InvariantCulture);
}
