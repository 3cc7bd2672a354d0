using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.Inclusion.Admin;

/// <summary>
/// An assisted application: staff at a service centre or on the phone start one for someone who is
/// not online, then go through the same question pages; the record shows the channel and who entered it.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + InclusionModule.Manage)]
public sealed class AssistModel(ApplicationIntake intake, AuditLog audit, IStringLocalizer<Text> t) : PageModel
{
    public ProgrammeTerms Terms { get; private set; } = null!;
    public string? Refusal { get; private set; }

    [BindProperty] public ApplicationChannel? Channel { get; set; }
    [BindProperty] public string? ApplicantName { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await intake.FindProgrammeAsync(code, HttpContext.RequestAborted) is not { } terms) return NotFound();
        Terms = terms;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        var ct = HttpContext.RequestAborted;
        if (await intake.FindProgrammeAsync(code, ct) is not { } terms) return NotFound();
        Terms = terms;
        ModelState.Remove(nameof(Channel));
        if (Channel is not (ApplicationChannel.ServiceCentre or ApplicationChannel.Phone)) ModelState.AddModelError(nameof(Channel), t["Inclusion.Admin.ChooseChannel"]);
        var name = ApplicantName?.Trim() ?? "";
        if (name.Length is < 1 or > 100) ModelState.AddModelError(nameof(ApplicantName), t["Inclusion.Error.Name"]);
        var phone = ApplicationQuestions.Phone(Phone);
        if (phone is null) ModelState.AddModelError(nameof(Phone), t["Inclusion.Error.Phone"]);
        if (!ModelState.IsValid) return Page();
        var (application, refusal) = await intake.StartAsync(terms, null, name, phone, Channel!.Value, ApplicationActor.Staff(User), ct);
        if (application is null)
        {
            Refusal = refusal;
            return Page();
        }
        await audit.RecordAsync(User, "inclusion.assist", "inclusion-application", application.Reference, new { programme = code, channel = Channel.ToString() }, ct);
        return Redirect($"/inclusion/apply/{application.Reference}");
    }
}
