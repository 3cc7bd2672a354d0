using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Petitions.Public;

/// <summary>
/// The home page's proposal blocks: the proposals closest to the threshold that obliges the city to answer (a few
/// supports can still make the difference), and the answers the city owes past their due date.
/// </summary>
public static class ProposalsNow
{
    public const int Shown = 3;

    public sealed record NearThreshold(IReadOnlyList<NearThreshold.Item> Items, int Threshold)
    {
        public sealed record Item(long Id, string Title, int Supports, DateTimeOffset Deadline);

        public const string View = "/Modules/Petitions/Public/_NearThreshold.cshtml";
    }

    public sealed record Overdue(IReadOnlyList<Overdue.Item> Items, int Count)
    {
        public sealed record Item(long Id, string Title, bool Mayor, int DaysOverdue);

        public const string View = "/Modules/Petitions/Public/_AnswersOverdue.cshtml";
    }

    public static async Task<object?> NearThresholdAsync(IServiceProvider services, CancellationToken ct)
    {
        var threshold = services.GetRequiredService<IOptionsMonitor<PetitionOptions>>().CurrentValue.SupportThreshold;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // Times are compared here, not in SQL (SQLite cannot compare DateTimeOffset). A collecting proposal past its
        // deadline is one the stage job has not closed yet: a few at most, so a margin over the number shown covers them.
        var candidates = await services.GetRequiredService<AppDbContext>().Set<Petition>().AsNoTracking()
            .Where(p => p.Status == PetitionStatus.Collecting && p.ThresholdReachedAt == null && p.SupportDeadline != null)
            .OrderByDescending(p => p.SignatureCount).ThenBy(p => p.Id)
            .Select(p => new NearThreshold.Item(p.Id, p.Title, p.SignatureCount, p.SupportDeadline!.Value))
            .Take(Shown + 50).ToListAsync(ct);
        var items = candidates.Where(p => p.Deadline > now)
            .OrderByDescending(p => p.Supports).ThenBy(p => p.Deadline).ThenBy(p => p.Id).Take(Shown).ToList();
        return items.Count == 0 ? null : new NearThreshold(items, threshold);
    }

    public static async Task<object?> OverdueAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var owed = await services.GetRequiredService<AppDbContext>().Set<Petition>().AsNoTracking()
            .Where(p => (p.AnswerDueAt != null && p.AnsweredAt == null) || (p.MayorAnswerDueAt != null && p.MayorAnsweredAt == null))
            .Select(p => new { p.Id, p.Title, p.AnswerDueAt, p.AnsweredAt, p.MayorAnswerDueAt, p.MayorAnsweredAt })
            .ToListAsync(ct);
        int Days(DateTimeOffset due) => (int)Math.Floor((now - due).TotalDays);
        var items = owed.Where(p => p.AnswerDueAt < now && p.AnsweredAt is null).Select(p => new Overdue.Item(p.Id, p.Title, false, Days(p.AnswerDueAt!.Value)))
            .Concat(owed.Where(p => p.MayorAnswerDueAt < now && p.MayorAnsweredAt is null).Select(p => new Overdue.Item(p.Id, p.Title, true, Days(p.MayorAnswerDueAt!.Value))))
            .OrderByDescending(i => i.DaysOverdue).ThenBy(i => i.Id).ToList();
        return items.Count == 0 ? null : new Overdue(items.Take(Shown).ToList(), items.Count);
    }
}
