using System.Globalization;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Notifications;
using CityHall.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Petitions.Admin;

/// <summary>
/// A moderator approves a proposal (naming the department that must answer; supports open for the
/// city's window) or rejects it with one of the city's reasons, which is then public. Audited; the
/// author is told through their channels.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PetitionsModule.Moderate)]
public sealed class ReviewModel(AppDbContext db, MarkdownRenderer markdown, PetitionText text, SimilarPetitions similar,
    AuditLog audit, Notifier notifier, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty, Display(Name = "Petitions.Review.Department")] public string? DepartmentCode { get; set; }
    [BindProperty, Display(Name = "Petitions.Review.Reason")] public string? ReasonCode { get; set; }

    public Petition Petition { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    public PetitionText Text => text;
    public IReadOnlyList<SimilarPetitions.Match> Similar { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Reasons { get; private set; } = [];

    private async Task<bool> LoadAsync(long id, bool track = false)
    {
        var query = db.Set<Petition>().AsQueryable();
        var petition = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id);
        if (petition is null) return false;
        Petition = petition;
        BodyHtml = markdown.ToHtml(petition.Body);
        Similar = await similar.FindAsync(petition.Title, except: petition.Id);
        Departments = await DepartmentChoices.ItemsAsync(db, t["Petitions.Choose"].Value);
        Reasons = text.ReasonItems();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(long id)
    {
        if (!await LoadAsync(id, track: true)) return NotFound();
        if (Petition.Status != PetitionStatus.PendingReview) return Redirect($"/admin/petitions/{id}");
        if (string.IsNullOrEmpty(DepartmentCode) || !Departments.Any(d => d.Value == DepartmentCode && d.Value != ""))
        {
            ModelState.AddModelError(nameof(DepartmentCode), t["Petitions.Review.DepartmentRequired"]);
            return Page();
        }
        var now = clock.GetUtcNow();
        Petition.Status = PetitionStatus.Collecting;
        Petition.DepartmentCode = DepartmentCode;
        Petition.ReviewedAt = now;
        Petition.ReviewedBy = User.Identity?.Name;
        Petition.PublishedAt = now;
        Petition.SupportDeadline = now + text.Options.SupportWindow;
        // The approval is this proposal's message of the day: later news waits for the digest's spacing.
        Petition.LastNotifiedAt = now;
        await TellAuthorAsync("Petitions.Notify.Approved");
        await audit.RecordAsync(User, "petition.approved", "Petition", id.ToString(CultureInfo.InvariantCulture), new { department = DepartmentCode });
        return Redirect("/admin/petitions");
    }

    public async Task<IActionResult> OnPostRejectAsync(long id)
    {
        if (!await LoadAsync(id, track: true)) return NotFound();
        if (Petition.Status != PetitionStatus.PendingReview) return Redirect($"/admin/petitions/{id}");
        if (string.IsNullOrEmpty(ReasonCode) || text.Options.RejectionReasons.All(r => r.Code != ReasonCode))
        {
            ModelState.AddModelError(nameof(ReasonCode), t["Petitions.Review.ReasonRequired"]);
            return Page();
        }
        Petition.Status = PetitionStatus.Rejected;
        Petition.RejectionReasonCode = ReasonCode;
        Petition.ReviewedAt = clock.GetUtcNow();
        Petition.ReviewedBy = User.Identity?.Name;
        await TellAuthorAsync("Petitions.Notify.Rejected");
        await audit.RecordAsync(User, "petition.rejected", "Petition", id.ToString(CultureInfo.InvariantCulture), new { reason = ReasonCode });
        return Redirect("/admin/petitions");
    }

    private async Task TellAuthorAsync(string key)
    {
        if (Petition.AuthorId is null) return;
        var title = Petition.Title;
        var reason = Petition.RejectionReasonCode;
        await notifier.ToUserAsync(Petition.AuthorId, () => (t[key + ".Title"].Value, t[key + ".Body", title, text.Reason(reason)].Value),
            $"/petitions/{Petition.Id}");
    }
}
