namespace CityHall.Web.Modules.Decisions.Budgets.Public;

/// <summary>The city's participatory budgets, the latest first, each with the phase it is in.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Budget> Budgets { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Budgets = await Decisions.Budgets.Budgets.PublishedAsync(db, ct);
    }
}
