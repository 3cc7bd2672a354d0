using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Platform.Integrity;

namespace CityHall.Web.Modules.Decisions.Budgets;

public enum SupportOutcome { Supported, AlreadySupported, NotOpen, OutsideDistrict, NotFound }

/// <summary>
/// Supporting a citizen's idea while the budget is in its supports phase: once per verified person (by identity, not
/// account, kept only as a commitment under the budget's salt), and for a district's heading only by its residents.
/// The count moves in the same transaction as the support is recorded, so it is always the number of rows.
/// </summary>
public static class BudgetSupports
{
    public static async Task<SupportOutcome> SupportAsync(AppDbContext db, long projectId, VerifiedCitizen citizen, DateTime now, CancellationToken ct)
    {
        var project = await db.Set<BudgetProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId && p.Moderation == Moderation.Published, ct);
        if (project is null) return SupportOutcome.NotFound;
        var budget = await db.Set<Budget>().AsNoTracking().SingleAsync(b => b.Id == project.BudgetId, ct);
        if (budget.PhaseAt(now) != BudgetPhase.Supports) return SupportOutcome.NotOpen;
        var district = await db.Set<BudgetHeading>().Where(h => h.Id == project.HeadingId).Select(h => h.DistrictCode).SingleAsync(ct);
        if (district is not null && !string.Equals(district, citizen.DistrictCode, StringComparison.OrdinalIgnoreCase)) return SupportOutcome.OutsideDistrict;
        var commitment = Commitments.Of(budget.Salt, citizen.IdentityKey);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Inserted only if absent, in one statement: two clicks at once (two devices) cannot both count.
        var added = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO decision_budget_supports (\"ProjectId\", \"Commitment\", \"At\") VALUES ({projectId}, {commitment}, {now}) ON CONFLICT DO NOTHING", ct);
        if (added == 0) return SupportOutcome.AlreadySupported;
        await db.Set<BudgetProject>().Where(p => p.Id == projectId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Supports, p => p.Supports + 1), ct);
        await transaction.CommitAsync(ct);
        return SupportOutcome.Supported;
    }

    /// <summary>Whether this verified person has supported the project.</summary>
    public static async Task<bool> HasSupportedAsync(AppDbContext db, Budget budget, long projectId, VerifiedCitizen citizen, CancellationToken ct)
    {
        var commitment = Commitments.Of(budget.Salt, citizen.IdentityKey);
        return await db.Set<BudgetSupport>().AnyAsync(s => s.ProjectId == projectId && s.Commitment == commitment, ct);
    }
}
