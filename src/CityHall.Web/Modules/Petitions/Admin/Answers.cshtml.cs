using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Petitions.Admin;

/// <summary>What an official writes on a proposal: the department's answer, the mayor's, or a report on progress.</summary>
public enum AnswerMode { Department, Mayor, FollowUp }

/// <summary>
/// An official's list of proposals their departments owe an answer to (the mayor's office sees the
/// mayor's answers owed; administrators see all), due soonest first, and the answered proposals
/// they report progress on. One form at a time: the answer owed, else a follow-up. Answers and
/// follow-ups are published on the proposal, audited, and reach the author and signers as news.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PetitionsModule.Answer)]
public sealed class AnswersModel(AppDbContext db, PetitionText text, AuditLog audit, TimeProvider clock,
    IStringLocalizer<Text> t) : PageModel
{
    public sealed record Owed(Petition Petition, AnswerMode Mode, DateTimeOffset Due);

    [BindProperty] public AnswerInput Input { get; set; } = new();

    public IReadOnlyList<Owed> Owing { get; private set; } = [];
    public IReadOnlyList<Petition> Answered { get; private set; } = [];
    public Petition? Answering { get; private set; }
    public AnswerMode Mode { get; private set; }
    public PetitionText Text => text;
    public IReadOnlyList<SelectListItem> Outcomes { get; private set; } = [];

    private bool Admin => User.IsInRole(Roles.Administrator);
    private bool ForMayor => Admin || User.ActsForDepartment(text.Options.MayorOffice);

    /// <summary>Proposals whose department answers belong to this official (all of them for administrators and the mayor's office).</summary>
    private IQueryable<Petition> Mine()
    {
        var all = db.Set<Petition>().Where(p => p.Status != PetitionStatus.PendingReview && p.Status != PetitionStatus.Rejected);
        if (ForMayor) return all;
        var departments = User.Departments();
        return all.Where(p => p.DepartmentCode != null && departments.Contains(p.DepartmentCode));
    }

    private bool ForDepartment(Petition p) => Admin || (p.DepartmentCode is { } d && User.ActsForDepartment(d));

    /// <summary>The answer owed that this official may give, else a follow-up once answered; null when there is nothing for them to write.</summary>
    private AnswerMode? ModeFor(Petition p, string? requested)
    {
        var answered = p.AnsweredAt is not null || p.MayorAnsweredAt is not null;
        var mayRespond = ForDepartment(p) || ForMayor;
        if (requested == "follow-up" && answered && mayRespond) return AnswerMode.FollowUp;
        if (p.ThresholdReachedAt is not null && p.AnsweredAt is null && ForDepartment(p)) return AnswerMode.Department;
        if (p.MayorThresholdReachedAt is not null && p.MayorAnsweredAt is null && ForMayor) return AnswerMode.Mayor;
        return answered && mayRespond ? AnswerMode.FollowUp : null;
    }

    public async Task<IActionResult> OnGetAsync(long? id, string? mode)
    {
        if (id is { } answering)
        {
            Answering = await Mine().AsNoTracking().FirstOrDefaultAsync(p => p.Id == answering);
            if (Answering is null || ModeFor(Answering, mode) is not { } m) return NotFound();
            Mode = m;
            Prepare();
            return Page();
        }
        // Read in memory: few rows, and SQLite cannot order by DateTimeOffset.
        var mine = await Mine().AsNoTracking()
            .Where(p => p.ThresholdReachedAt != null || p.MayorThresholdReachedAt != null).ToListAsync();
        Owing = mine.Where(p => p.ThresholdReachedAt != null && p.AnsweredAt == null && ForDepartment(p)).Select(p => new Owed(p, AnswerMode.Department, p.AnswerDueAt!.Value))
            .Concat(mine.Where(p => p.MayorThresholdReachedAt != null && p.MayorAnsweredAt == null && ForMayor).Select(p => new Owed(p, AnswerMode.Mayor, p.MayorAnswerDueAt!.Value)))
            .OrderBy(o => o.Due).ToList();
        Answered = mine.Where(p => p.AnsweredAt != null || p.MayorAnsweredAt != null)
            .OrderByDescending(p => p.MayorAnsweredAt ?? p.AnsweredAt).Take(100).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? mode)
    {
        var petition = await Mine().FirstOrDefaultAsync(p => p.Id == id);
        if (petition is null || ModeFor(petition, mode) is not { } m) return NotFound();
        Mode = m;
        if (m != AnswerMode.FollowUp && (Input.Outcome is null || !Enum.IsDefined(Input.Outcome.Value)))
            ModelState.AddModelError("Input.Outcome", t["Petitions.Answer.OutcomeRequired"]);
        if (!ModelState.IsValid)
        {
            Answering = petition;
            Prepare();
            return Page();
        }
        var now = clock.GetUtcNow();
        var by = User.FindFirstValue("display_name") ?? User.Identity?.Name ?? "";
        var body = Input.Text.Trim();
        PetitionEventKind news;
        switch (m)
        {
            case AnswerMode.Department:
                petition.AnswerOutcome = Input.Outcome;
                petition.AnswerText = body;
                petition.AnsweredAt = now;
                petition.AnsweredBy = by;
                if (petition.Status == PetitionStatus.AwaitingAnswer) petition.Status = PetitionStatus.Answered;
                news = PetitionEventKind.DepartmentAnswered;
                break;
            case AnswerMode.Mayor:
                petition.MayorAnswerOutcome = Input.Outcome;
                petition.MayorAnswerText = body;
                petition.MayorAnsweredAt = now;
                petition.MayorAnsweredBy = by;
                news = PetitionEventKind.MayorAnswered;
                break;
            default:
                db.Add(new PetitionFollowUp { PetitionId = id, Body = body, PostedBy = by, PostedAt = now });
                news = PetitionEventKind.FollowUpPosted;
                break;
        }
        db.Add(PetitionEvent.Of(id, news, now));
        await audit.RecordAsync(User, m switch
        {
            AnswerMode.Department => "petition.answered",
            AnswerMode.Mayor => "petition.mayor-answered",
            _ => "petition.follow-up",
        }, "Petition", id.ToString(CultureInfo.InvariantCulture), new { outcome = Input.Outcome?.ToString() });
        return Redirect($"/petitions/{id}#answer");
    }

    private void Prepare() =>
        Outcomes = [new(t["Petitions.Choose"].Value, ""), .. Enum.GetValues<AnswerOutcome>().Select(o => new SelectListItem(t["Petitions.Outcome." + o].Value, o.ToString()))];
}

public sealed class AnswerInput
{
    [Display(Name = "Petitions.Answer.Outcome")]
    public AnswerOutcome? Outcome { get; set; }

    [Display(Name = "Petitions.Answer.Text")]
    [Required(ErrorMessage = "Petitions.Answer.TextRequired")]
    [StringLength(PetitionLimits.BodyMax, MinimumLength = 20, ErrorMessage = "Petitions.Answer.TextLength")]
    public string Text { get; set; } = "";
}
