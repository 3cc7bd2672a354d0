using System.Globalization;
using System.Security.Cryptography;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Decisions.Budgets;

/// <summary>Reading budgets as citizens see them (published ones only), and drawing up their headings' ballots.</summary>
public static class Budgets
{
    public static string Title(Budget b, CultureInfo culture) => LocalizedText.Pick(culture, b.TitleKo, b.TitleEn ?? "");
    public static string Name(BudgetHeading h, CultureInfo culture) => LocalizedText.Pick(culture, h.NameKo, h.NameEn ?? "");
    public static string Title(BudgetProject p, CultureInfo culture) => LocalizedText.Pick(culture, p.TitleKo, p.TitleEn ?? "");

    /// <summary>Published budgets, the latest first.</summary>
    public static async Task<IReadOnlyList<Budget>> PublishedAsync(AppDbContext db, CancellationToken ct) =>
        await db.Set<Budget>().AsNoTracking().Where(b => b.PublishedAt != null).OrderByDescending(b => b.IdeasFrom).ThenByDescending(b => b.Id).ToListAsync(ct);

    public static Task<Budget?> FindPublishedAsync(AppDbContext db, long id, CancellationToken ct) =>
        db.Set<Budget>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.PublishedAt != null, ct);

    public static async Task<IReadOnlyList<BudgetHeading>> HeadingsAsync(AppDbContext db, long budgetId, CancellationToken ct) =>
        (await db.Set<BudgetHeading>().AsNoTracking().Where(h => h.BudgetId == budgetId).ToListAsync(ct))
            .OrderBy(h => h.DistrictCode is null ? 0 : 1).ThenBy(h => h.NameKo, StringComparer.Ordinal).ToList();

    /// <summary>A knapsack ballot's least total: the heading's amount times the budget's minimum share, rounded up.</summary>
    public static long MinimumOf(long amount, int percent) => (long)Math.Ceiling(amount * (decimal)percent / 100m);

    /// <summary>A project that may go on a ballot: public, reviewed feasible and selected by staff.</summary>
    public static bool OnBallot(BudgetProject p) => p.Selected && p.Feasibility == Feasibility.Feasible && p.Moderation == Moderation.Published;

    /// <summary>
    /// Why the headings' ballots cannot be drawn up now (text keys with their arguments), or none: the budget must be
    /// published, its ballots not drawn up yet, its ballot not yet closed, and on a knapsack budget each heading's
    /// selected projects must be able to fill its minimum share with at least one project that fits in its amount.
    /// </summary>
    public static IReadOnlyList<(string Key, object[] Arguments)> BallotProblems(Budget budget, IReadOnlyList<BudgetHeading> headings,
        IReadOnlyList<BudgetProject> projects, DateTime now)
    {
        var problems = new List<(string, object[])>();
        if (budget.PublishedAt is null) problems.Add(("Decisions.Budget.Error.NotPublished", []));
        if (budget.BallotsPreparedAt is not null) problems.Add(("Decisions.Budget.Error.AlreadyPrepared", []));
        if (now >= budget.ResultsFrom) problems.Add(("Decisions.Budget.Error.BallotOver", []));
        var selected = projects.Where(OnBallot).ToLookup(p => p.HeadingId);
        if (!headings.Any(h => selected[h.Id].Any())) problems.Add(("Decisions.Budget.Error.NothingSelected", []));
        if (budget.Style == BallotStyle.Knapsack)
            foreach (var h in headings.Where(h => selected[h.Id].Any()))
            {
                var costs = selected[h.Id].Select(p => p.Cost).ToList();
                var fitting = costs.Where(c => c <= h.Amount).ToList();
                if (fitting.Count == 0) problems.Add(("Decisions.Budget.Error.NothingFits", [h.NameKo]));
                else if (costs.Sum() < MinimumOf(h.Amount, budget.MinSharePercent)) problems.Add(("Decisions.Budget.Error.CannotReachMinimum", [h.NameKo, budget.MinSharePercent]));
            }
        return problems;
    }

    /// <summary>
    /// Draws up each heading's ballot from its selected projects: a poll of its own, published, open through the
    /// budget's ballot phase, for the heading's district's verified residents (the whole city's for a city-wide
    /// heading), whose options are the projects with their costs. From then on the ballots are fixed. Headings with
    /// no selected project get none. The caller has checked <see cref="BallotProblems"/>.
    /// </summary>
    public static async Task<IReadOnlyList<Poll>> PrepareBallotsAsync(AppDbContext db, long budgetId, string by, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var budget = await db.Set<Budget>().SingleAsync(b => b.Id == budgetId, ct);
        var headings = await db.Set<BudgetHeading>().Where(h => h.BudgetId == budgetId).OrderBy(h => h.Id).ToListAsync(ct);
        var projects = (await db.Set<BudgetProject>().AsNoTracking().Where(p => p.BudgetId == budgetId).OrderBy(p => p.Id).ToListAsync(ct)).Where(OnBallot).ToLookup(p => p.HeadingId);
        var polls = new List<Poll>();
        foreach (var heading in headings.Where(h => projects[h.Id].Any()))
        {
            var onBallot = projects[heading.Id].ToList();
            var knapsack = budget.Style == BallotStyle.Knapsack;
            var poll = new Poll
            {
                TitleKo = Clip($"{budget.TitleKo} · {heading.NameKo}"),
                TitleEn = budget.TitleEn is null ? null : Clip($"{budget.TitleEn} · {heading.NameEn ?? heading.NameKo}"),
                Kind = knapsack ? PollKind.Knapsack : PollKind.MultipleChoice,
                MinChoices = 1,
                MaxChoices = knapsack ? onBallot.Count : Math.Min(budget.MaxProjects, onBallot.Count),
                Results = ResultsShown.AfterClose,
                OpensAt = budget.BallotFrom,
                ClosesAt = budget.ResultsFrom,
                PublishedAt = now,
                Districts = heading.DistrictCode,
                Salt = RandomNumberGenerator.GetBytes(32),
                BudgetHeadingId = heading.Id,
                Amount = heading.Amount,
                MinAmount = knapsack ? MinimumOf(heading.Amount, budget.MinSharePercent) : null,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = by,
            };
            db.Add(poll);
            await db.SaveChangesAsync(ct);
            db.AddRange(onBallot.Select((p, i) => new PollOption
            {
                PollId = poll.Id, Position = i + 1, LabelKo = p.TitleKo, LabelEn = p.TitleEn, ProjectId = p.Id, Cost = p.Cost,
            }));
            heading.PollId = poll.Id;
            polls.Add(poll);
        }
        budget.BallotsPreparedAt = now;
        budget.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return polls;

        // A poll's title holds 300 characters; a budget's title and a heading's name together may be longer.
        static string Clip(string title) => title.Length <= 300 ? title : title[..299] + "…";
    }
}
