using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Modules.Accounts.Verification;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Accounts.Public;

/// <summary>
/// Identity verification in two steps: choose a way and say who (a mobile number and the year of birth, as a mobile
/// identity check asks), then answer (the SMS code). People verified before the year was asked give it here once.
/// </summary>
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
    /// <summary>The verified person's year of birth, or null when they were verified before it was asked.</summary>
    public int? BirthYear { get; private set; }
    public bool Available => key.IsConfigured;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.VerifiedAt is { } at) (VerifiedAt, BirthYear) = (clock.Format(at), user.BirthYear);
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
        CheckBirthYear();
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
        // The year came with the number at the first step; a form altered since goes back to it.
        if (!CheckBirthYear()) { AnswerStep = false; return Page(); }
        if (!ModelState.IsValid) return Page();
        switch (await verification.CompleteAsync(verifier, user, Input.Subject, Input.Answer!, Input.BirthYear!.Value, HttpContext.RequestAborted))
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

    /// <summary>For someone verified before the year of birth was asked: given once, then fixed like the identity.</summary>
    public async Task<IActionResult> OnPostBirthYearAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.VerifiedAt is null || user.BirthYear is not null) return RedirectToPage();
        ModelState.Clear();
        if (!CheckBirthYear()) { (VerifiedAt, BirthYear) = (clock.Format(user.VerifiedAt.Value), null); return Page(); }
        user.BirthYear = Input.BirthYear;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user); // polls for an age range read it from the sign-in
        return ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage();
    }

    private bool CheckBirthYear()
    {
        ModelState.Remove("Input.BirthYear"); // one message, this one, also when the binder found no number
        if (BirthYears.Plausible(Input.BirthYear, clock.Now.Year)) return true;
        ModelState.AddModelError("Input.BirthYear", t["Verify.BirthYear.Required", BirthYears.Earliest, clock.Now.Year]);
        return false;
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

    /// <summary>A number outside the years accepted, or none, is said in the page's words (not the binder's).</summary>
    [Display(Name = "Field.BirthYear")]
    public int? BirthYear { get; set; }

    [Display(Name = "Field.VerifyAnswer")]
    public string? Answer { get; set; }
}
