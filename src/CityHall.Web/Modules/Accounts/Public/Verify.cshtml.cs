using CityHall.Web.Modules.Accounts.Verification;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Accounts.Public;

/// <summary>Identity verification in two steps: choose a way and say who (e.g. a mobile number), then answer (the SMS code).</summary>
[Authorize]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class VerifyModel(UserManager<CityHallUser> users, SignInManager<CityHallUser> signIn, IEnumerable<IIdentityVerifier> verifiers,
    IdentityVerification verification, IdentityHashKey key, CityClock clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public VerifyInput Input { get; set; } = new();

    /// <summary>Where the person was going when verification was asked of them (e.g. supporting a proposal).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<IIdentityVerifier> Verifiers { get; } = verifiers.ToList();
    public bool AnswerStep { get; private set; }
    public string? VerifiedAt { get; private set; }
    public bool Available => key.IsConfigured;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.VerifiedAt is { } at) VerifiedAt = clock.Format(at);
        Input.Method = Verifiers.Count > 0 ? Verifiers[0].Name : "";
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ModelState.Remove("Input.Answer");
        var verifier = Verifiers.FirstOrDefault(v => v.Name == Input.Method);
        if (verifier is null) ModelState.AddModelError("Input.Method", t["Verify.Method.Required"]);
        if (!Available) ModelState.AddModelError("", t["Verify.Unavailable"]);
        if (!ModelState.IsValid) return Page();
        var error = await verifier!.StartAsync(user, Input.Subject, HttpContext.RequestAborted);
        if (error is not null) { ModelState.AddModelError("Input.Subject", t[error]); return Page(); }
        AnswerStep = true;
        return Page();
    }

    public async Task<IActionResult> OnPostCompleteAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        AnswerStep = true;
        var verifier = Verifiers.FirstOrDefault(v => v.Name == Input.Method);
        if (verifier is null || !Available) return RedirectToPage();
        if (string.IsNullOrWhiteSpace(Input.Answer)) ModelState.AddModelError("Input.Answer", t["Confirm.Code.Required"]);
        if (!ModelState.IsValid) return Page();
        switch (await verification.CompleteAsync(verifier, user, Input.Subject, Input.Answer!, HttpContext.RequestAborted))
        {
            case VerificationOutcome.Verified:
                await signIn.RefreshSignInAsync(user); // the sign-in now carries the verified identity
                return ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage();
            case VerificationOutcome.IdentityAlreadyUsed:
                ModelState.AddModelError("Input.Answer", t["Verify.AlreadyUsed"]);
                return Page();
            default:
                ModelState.AddModelError("Input.Answer", t["Identity.InvalidCode"]);
                return Page();
        }
    }
}

public sealed class VerifyInput
{
    [Display(Name = "Field.VerifyMethod")]
    public string Method { get; set; } = "";

    [Display(Name = "Field.VerifySubject")]
    [Required(ErrorMessage = "Verify.Subject.Required")]
    [StringLength(100, ErrorMessage = "Verify.Subject.Required")]
    public string Subject { get; set; } = "";

    [Display(Name = "Field.VerifyAnswer")]
    public string? Answer { get; set; }
}
