using System.Security.Claims;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Fulfilment;
using CityHall.Web.Modules.Inclusion.Programmes;

namespace CityHall.Web.Modules.Inclusion.Public;

/// <summary>
/// An application as its applicant sees it: the confirmation with the reference right after
/// submitting, then where it stands, what happens next, its history and documents, and withdrawal
/// while the state machine allows it.
/// </summary>
[Authorize]
public sealed class StatusModel(ApplicationIntake intake, Bookings bookings, AppDbContext db, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    public ApplicationFile Current { get; private set; } = null!;
    public IReadOnlyList<ApplicationEvent> History { get; private set; } = [];
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];
    public bool JustSubmitted { get; private set; }

    [BindProperty] public bool ConfirmWithdraw { get; set; }
    [BindProperty] public long? Choice { get; set; }
    [BindProperty] public AppointmentMode? Mode { get; set; }

    /// <summary>Classes with a seat free, or appointment slots with room (within the service level when there is one), for an accepted or scheduled application.</summary>
    public IReadOnlyList<ClassCourse> Classes { get; private set; } = [];
    public IReadOnlyList<AppointmentSlot> Slots { get; private set; } = [];
    public ClassCourse? MyClass { get; private set; }
    public (Appointment Appointment, AppointmentSlot Slot)? MyAppointment { get; private set; }
    public FulfilmentRecord? Record { get; private set; }
    /// <summary>When the service level (a repair visit within 2 days) says the appointment is due: counted from the place being accepted.</summary>
    public DateTime? ServiceDue => Current.Version.ServiceDue(History.LastOrDefault(e => e.To == ApplicationState.Accepted)?.At);
    public bool CanBook => Current.Application.State is ApplicationState.Accepted or ApplicationState.Scheduled
        && Current.Programme.Fulfilment is FulfilmentKind.ClassSeat or FulfilmentKind.Appointment;
    [BindProperty] public int? SurveyScore { get; set; }
    [BindProperty] public string? SurveyComment { get; set; }

    public async Task<IActionResult> OnPostBookAsync(string reference)
    {
        if (await LoadAsync(reference) is { } gone) return gone;
        var ct = HttpContext.RequestAborted;
        string? refusal;
        if (Choice is not { } choice) { ModelState.AddModelError(nameof(Choice), t["Inclusion.Booking.Choose"]); return Page(); }
        if (Current.Programme.Fulfilment == FulfilmentKind.ClassSeat)
            refusal = await bookings.BookSeatAsync(Current.Application, choice, Applicant, ct);
        else if (Mode is not { } mode || !Enum.IsDefined(mode)) { ModelState.AddModelError(nameof(Mode), t["Inclusion.Booking.ChooseMode"]); return Page(); }
        else refusal = await bookings.BookAppointmentAsync(Current.Application, choice, mode, Applicant, ct);
        if (refusal is null) return Redirect($"/inclusion/applications/{reference}");
        ModelState.AddModelError(nameof(Choice), refusal);
        await LoadAsync(reference);
        return Page();
    }

    /// <summary>The follow-up survey after the support was given: a score of 1–5 and a comment; answering closes the application.</summary>
    public async Task<IActionResult> OnPostSurveyAsync(string reference)
    {
        if (await LoadAsync(reference) is { } gone) return gone;
        var ct = HttpContext.RequestAborted;
        if (Record is null || Current.Application.State is not (ApplicationState.Fulfilled or ApplicationState.FollowUpDue)) return Redirect($"/inclusion/applications/{reference}");
        if (SurveyScore is not (>= 1 and <= 5)) ModelState.AddModelError(nameof(SurveyScore), t["Inclusion.Survey.ScoreNeeded"]);
        if (SurveyComment?.Length > 1000) ModelState.AddModelError(nameof(SurveyComment), t["Inclusion.Survey.TooLong"]);
        if (!ModelState.IsValid) return Page();
        var record = await db.Set<FulfilmentRecord>().SingleAsync(r => r.Id == Record.Id, ct);
        (record.SurveyScore, record.SurveyComment, record.SurveyAt) = (SurveyScore, string.IsNullOrWhiteSpace(SurveyComment) ? null : SurveyComment.Trim(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        // A loan stays open until the item comes back; anything else is done once the applicant has answered.
        if (Current.Programme.Fulfilment != FulfilmentKind.Loan)
            await intake.MoveAsync(Current.Application, ApplicationState.Closed, Applicant, t["Inclusion.Survey.Answered"], null, ct);
        return Redirect($"/inclusion/applications/{reference}");
    }

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
        var document = await intake.DocumentAsync(file.Application.Id, id, HttpContext.RequestAborted);
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
        History = await intake.HistoryAsync(id, ct);
        Documents = await intake.DocumentsAsync(id, ct);
        Record = await db.Set<FulfilmentRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ApplicationId == id, ct);
        var seat = await db.Set<ClassSeat>().AsNoTracking().FirstOrDefaultAsync(s => s.ApplicationId == id, ct);
        if (seat is not null) MyClass = await db.Set<ClassCourse>().AsNoTracking().Include(c => c.Sessions).FirstAsync(c => c.Id == seat.ClassId, ct);
        var appointment = await db.Set<Appointment>().AsNoTracking().FirstOrDefaultAsync(x => x.ApplicationId == id, ct);
        if (appointment is not null) MyAppointment = (appointment, await db.Set<AppointmentSlot>().AsNoTracking().FirstAsync(x => x.Id == appointment.SlotId, ct));
        if (CanBook)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var programmeId = file.Programme.Id;
            if (file.Programme.Fulfilment == FulfilmentKind.ClassSeat)
                Classes = (await db.Set<ClassCourse>().AsNoTracking().Include(c => c.Sessions).Where(c => c.ProgrammeId == programmeId && c.Booked < c.Capacity).ToListAsync(ct))
                    .Where(c => c.Sessions.Count > 0 && c.Sessions.Min(x => x.StartsAt) > now && c.Id != MyClass?.Id).OrderBy(c => c.Sessions.Min(x => x.StartsAt)).ToList();
            else
            {
                var open = await db.Set<AppointmentSlot>().AsNoTracking().Where(x => x.ProgrammeId == programmeId && x.Booked < x.Capacity && x.StartsAt > now)
                    .OrderBy(x => x.StartsAt).Take(200).ToListAsync(ct);
                Slots = open.Where(x => x.Id != MyAppointment?.Slot.Id).Take(50).ToList();
            }
        }
        return null;
    }
}
