namespace CityHall.Web.Modules.Decisions.Public;

/// <summary>The city's polls: open now, coming up, and closed with their results.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Poll> Polls { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Polls = await Decisions.Polls.PublishedAsync(db, Now, ct);
    }
}
