using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Notifications;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Petitions.Admin;

/// <summary>
/// An official's list of proposals their departments owe an answer to (administrators see all),
/// due soonest first, and the answer form: an outcome and the text, published on the proposal,
/// audited, and sent to the author.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PetitionsModule.Answer)]
public sealed class AnswersModel(AppDbContext db, PetitionText text, AuditLog audit, Notifier notifier, TimeProvider clock,
    IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public AnswerInput Input { get; set; } = new();

    public IReadOnlyList<Petition> Owed { get; private set; } = [];
    public Petition? Answering { get; private set; }
    public PetitionText Text => text;
    public IReadOnlyList<SelectListItem> Outcomes { get; private set; } = [];

    private IQueryable<Petition> Mine()
    {
        var owed = db.Set<Petition>().Where(p => p.ThresholdReachedAt != null && p.AnsweredAt == null);
        if (User.IsInRole(Roles.Administrator)) return owed;
        var departments = User.Departments();
        return owed.Where(p => p.DepartmentCode != null && departments.Contains(p.DepartmentCode));
    }

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        if (id is { } answering)
        {
            Answering = await Mine().AsNoTracking().FirstOrDefaultAsync(p => p.Id == answering);
            if (Answering is null) return NotFound();
            Prepare();
            return Page();
        }
        // Due dates compared and sorted in memory: SQLite cannot order by DateTimeOffset.
        Owed = (await Mine().AsNoTracking().ToListAsync()).OrderBy(p => p.AnswerDueAt).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var petition = await Mine().FirstOrDefaultAsync(p => p.Id == id);
        if (petition is null) return NotFound();
        if (Input.Outcome is null || !Enum.IsDefined(Input.Outcome.Value))
            ModelState.AddModelError("Input.Outcome", t["Petitions.Answer.OutcomeRequired"]);
        if (!ModelState.IsValid)
        {
            Answering = petition;
            Prepare();
            return Page();
        }
        petition.AnswerOutcome = Input.Outcome;
        petition.AnswerText = Input.Text.Trim();
        petition.AnsweredAt = clock.GetUtcNow();
        petition.AnsweredBy = User.FindFirstValue("display_name") ?? User.Identity?.Name;
        if (petition.Status == PetitionStatus.AwaitingAnswer) petition.Status = PetitionStatus.Answered;
        if (petition.AuthorId is { } author)
        {
            var title = petition.Title;
            await notifier.ToUserAsync(author, () => (t["Petitions.Notify.Answered.Title"].Value, t["Petitions.Notify.Answered.Body", title].Value), $"/petitions/{id}");
        }
        await audit.RecordAsync(User, "petition.answered", "Petition", id.ToString(CultureInfo.InvariantCulture), new { outcome = Input.Outcome.ToString() });
        return Redirect($"/petitions/{id}");
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
