using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.CityNetwork.Visits.Public;

/// <summary>
/// The survey after a visit, for the account that asked for it: marks from 1 (poor) to 5 (excellent) for the visit,
/// its programme, its organisation and (when one was asked for) the interpretation; whether they would recommend it;
/// what they mean to adopt at home. Once per visit.
/// </summary>
[Authorize]
public sealed class FeedbackModel(AppDbContext db, VisitDesk desk, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public FeedbackInput Input { get; set; } = new();
    public StudyVisit Visit { get; private set; } = null!;
    public bool Given { get; private set; }
    public IReadOnlyList<SelectListItem> Marks { get; private set; } = [];
    public IReadOnlyList<SelectListItem> YesNo { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct) => await LoadAsync(reference, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken ct)
    {
        if (!await LoadAsync(reference, ct)) return NotFound();
        if (Given) return Page();
        if (Visit.InterpreterLanguage is not null && Input.Interpretation is null) ModelState.AddModelError("Input.Interpretation", t["Network.Visit.Feedback.ChooseMark"]);
        if (Input.WouldRecommend is null) ModelState.AddModelError("Input.WouldRecommend", t["Network.Visit.Feedback.ChooseRecommend"]);
        if (!ModelState.IsValid) return Page();
        var refusal = await desk.GiveFeedbackAsync(Visit, new VisitFeedback
        {
            Overall = Input.Overall!.Value, Programme = Input.Programme!.Value, Organisation = Input.Organisation!.Value, Interpretation = Input.Interpretation,
            WouldRecommend = Input.WouldRecommend!.Value, Adopting = Clean(Input.Adopting), Comments = Clean(Input.Comments),
        }, ct);
        if (refusal != VisitRefusal.None)
        {
            ModelState.AddModelError(string.Empty, desk.Explain(refusal));
            return Page();
        }
        return Redirect($"/network/visits/{reference}");
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<bool> LoadAsync(string reference, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await db.Set<StudyVisit>().AsNoTracking().FirstOrDefaultAsync(v => v.Reference == reference && v.RequesterUserId == me, ct) is not { } visit
            || visit.Status != VisitStatus.Held) return false;
        Visit = visit;
        Given = await db.Set<VisitFeedback>().AnyAsync(f => f.VisitId == visit.Id, ct);
        Marks = Enumerable.Range(1, 5).Reverse().Select(m => new SelectListItem(t[$"Network.Visit.Feedback.Mark{m}"], m.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        YesNo = [new(t["Network.Yes"], "true"), new(t["Network.No"], "false")];
        return true;
    }

    public sealed class FeedbackInput
    {
        [Display(Name = "Network.Visit.Feedback.Overall"), Required(ErrorMessage = "Network.Visit.Feedback.ChooseMark"), Range(1, 5, ErrorMessage = "Network.Visit.Feedback.ChooseMark")]
        public int? Overall { get; set; }
        [Display(Name = "Network.Visit.Feedback.Programme"), Required(ErrorMessage = "Network.Visit.Feedback.ChooseMark"), Range(1, 5, ErrorMessage = "Network.Visit.Feedback.ChooseMark")]
        public int? Programme { get; set; }
        [Display(Name = "Network.Visit.Feedback.Organisation"), Required(ErrorMessage = "Network.Visit.Feedback.ChooseMark"), Range(1, 5, ErrorMessage = "Network.Visit.Feedback.ChooseMark")]
        public int? Organisation { get; set; }
        [Display(Name = "Network.Visit.Feedback.Interpretation"), Range(1, 5, ErrorMessage = "Network.Visit.Feedback.ChooseMark")]
        public int? Interpretation { get; set; }
        [Display(Name = "Network.Visit.Feedback.Recommend")] public bool? WouldRecommend { get; set; }
        [Display(Name = "Network.Visit.Feedback.Adopting"), StringLength(VisitFeedback.TextMax, ErrorMessage = "Form.TooLong")] public string? Adopting { get; set; }
        [Display(Name = "Network.Visit.Feedback.Comments"), StringLength(VisitFeedback.TextMax, ErrorMessage = "Form.TooLong")] public string? Comments { get; set; }
    }
}
