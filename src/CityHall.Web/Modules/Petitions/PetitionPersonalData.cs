using CityHall.Web.Modules.Petitions.Forum;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// What the petitions module holds about a person, for "download my data", and its erasure when
/// the account is deleted. Public records stay whole and verifiable: published proposals and
/// signatures keep counting (the chain holds only commitments), but the person's name, address,
/// e-mail domain and comment texts go. A proposal not yet reviewed was never public and is deleted.
/// </summary>
public sealed class PetitionPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public string Section => "petitions";

    public async Task<object?> ExportAsync(string userId, CancellationToken ct) => new
    {
        proposals = await db.Set<Petition>().AsNoTracking().Where(p => p.AuthorId == userId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.Body, status = p.Status.ToString(), p.CreatedAt, p.SignatureCount }).ToListAsync(ct),
        signatures = await db.Set<PetitionSignature>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Id)
            .Select(s => new { petition = s.PetitionId, receipt = s.Sequence, s.SignedAt, s.WithdrawnAt, s.InvalidatedAt, district = s.DistrictCode,
                address = s.ClientIp, emailDomain = s.EmailDomain }).ToListAsync(ct),
        forumVotes = await db.Set<PetitionForumVote>().AsNoTracking().Where(v => v.UserId == userId)
            .Select(v => new { petition = v.PetitionId, choice = v.Choice.ToString(), v.CastAt }).ToListAsync(ct),
        comments = await db.Set<PetitionComment>().AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.Id)
            .Select(c => new { petition = c.PetitionId, c.Id, replyTo = c.ParentId, c.Body, stance = c.Stance.ToString(), c.CreatedAt, state = c.State.ToString() })
            .ToListAsync(ct),
        reports = await db.Set<PetitionCommentReport>().AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => new { comment = r.CommentId, r.ReportedAt }).ToListAsync(ct),
    };

    public async Task EraseAsync(string userId, CancellationToken ct)
    {
        var unpublished = await db.Set<Petition>().Where(p => p.AuthorId == userId && p.Status == PetitionStatus.PendingReview)
            .Select(p => p.Id).ToListAsync(ct);
        await db.Set<ProposalImage>().Where(i => unpublished.Contains(i.PetitionId)).ExecuteDeleteAsync(ct);
        await db.Set<PetitionTitleGram>().Where(g => unpublished.Contains(g.PetitionId)).ExecuteDeleteAsync(ct);
        await db.Set<Petition>().Where(p => unpublished.Contains(p.Id)).ExecuteDeleteAsync(ct);
        await db.Set<Petition>().Where(p => p.AuthorId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.AuthorName, "").SetProperty(p => p.AuthorId, (string?)null), ct);
        await db.Set<PetitionSignature>().Where(s => s.UserId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ClientIp, (string?)null).SetProperty(s => s.EmailDomain, (string?)null)
                .SetProperty(s => s.UserId, (string?)null), ct);
        await db.Set<PetitionForumVote>().Where(v => v.UserId == userId).ExecuteUpdateAsync(u => u.SetProperty(v => v.UserId, (string?)null), ct);
        // Answers to the person's comments keep their place in the thread; the text itself goes.
        await db.Set<PetitionComment>().Where(c => c.AuthorId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Body, "").SetProperty(c => c.AuthorName, "").SetProperty(c => c.State, CommentState.Erased)
                .SetProperty(c => c.AuthorId, (string?)null), ct);
    }
}
