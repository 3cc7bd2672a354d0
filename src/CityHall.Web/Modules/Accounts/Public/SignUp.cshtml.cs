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
        var email = Input.Email.Trim();

        // A weak password is refused the same way whether or not the address has an account.
        var user = new CityHallUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            PreferredCulture = CultureInfo.CurrentUICulture.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        foreach (var validator in users.PasswordValidators)
            foreach (var error in (await validator.ValidateAsync(users, user, Input.Password)).Errors)
                ModelState.AddModelError("Input.Password", error.Description);
        if (!ModelState.IsValid) return Page();

        if (await users.FindByEmailAsync(email) is { } existing)
            return await AlreadyRegisteredAsync(existing);

        // The account and its confirmation code land together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            // Signed up twice at the same moment: the other request made the account.
            if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName") && await users.FindByEmailAsync(email) is { } raced)
                return await AlreadyRegisteredAsync(raced);
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

    /// <summary>The same answer as for a new address; the owner is told by e-mail.</summary>
    private async Task<IActionResult> AlreadyRegisteredAsync(CityHallUser existing)
    {
        await codes.SendAlreadyRegisteredAsync(existing);
        return RedirectToPage("/Modules/Accounts/Public/Confirm", new { email = Input.Email.Trim() });
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
