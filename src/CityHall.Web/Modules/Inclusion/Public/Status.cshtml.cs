using System.Security.Claims;
using CityHall.Web.Modules.Inclusion.Applications;

namespace CityHall.Web.Modules.Inclusion.Public;

/// <summary>
/// An application as its applicant sees it: the confirmation with the reference right after
/// submitting, then where it stands, what happens next, its history and documents, and withdrawal
/// while the state machine allows it.
/// </summary>
[Authorize]
public sealed class StatusModel(ApplicationIntake intake, AppDbContext db, IStringLocalizer<Text> t) : PageModel
{
    public ApplicationFile Current { get; private set; } = null!;
    public IReadOnlyList<ApplicationEvent> History { get; private set; } = [];
    public IReadOnlyList<(long Id, string Evidence, string FileName, long Size)> Documents { get; private set; } = [];
    public bool JustSubmitted { get; private set; }

    [BindProperty] public bool ConfirmWithdraw { get; set; }

    public async Task<IActionResult> OnGetAsync(string reference, bool submitted = false)
    {
        if (await LoadAsync(reference) is { } gone) return gone;
        JustSubmitted = submitted && Current.Application.State == ApplicationState.Submitted;
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string reference)
    {
        if (await LoadAsync(reference) is { } gone) return gone;
        if (!ConfirmWithdraw) ModelState.AddModelError(nameof(ConfirmWithdraw), t["Inclusion.Error.ConfirmWithdraw"]);
        else
        {
            var refusal = await intake.MoveAsync(Current.Application, ApplicationState.Withdrawn, Applicant,
                t["Inclusion.Status.WithdrawnByApplicant"], null, HttpContext.RequestAborted);
            if (refusal is null) return Redirect($"/inclusion/applications/{reference}");
            ModelState.AddModelError("", refusal);
            await LoadAsync(reference);
        }
        return Page();
    }

    /// <summary>Accepting an offer that needs no co-payment (one with a co-payment is accepted when the payment arrives).</summary>
    public async Task<IActionResult> OnPostAcceptAsync(string reference)
    {
        if (await LoadAsync(reference) is { } gone) return gone;
        if (Current.Version.CoPaymentPercent is > 0) ModelState.AddModelError("", t["Inclusion.Status.PayToAccept"]);
        else if (await intake.MoveAsync(Current.Application, ApplicationState.Accepted, Applicant, null, null, HttpContext.RequestAborted) is { } refusal)
            ModelState.AddModelError("", refusal);
        else return Redirect($"/inclusion/applications/{reference}");
        await LoadAsync(reference);
        return Page();
    }

    /// <summary>Sending the application again after adding what staff asked for.</summary>
    public async Task<IActionResult> OnPostResubmitAsync(string reference)
    {
        if (await LoadAsync(reference) is { } gone) return gone;
        if (await intake.MoveAsync(Current.Application, ApplicationState.Submitted, Applicant, t["Inclusion.Status.Resubmitted"], null, HttpContext.RequestAborted) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            await LoadAsync(reference);
            return Page();
        }
        return Redirect($"/inclusion/applications/{reference}");
    }

    private ApplicationActor Applicant => new(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ApplicationActor.ApplicantRole);

    /// <summary>The rule that made the application ineligible, in the reader's language.</summary>
    public string? FailedRule => Current.Application.FailedRuleId is { } id && Current.Version.Rules.FirstOrDefault(r => r.Id == id) is { } rule
        ? CityHall.Web.Platform.City.LocalizedText.Pick(System.Globalization.CultureInfo.CurrentUICulture, rule.ExplanationKo, rule.ExplanationEn) : null;

    /// <summary>One of the applicant's own documents, as uploaded.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string reference, long id)
    {
        var file = await intake.FindAsync(reference, HttpContext.RequestAborted);
        if (file is null || file.Application.ApplicantUserId != User.FindFirstValue(ClaimTypes.NameIdentifier)) return NotFound();
        var document = await db.Set<ApplicationDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.ApplicationId == file.Application.Id, HttpContext.RequestAborted);
        if (document is null) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(document.Content, document.ContentType, document.FileName);
    }

    private async Task<IActionResult?> LoadAsync(string reference)
    {
        var ct = HttpContext.RequestAborted;
        var file = await intake.FindAsync(reference, ct);
        if (file is null || file.Application.ApplicantUserId != User.FindFirstValue(ClaimTypes.NameIdentifier)) return NotFound();
        Current = file;
        var id = file.Application.Id;
        History = await db.Set<ApplicationEvent>().AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var rows = await db.Set<ApplicationDocument>().AsNoTracking().Where(d => d.ApplicationId == id).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.EvidenceCode, d.FileName, d.Size }).ToListAsync(ct);
        Documents = rows.Select(r => (r.Id, r.EvidenceCode, r.FileName, r.Size)).ToList();
        return null;
    }
}
