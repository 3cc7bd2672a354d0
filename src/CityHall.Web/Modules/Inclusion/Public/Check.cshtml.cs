using System.Security.Claims;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Eligibility;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Inclusion.Public;

/// <summary>
/// Check your answers: every answer with a link to change it, the documents, what the rules say
/// about the answers so far, a declaration, and the button that submits. Anything that stops the
/// submission is said here, before and after the button is pressed.
/// </summary>
[Authorize]
public sealed class CheckModel(ApplicationIntake intake, AppDbContext db, IStringLocalizer<Text> t) : PageModel
{
    public ApplicationFile Current { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> DistrictNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];
    public string? Blocked { get; private set; }
    public EligibilityDecision Decision { get; private set; } = null!;

    [BindProperty] public bool Declaration { get; set; }

    public async Task<IActionResult> OnGetAsync(string reference)
    {
        if (await LoadAsync(reference) is { } gone) return gone;
        if (ApplicationQuestions.FirstUnanswered(Current.Application, Current.Version, Current.UploadedEvidence) is { } missing && missing != ApplicationQuestions.Documents)
            return Redirect($"/inclusion/apply/{reference}/{missing}");
        await PrepareAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string reference)
    {
        if (await LoadAsync(reference) is { } gone) return gone;
        if (!Declaration) ModelState.AddModelError(nameof(Declaration), t["Inclusion.Error.Declaration"]);
        else
        {
            var refusal = await intake.SubmitAsync(Current, ApplicationActor.For(Current.Application, User), HttpContext.RequestAborted);
            if (refusal is null) return Redirect(StatusPath(reference) + "?submitted=true");
            ModelState.AddModelError("", refusal);
            if (await LoadAsync(reference) is { } moved) return moved;
        }
        await PrepareAsync();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string reference)
    {
        var file = await intake.FindAsync(reference, HttpContext.RequestAborted);
        if (file is null || !ApplicationActor.MayAnswer(file.Application, User)) return NotFound();
        Current = file;
        return file.Application.State == ApplicationState.Draft ? null : Redirect(StatusPath(reference));
    }

    /// <summary>Assisted applications are followed by staff on their own page; citizens on theirs.</summary>
    private string StatusPath(string reference) => Current.Application.ApplicantUserId is null
        ? $"/admin/inclusion/applications/{reference}" : $"/inclusion/applications/{reference}";

    public bool Assisted => Current.Application.ApplicantUserId is null;

    private async Task PrepareAsync()
    {
        DistrictNames = await DistrictChoices.NamesAsync(db);
        var id = Current.Application.Id;
        Documents = await intake.DocumentsAsync(id, HttpContext.RequestAborted);
        Blocked = intake.SubmitRefusal(Current);
        Decision = intake.Decide(Current);
    }
}
