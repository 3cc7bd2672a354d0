namespace CityHall.Web.Modules.Accounts.Public;

/// <summary>Asks for the address and e-mails a six-digit reset code. The answer is the same whether or not the address has an account.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(UserManager<CityHallUser> users, AccountCodes codes) : PageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: true })
        {
            await codes.SendPasswordResetAsync(user);
        }
        return RedirectToPage("/Modules/Accounts/Public/ResetPassword", new { email = Input.Email.Trim() });
    }
}

public sealed class ForgotPasswordInput
{
    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "SignUp.Email.Required")]
    [EmailAddress(ErrorMessage = "Identity.InvalidEmail")]
    public string Email { get; set; } = "";
}
