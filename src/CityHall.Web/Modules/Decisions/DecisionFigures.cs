using CityHall.Web.Platform.Figures;

namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// How many citizens take part in the city's votes and participatory budgets: the voters of the polls that closed in
/// a month (one per person, online and paper ballots together, as the published tally counts them).
/// </summary>
public static class DecisionFigures
{
    public static IReadOnlyList<FigureDefinition> Definitions { get; } =
    [
        new("decision-voters", "Decisions.Figures.Topic", "Decisions.Figures.Voters.Title", "Decisions.Figures.Voters.Definition", FigureUnit.Count, VotersAsync, 700),
    ];

    private static async Task<FigureResult> VotersAsync(IServiceProvider sp, FigurePeriod period, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        DateTime from = period.FromUtc, to = period.ToUtc < now ? period.ToUtc : now;
        var query = db.Set<Poll>().AsNoTracking().Where(p => p.PublishedAt != null)
            .Select(p => new { ClosedAt = p.ClosedEarlyAt ?? p.ClosesAt, p.VoterCount })
            .Where(p => p.ClosedAt >= from && p.ClosedAt < to);
        var rows = await query.ToListAsync(ct);
        return FigureTally.Of(period, rows, p => p.ClosedAt, p => p.VoterCount, FigureMeasure.Sum, query.ToQueryString());
    }
}
