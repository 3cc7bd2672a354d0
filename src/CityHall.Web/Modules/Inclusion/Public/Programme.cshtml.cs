using System.Security.Claims;
using CityHall.Web.Modules.Inclusion.Applications;

namespace CityHall.Web.Modules.Inclusion.Public;

/// <summary>
/// A programme in plain words: what it gives, who can apply (each rule's own sentence), what to
/// have ready, how places are chosen, what it costs, the window; and the button that starts an
/// application (or continues the one the citizen already has).
/// </summary>
public sealed class ProgrammeModel(ApplicationIntake intake, UserManager<CityHallUser> users) : PageModel
{
    public ProgrammeTerms Terms { get; private set; } = null!;
    public InclusionApplication? Existing { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await intake.FindProgrammeAsync(code, HttpContext.RequestAborted) is not { } terms) return NotFound();
        Terms = terms;
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            Existing = await intake.FindOpenAsync(terms.Programme.Id, userId, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(string code)
    {
        var ct = HttpContext.RequestAborted;
        if (await intake.FindProgrammeAsync(code, ct) is not { } terms) return NotFound();
        Terms = terms;
        // Anyone may read the programme; starting an application needs an account (assisted applications are made by staff).
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Existing = await intake.FindOpenAsync(terms.Programme.Id, user.Id, ct);
        if (Existing is not null)
            return Redirect(Existing.State == ApplicationState.Draft ? $"/inclusion/apply/{Existing.Reference}" : $"/inclusion/applications/{Existing.Reference}");
        var (application, refusal) = await intake.StartAsync(terms, user.Id, user.DisplayName, user.PhoneNumber, ApplicationChannel.Online,
            new ApplicationActor(user.Id, ApplicationActor.ApplicantRole), ct);
        if (application is null)
        {
            Refusal = refusal;
            return Page();
        }
        return Redirect($"/inclusion/apply/{application.Reference}/{ApplicationQuestions.For(terms.Version)[0]}");
    }
}
