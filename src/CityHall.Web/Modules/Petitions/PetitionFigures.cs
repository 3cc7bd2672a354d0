using CityHall.Web.Platform.Figures;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// Whether the city keeps its word on proposals that reached the threshold: of the answers that fell due in a month,
/// how many were given by the due time; and how many are overdue now, by the department that owes them.
/// </summary>
public static class PetitionFigures
{
    private const string Topic = "Petitions.Figures.Topic";

    public static IReadOnlyList<FigureDefinition> Definitions { get; } =
    [
        new("proposals-answered-on-time", Topic, "Petitions.Figures.OnTime.Title", "Petitions.Figures.OnTime.Definition", FigureUnit.Percent, OnTimeAsync, 100)
            { GroupsKey = "Petitions.Figures.ByDepartment" },
        new("proposals-overdue", Topic, "Petitions.Figures.Overdue.Title", "Petitions.Figures.Overdue.Definition", FigureUnit.Count, OverdueAsync, 101)
            { GroupsKey = "Petitions.Figures.ByDepartment", Snapshot = true },
    ];

    // Due times are compared in memory: SQLite cannot compare DateTimeOffset values in SQL. Only proposals that
    // reached their threshold have one, a small share of all.
    private static IQueryable<Owed> OwedAnswers(AppDbContext db, bool unansweredOnly = false) =>
        db.Set<Petition>().AsNoTracking().Where(p => p.AnswerDueAt != null && (!unansweredOnly || p.AnsweredAt == null))
            .Select(p => new Owed(p.AnswerDueAt!.Value, p.AnsweredAt, p.DepartmentCode));

    private sealed record Owed(DateTimeOffset DueAt, DateTimeOffset? AnsweredAt, string? DepartmentCode);

    private static async Task<FigureResult> OnTimeAsync(IServiceProvider sp, FigurePeriod period, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var query = OwedAnswers(db);
        var rows = await query.ToListAsync(ct);
        // Answered by the due time: on time; answered after it, or not answered and the time has passed: not. An answer
        // not yet due and not yet given is not counted either way.
        return FigureTally.Of(period, rows, r => r.DueAt.UtcDateTime,
            r => r.AnsweredAt is { } at ? (at <= r.DueAt ? 1 : 0) : r.DueAt < now ? 0 : null,
            FigureMeasure.Share, query.ToQueryString(), r => r.DepartmentCode, await FigureGroups.DepartmentsAsync(db, ct));
    }

    private static async Task<FigureResult> OverdueAsync(IServiceProvider sp, FigurePeriod period, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var query = OwedAnswers(db, unansweredOnly: true);
        var rows = (await query.ToListAsync(ct)).Where(r => r.DueAt < now);
        return FigureTally.Snapshot(rows, _ => 1, FigureMeasure.Count, query.ToQueryString(), r => r.DepartmentCode, await FigureGroups.DepartmentsAsync(db, ct));
    }
}
