using CityHall.Web.Modules.Petitions.Forum;

namespace CityHall.Web.Modules.Petitions.Admin;

/// <summary>
/// Moderators' queue of reported comments (those hidden by reports first), comments flagged as part
/// of a burst, and blocked writers:
/// hide, restore, or hide and block; unblock. Every decision is audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PetitionsModule.Moderate)]
public sealed class CommentsModel(AppDbContext db, PetitionComments comments) : PageModel
{
    public sealed record Reported(PetitionComment Comment, string PetitionTitle);
    public sealed record BlockedWriter(string UserId, string Name, DateTimeOffset BlockedAt, string BlockedBy);

    public IReadOnlyList<Reported> Queue { get; private set; } = [];
    public IReadOnlyList<BlockedWriter> Blocked { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var queue = await db.Set<PetitionComment>().AsNoTracking()
            .Where(c => c.State == CommentState.HiddenByReports || ((c.OpenReports > 0 || c.Flagged) && c.State == CommentState.Visible))
            .Join(db.Set<Petition>(), c => c.PetitionId, p => p.Id, (c, p) => new { Comment = c, p.Title })
            .OrderByDescending(x => x.Comment.OpenReports).ThenBy(x => x.Comment.Id).Take(200).ToListAsync();
        Queue = queue.Select(x => new Reported(x.Comment, x.Title))
            .OrderBy(r => r.Comment.State == CommentState.HiddenByReports ? 0 : 1).ToList();
        Blocked = (await db.Set<PetitionCommentBlock>().AsNoTracking()
                .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new { b.UserId, u.DisplayName, b.BlockedAt, b.BlockedBy }).ToListAsync())
            .OrderByDescending(b => b.BlockedAt).Select(b => new BlockedWriter(b.UserId, b.DisplayName, b.BlockedAt, b.BlockedBy)).ToList();
    }

    public async Task<IActionResult> OnPostDecideAsync(long comment, ModerationDecision decision) =>
        Enum.IsDefined(decision) && await comments.DecideAsync(comment, decision, User) ? Redirect("/admin/petitions/comments") : NotFound();

    public async Task<IActionResult> OnPostUnblockAsync(string user) =>
        await comments.UnblockAsync(user, User) ? Redirect("/admin/petitions/comments#blocked") : NotFound();
}
