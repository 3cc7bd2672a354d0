using CityHall.Web.Platform.Identity;

namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// What polls hold about a person: the votes they proposed. Ballots are commitments (no account, no identity), so there
/// is nothing of theirs to give or erase there. On erasure a proposal never published is deleted; a published poll
/// stays, as the city's record, without its author (still marked as a citizen's proposal).
/// </summary>
public sealed class PollPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public string Section => "poll-proposals";

    public async Task<object?> ExportAsync(string userId, CancellationToken ct)
    {
        var polls = await db.Set<Poll>().AsNoTracking().Where(p => p.ProposedBy == userId).OrderBy(p => p.Id).ToListAsync(ct);
        var ids = polls.Select(p => p.Id).ToList();
        var options = (await db.Set<PollOption>().AsNoTracking().Where(o => ids.Contains(o.PollId)).OrderBy(o => o.Position).ToListAsync(ct)).ToLookup(o => o.PollId);
        return polls.Select(p => new
        {
            p.Id, p.TitleKo, p.DescriptionKo, kind = p.Kind.ToString(), options = options[p.Id].Select(o => o.LabelKo).ToList(),
            moderation = p.Moderation.ToString(), p.ModerationNote, published = p.PublishedAt is not null, p.CreatedAt,
        }).ToList();
    }

    public async Task EraseAsync(string userId, CancellationToken ct)
    {
        await db.Set<Poll>().Where(p => p.ProposedBy == userId && p.PublishedAt == null).ExecuteDeleteAsync(ct);
        await db.Set<Poll>().Where(p => p.ProposedBy == userId).ExecuteUpdateAsync(u => u.SetProperty(p => p.ProposedBy, (string?)null), ct);
    }
}
