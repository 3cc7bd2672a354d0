using System.Security.Claims;
using CityHall.Web.Modules.Petitions.Forum;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Petitions.Public;

/// <summary>What the discussion partial needs: the proposal, one page of its thread, and whether it still takes comments.</summary>
public sealed record DiscussionView(long PetitionId, CommentPage Page, bool Open);

/// <summary>
/// A proposal's whole discussion, page by page, with the form to comment or answer a comment
/// (while the forum is open a comment may say which side it takes), and readers' reports. Works
/// without JavaScript: "answer" is a link that brings the form here with the comment quoted.
/// </summary>
public sealed class CommentsModel(AppDbContext db, PetitionComments comments, Fraud.ActivityWatch watch, TimeProvider clock,
    IStringLocalizer<Text> t) : PageModel
{
    public Petition Petition { get; private set; } = null!;
    public DiscussionView Discussion { get; private set; } = null!;
    public PetitionComment? ReplyingTo { get; private set; }
    public bool ForumOpen { get; private set; }
    public bool Blocked { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<SelectListItem> Stances { get; private set; } = [];

    [BindProperty] public CommentInput Input { get; set; } = new();

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The published proposal, or false for one that does not exist or is not public.</summary>
    private async Task<bool> FindAsync(long id)
    {
        var petition = await db.Set<Petition>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (petition is null || petition.Status is PetitionStatus.PendingReview or PetitionStatus.Rejected) return false;
        Petition = petition;
        return true;
    }

    /// <summary>What the page shows: one page of the thread, the comment answered, the form's choices.</summary>
    private async Task<IActionResult> ShowAsync(int page, long? reply)
    {
        var id = Petition.Id;
        Discussion = new(id, await comments.PageAsync(id, page), PetitionComments.IsOpen(Petition));
        ForumOpen = PetitionForum.IsOpen(Petition, clock.GetUtcNow());
        Stances =
        [
            new(t["Petitions.Stance.None"].Value, ""),
            new(t["Petitions.Stance.Pro"].Value, nameof(ForumStance.Pro)),
            new(t["Petitions.Stance.Con"].Value, nameof(ForumStance.Con)),
        ];
        if (reply is { } parent && (ReplyingTo = await comments.FindAsync(id, parent)) is { State: not CommentState.Visible })
            ReplyingTo = null;
        if (UserId is { } me) Blocked = await comments.IsBlockedAsync(me);
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(long id, int page = 1, long? reply = null, string? done = null)
    {
        if (!await FindAsync(id)) return NotFound();
        Message = done switch
        {
            "posted" => t["Petitions.Comments.Posted"].Value,
            "reported" => t["Petitions.Comments.Reported"].Value,
            _ => null,
        };
        return await ShowAsync(page, reply);
    }

    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (UserId is null) return Challenge();
        if (!await FindAsync(id)) return NotFound();
        if (!ModelState.IsValid) return await ShowAsync(1, Input.ParentId);
        var author = await db.Users.AsNoTracking().Where(u => u.Id == UserId).Select(u => u.DisplayName).FirstAsync(ct);
        var flagged = watch.IsBurst(Fraud.WatchedActivity.Comment, UserId, Fraud.RequestOrigin.Address(HttpContext));
        var (outcome, commentId) = await comments.PostAsync(Petition, UserId, author, Input.ParentId, Input.Body, Input.Stance, flagged, ct);
        switch (outcome)
        {
            case CommentOutcome.Posted:
                var page = await comments.PageOfAsync(id, commentId, ct);
                return Redirect($"/petitions/{id}/comments?page={page}&done=posted#comment-{commentId}");
            case CommentOutcome.ParentMissing:
                ModelState.AddModelError("", t["Petitions.Comments.ParentMissing"]);
                break;
            case CommentOutcome.Blocked:
                ModelState.AddModelError("", t["Petitions.Comments.Blocked"]);
                break;
            default:
                ModelState.AddModelError("", t["Petitions.Comments.Closed"]);
                break;
        }
        return await ShowAsync(1, Input.ParentId);
    }

    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostReportAsync(long id, long comment, int page = 1, CancellationToken ct = default)
    {
        if (UserId is null) return Challenge();
        var outcome = await comments.ReportAsync(id, comment, UserId, ct);
        if (outcome == CommentOutcome.NotFound) return NotFound();
        if (outcome == CommentOutcome.Reported) return Redirect($"/petitions/{id}/comments?page={page}&done=reported#comment-{comment}");
        if (!await FindAsync(id)) return NotFound();
        // Not a model error: nothing the reader typed is wrong, they are only told why nothing changed.
        Message = t[outcome == CommentOutcome.OwnComment ? "Petitions.Comments.OwnComment" : "Petitions.Comments.AlreadyReported"].Value;
        return await ShowAsync(page, null);
    }
}

public sealed class CommentInput
{
    [Display(Name = "Petitions.Comments.Body")]
    [Required(ErrorMessage = "Petitions.Comments.BodyRequired")]
    [StringLength(CommentLimits.BodyMax, MinimumLength = CommentLimits.BodyMin, ErrorMessage = "Petitions.Comments.BodyLength")]
    public string Body { get; set; } = "";

    [Display(Name = "Petitions.Comments.Stance")]
    public ForumStance? Stance { get; set; }

    public long? ParentId { get; set; }
}
