using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Platform.Audit;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Petitions.Forum;

public enum CommentOutcome { Posted, Closed, Blocked, ParentMissing, Reported, AlreadyReported, OwnComment, NotFound }

/// <summary>A comment placed in its thread: how deep it sits and whether its text may be shown.</summary>
public sealed record ThreadedComment(PetitionComment Comment, int Depth)
{
    public bool Hidden => Comment.State != CommentState.Visible;
}

/// <summary>One page of a proposal's discussion: newest conversations first, each with all its answers in order.</summary>
public sealed record CommentPage(IReadOnlyList<ThreadedComment> Comments, int Page, int Pages, int Total);

/// <summary>
/// Comments and their threads on a proposal (and in its forum, where a comment may argue for or
/// against), readers' reports that hide a comment after <see cref="PetitionOptions.CommentReportsToHide"/>,
/// and moderators' decisions (hide, restore, block the writer), each audited.
/// </summary>
public sealed class PetitionComments(AppDbContext db, AuditLog audit, IOptionsMonitor<PetitionOptions> options, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>A proposal takes comments once published and until it is closed without an answer owed.</summary>
    public static bool IsOpen(Petition p) => p.Status is PetitionStatus.Collecting or PetitionStatus.AwaitingAnswer or PetitionStatus.Answered;

    public async Task<CommentPage> PageAsync(long petitionId, int page, CancellationToken ct = default)
    {
        var roots = db.Set<PetitionComment>().AsNoTracking().Where(c => c.PetitionId == petitionId && c.ParentId == null);
        var total = await roots.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var top = await roots.OrderByDescending(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        // Answers are fetched a level at a time (threads are shallow in practice), then placed under their parents.
        var children = new Dictionary<long, List<PetitionComment>>();
        var level = top.Select(c => c.Id).ToList();
        for (var depth = 0; level.Count > 0 && depth < 50; depth++)
        {
            var next = await db.Set<PetitionComment>().AsNoTracking()
                .Where(c => c.PetitionId == petitionId && c.ParentId != null && level.Contains(c.ParentId.Value))
                .OrderBy(c => c.Id).ToListAsync(ct);
            foreach (var c in next)
            {
                if (!children.TryGetValue(c.ParentId!.Value, out var list)) children[c.ParentId.Value] = list = [];
                list.Add(c);
            }
            level = next.Select(c => c.Id).ToList();
        }
        var ordered = new List<ThreadedComment>();
        void Place(PetitionComment c, int depth)
        {
            ordered.Add(new(c, depth));
            foreach (var child in children.GetValueOrDefault(c.Id) ?? []) Place(child, depth + 1);
        }
        foreach (var c in top) Place(c, 0);
        return new(ordered, page, pages, total);
    }

    /// <summary>The page of the discussion that shows this comment (the page of the conversation it belongs to).</summary>
    public async Task<int> PageOfAsync(long petitionId, long commentId, CancellationToken ct = default)
    {
        var root = commentId;
        for (var hops = 0; hops < 50; hops++)
        {
            var parent = await db.Set<PetitionComment>().AsNoTracking().Where(c => c.Id == root).Select(c => c.ParentId).FirstOrDefaultAsync(ct);
            if (parent is null) break;
            root = parent.Value;
        }
        var newer = await db.Set<PetitionComment>().CountAsync(c => c.PetitionId == petitionId && c.ParentId == null && c.Id > root, ct);
        return newer / PageSize + 1;
    }

    public Task<PetitionComment?> FindAsync(long petitionId, long commentId, CancellationToken ct = default) =>
        db.Set<PetitionComment>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId && c.PetitionId == petitionId, ct);

    public Task<bool> IsBlockedAsync(string userId, CancellationToken ct = default) =>
        db.Set<PetitionCommentBlock>().AnyAsync(b => b.UserId == userId, ct);

    /// <summary>
    /// Adds a comment (an answer when <paramref name="parentId"/> is given); a side is kept only while
    /// the forum is open. A flagged comment (part of a burst) is shown but goes to the moderators' queue.
    /// </summary>
    public async Task<(CommentOutcome Outcome, long Id)> PostAsync(Petition petition, string userId, string authorName, long? parentId,
        string body, ForumStance? stance, bool flagged = false, CancellationToken ct = default)
    {
        if (!IsOpen(petition)) return (CommentOutcome.Closed, 0);
        if (await IsBlockedAsync(userId, ct)) return (CommentOutcome.Blocked, 0);
        if (parentId is { } parent && await FindAsync(petition.Id, parent, ct) is null) return (CommentOutcome.ParentMissing, 0);
        var now = clock.GetUtcNow();
        var inForum = PetitionForum.IsOpen(petition, now);
        var comment = new PetitionComment
        {
            PetitionId = petition.Id, ParentId = parentId, AuthorId = userId, AuthorName = authorName, Body = body.Trim(),
            InForum = inForum, Stance = inForum && stance is ForumStance.Pro or ForumStance.Con ? stance : null, CreatedAt = now,
            Flagged = flagged,
        };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        return (CommentOutcome.Posted, comment.Id);
    }

    /// <summary>A reader's report; the report that reaches the setting hides the comment until a moderator decides.</summary>
    public async Task<CommentOutcome> ReportAsync(long petitionId, long commentId, string userId, CancellationToken ct = default)
    {
        var comment = await FindAsync(petitionId, commentId, ct);
        if (comment is null) return CommentOutcome.NotFound;
        if (comment.AuthorId == userId) return CommentOutcome.OwnComment;
        if (await db.Set<PetitionCommentReport>().AnyAsync(r => r.CommentId == commentId && r.UserId == userId, ct)) return CommentOutcome.AlreadyReported;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(new PetitionCommentReport { CommentId = commentId, UserId = userId, ReportedAt = clock.GetUtcNow() });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // The same reader's report arrived twice at once.
            db.ChangeTracker.Clear();
            return CommentOutcome.AlreadyReported;
        }
        await db.Set<PetitionComment>().Where(c => c.Id == commentId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.OpenReports, c => c.OpenReports + 1), ct);
        // Once a moderator has decided, later reports only bring it back to their queue.
        var limit = options.CurrentValue.CommentReportsToHide;
        await db.Set<PetitionComment>().Where(c => c.Id == commentId && c.State == CommentState.Visible && c.ModeratedAt == null && c.OpenReports >= limit)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, CommentState.HiddenByReports), ct);
        await tx.CommitAsync(ct);
        return CommentOutcome.Reported;
    }

    /// <summary>A moderator's decision on a comment: hide it, show it again, or hide it and stop its writer commenting.</summary>
    public async Task<bool> DecideAsync(long commentId, ModerationDecision decision, ClaimsPrincipal moderator, CancellationToken ct = default)
    {
        var comment = await db.Set<PetitionComment>().FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null) return false;
        var now = clock.GetUtcNow();
        comment.State = decision == ModerationDecision.Restore ? CommentState.Visible : CommentState.HiddenByModerator;
        comment.OpenReports = 0;
        comment.Flagged = false;
        comment.ModeratedAt = now;
        comment.ModeratedBy = moderator.Identity?.Name;
        if (decision == ModerationDecision.Block && comment.AuthorId is { } author
            && !await db.Set<PetitionCommentBlock>().AnyAsync(b => b.UserId == author, ct))
            db.Add(new PetitionCommentBlock { UserId = author, BlockedAt = now, BlockedBy = moderator.Identity?.Name ?? "", CommentId = commentId });
        await audit.RecordAsync(moderator, "petition.comment." + decision.ToString().ToLowerInvariant(), "PetitionComment",
            commentId.ToString(CultureInfo.InvariantCulture), new { petition = comment.PetitionId, author = comment.AuthorId }, ct);
        return true;
    }

    public async Task<bool> UnblockAsync(string userId, ClaimsPrincipal moderator, CancellationToken ct = default)
    {
        var block = await db.Set<PetitionCommentBlock>().FirstOrDefaultAsync(b => b.UserId == userId, ct);
        if (block is null) return false;
        db.Remove(block);
        await audit.RecordAsync(moderator, "petition.comment.unblock", "User", userId, null, ct);
        return true;
    }
}

public enum ModerationDecision { Hide, Restore, Block }
