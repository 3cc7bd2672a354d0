namespace CityHall.Web.Modules.Decisions.Budgets.Public;

/// <summary>
/// The home page's block of participatory budgets a citizen can take part in now — proposing ideas, supporting them,
/// or voting — each with what to do and until when, the one whose step ends soonest first.
/// </summary>
public static class BudgetsNow
{
    public const string View = "/Modules/Decisions/Budgets/Public/_BudgetsNow.cshtml";

    /// <summary>Shared by every visitor for a few seconds: both languages, nothing of the reader's.</summary>
    public sealed record Now(IReadOnlyList<Now.Item> Items)
    {
        public sealed record Item(long Id, string TitleKo, string? TitleEn, BudgetPhase Phase, DateTime Until);
    }

    public static async Task<object?> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // A handful of budgets a year: those between their ideas and their results are read, and the phase picked here.
        var running = await services.GetRequiredService<AppDbContext>().Set<Budget>().AsNoTracking()
            .Where(b => b.PublishedAt != null && b.IdeasFrom <= now && b.ResultsFrom > now).ToListAsync(ct);
        var items = running.Select(b => (Budget: b, Phase: b.PhaseAt(now))).Where(x => x.Phase is BudgetPhase.Ideas or BudgetPhase.Supports or BudgetPhase.Ballot)
            .Select(x => new Now.Item(x.Budget.Id, x.Budget.TitleKo, x.Budget.TitleEn, x.Phase, x.Phase switch
            {
                BudgetPhase.Ideas => x.Budget.SupportsFrom,
                BudgetPhase.Supports => x.Budget.ReviewFrom,
                _ => x.Budget.ResultsFrom,
            }))
            .OrderBy(i => i.Until).ThenBy(i => i.Id).ToList();
        return items.Count == 0 ? null : new Now(items);
    }
}
