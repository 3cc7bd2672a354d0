namespace CityHall.Web.Modules.Accounts.Public;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ResetPasswordModel(UserManager<CityHallUser> users, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ResetPasswordInput Input { get; set; } = new();

    public IActionResult OnGet()
    {
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError("Input.Code", t["Identity.InvalidCode"]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Input.Code.Trim(), Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.NewPassword" : "Input.Code", error.Description);
            return Page();
        }
        // A reset also ends a lockout: the person has just proved they hold the address.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["PasswordReset"] = true;
        return RedirectToPage("/Modules/Accounts/Public/SignIn");
    }
}

public sealed class ResetPasswordInput
{
    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "SignUp.Email.Required")]
    public string Email { get; set; } = "";

    [Display(Name = "Field.Code")]
    [Required(ErrorMessage = "Confirm.Code.Required")]
    [RegularExpression(@"^\s*\d{6}\s*$", ErrorMessage = "Confirm.Code.Format")]
    public string Code { get; set; } = "";

    [Display(Name = "Field.NewPassword")]
    [Required(ErrorMessage = "SignUp.Password.Required")]
    [StringLength(128, ErrorMessage = "SignUp.Password.TooLong")]
    public string NewPassword { get; set; } = "";
}
