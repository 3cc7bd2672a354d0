namespace CityHall.Web.Modules.Accounts.Public;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ConfirmModel(UserManager<CityHallUser> users, SignInManager<CityHallUser> signIn, AccountCodes codes,
    IStringLocalizer<Text> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ConfirmInput Input { get; set; } = new();

    public IActionResult OnGet()
    {
        ModelState.Clear(); // arriving from the sign-up page is not an error
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        // The same answer for an unknown address and a wrong code: the page does not tell who has an account.
        if (user is null || user.EmailConfirmed || !await codes.ConfirmAsync(user, Input.Code))
        {
            ModelState.AddModelError("Input.Code", t["Identity.InvalidCode"]);
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage("/Modules/Accounts/Public/Welcome");
    }

    public async Task<IActionResult> OnPostResendAsync()
    {
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: false }) await codes.SendConfirmationAsync(user);
        TempData["Resent"] = true;
        return RedirectToPage(new { email = Input.Email });
    }
}

public sealed class ConfirmInput
{
    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "SignUp.Email.Required")]
    public string Email { get; set; } = "";

    [Display(Name = "Field.Code")]
    [Required(ErrorMessage = "Confirm.Code.Required")]
    [RegularExpression(@"^\s*\d{6}\s*$", ErrorMessage = "Confirm.Code.Format")]
    public string Code { get; set; } = "";
}
