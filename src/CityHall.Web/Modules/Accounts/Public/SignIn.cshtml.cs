using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Accounts.Public;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<CityHallUser> signIn, UserManager<CityHallUser> users, AccountCodes codes,
    CityClock clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError("Input.Email", t["SignIn.Wrong"]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            AccountCookies.WriteCulture(Response, user);
            return LocalRedirect(SafeReturnUrl());
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Modules/Accounts/Public/SignInTwoFactor", new { returnUrl = SafeReturnUrl() });
        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            ModelState.AddModelError("Input.Email", t["SignIn.LockedOut", until is null ? "" : clock.Format(until.Value)]);
            return Page();
        }
        if (result.IsNotAllowed && !user.EmailConfirmed && await users.CheckPasswordAsync(user, Input.Password))
        {
            // Right password, address not yet confirmed: send a fresh code and go to the code page.
            await codes.SendConfirmationAsync(user);
            return RedirectToPage("/Modules/Accounts/Public/Confirm", new { email = user.Email });
        }
        ModelState.AddModelError("Input.Email", t["SignIn.Wrong"]);
        return Page();
    }

    private string SafeReturnUrl() => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}

public sealed class SignInInput
{
    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "SignUp.Email.Required")]
    public string Email { get; set; } = "";

    [Display(Name = "Field.Password")]
    [Required(ErrorMessage = "SignUp.Password.Required")]
    public string Password { get; set; } = "";
}
