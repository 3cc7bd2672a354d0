using CityHall.Web.Platform.Identity;

namespace CityHall.Web.Modules.Decisions.Budgets;

/// <summary>
/// What participatory budgets hold about a person: the ideas they proposed. Supports and ballots are commitments
/// (no account, no identity), so there is nothing of theirs to give or erase there. On erasure an idea never
/// published (waiting or declined) is deleted; a published one stays, as the city's record, without its author.
/// </summary>
public sealed class BudgetPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public string Section => "participatory-budgets";

    public async Task<object?> ExportAsync(string userId, CancellationToken ct) => new
    {
        ideas = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.AuthorId == userId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, budget = p.BudgetId, heading = p.HeadingId, p.TitleKo, p.DescriptionKo, p.Cost, p.Latitude, p.Longitude,
                moderation = p.Moderation.ToString(), p.ModerationNote, p.CreatedAt }).ToListAsync(ct),
    };

    public async Task EraseAsync(string userId, CancellationToken ct)
    {
        await db.Set<BudgetProject>().Where(p => p.AuthorId == userId && p.Moderation != Moderation.Published).ExecuteDeleteAsync(ct);
        await db.Set<BudgetProject>().Where(p => p.AuthorId == userId).ExecuteUpdateAsync(u => u.SetProperty(p => p.AuthorId, (string?)null), ct);
    }
}
