namespace CityHall.Web.Modules.Accounts.Public;

/// <summary>Second step of a staff sign-in: the six-digit code of the authenticator app (TOTP).</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInTwoFactorModel(SignInManager<CityHallUser> signIn, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Modules/Accounts/Public/SignIn");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Modules/Accounts/Public/SignIn");
        if (!ModelState.IsValid) return Page();
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            AccountCookies.WriteCulture(Response, user);
            return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        ModelState.AddModelError("Input.Code", result.IsLockedOut ? t["SignIn.LockedOut", ""] : t["Identity.InvalidCode"]);
        return Page();
    }
}

public sealed class TwoFactorInput
{
    [Display(Name = "Field.AuthenticatorCode")]
    [Required(ErrorMessage = "Confirm.Code.Required")]
    [RegularExpression(@"^[\s\d-]{6,9}$", ErrorMessage = "Confirm.Code.Format")]
    public string Code { get; set; } = "";
}
