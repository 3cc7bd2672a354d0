using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Notifications;

namespace CityHall.Web.Modules.Decisions.Budgets;

/// <summary>
/// Publishing or declining a citizen's budget idea, from the moderators' queue (<c>/admin/votes/proposals</c>,
/// <c>decisions.moderate</c>) or the budget's own page (<c>decisions.manage</c>): only an idea still waiting moves
/// (two moderators on one idea, the first decides), the step is audited, and the author is told.
/// </summary>
public sealed class IdeaModeration(AppDbContext db, AuditLog audit, Notifier notifier, TimeProvider clock, IStringLocalizer<Text> t)
{
    /// <summary>Whether the idea moved (false: it had been decided already, or is not an idea waiting).</summary>
    public async Task<bool> DecideAsync(ClaimsPrincipal moderator, long ideaId, Moderation to, string? note, CancellationToken ct)
    {
        var idea = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.Id == ideaId && p.Moderation == Moderation.Pending)
            .Select(p => new { p.Id, p.BudgetId, p.TitleKo, p.AuthorId }).FirstOrDefaultAsync(ct);
        if (idea is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<BudgetProject>().Where(p => p.Id == idea.Id && p.Moderation == Moderation.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Moderation, to).SetProperty(p => p.ModerationNote, note).SetProperty(p => p.UpdatedAt, now), ct);
        if (changed != 1) return false;
        await audit.RecordAsync(moderator, to == Moderation.Published ? "decisions.idea.publish" : "decisions.idea.decline", "budget-project",
            idea.Id.ToString(CultureInfo.InvariantCulture), new { idea.BudgetId, Note = note }, ct);
        if (idea.AuthorId is { } author)
        {
            var key = to == Moderation.Published ? "Decisions.Budget.Idea.Notify.Published" : "Decisions.Budget.Idea.Notify.Declined";
            await notifier.ToUserAsync(author, () => (t[key + ".Title"].Value, t[key + ".Body", idea.TitleKo, note ?? ""].Value), $"/budgets/projects/{idea.Id}", ct);
            await db.SaveChangesAsync(ct); // the notifier only adds the messages
        }
        return true;
    }
}
