using System.Globalization;

namespace CityHall.Web.Modules.Accounts.Public;

[EnableRateLimiting(RateLimits.SignUp)]
public sealed class SignUpModel(UserManager<CityHallUser> users, AccountCodes codes, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var user = new CityHallUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            PreferredCulture = CultureInfo.CurrentUICulture.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        // The account and its confirmation code land together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, error.Description);
            }
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Citizen);
        await codes.SendConfirmationAsync(user);
        await tx.CommitAsync();
        return RedirectToPage("/Modules/Accounts/Public/Confirm", new { email = user.Email });
    }
}

public sealed class SignUpInput
{
    [Display(Name = "Field.DisplayName")]
    [Required(ErrorMessage = "SignUp.DisplayName.Required")]
    [StringLength(100, ErrorMessage = "SignUp.DisplayName.TooLong")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "SignUp.Email.Required")]
    [EmailAddress(ErrorMessage = "Identity.InvalidEmail")]
    [StringLength(254, ErrorMessage = "Identity.InvalidEmail")]
    public string Email { get; set; } = "";

    [Display(Name = "Field.Password")]
    [Required(ErrorMessage = "SignUp.Password.Required")]
    [StringLength(128, ErrorMessage = "SignUp.Password.TooLong")]
    public string Password { get; set; } = "";
}
