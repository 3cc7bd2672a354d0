using System.Text.Json;

namespace CityHall.Web.Modules.Accounts.Public;

/// <summary>Download my data (JSON) and delete my account, confirmed with the password.</summary>
[Authorize]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class MyDataModel(UserManager<CityHallUser> users, SignInManager<CityHallUser> signIn, PersonalData personalData,
    IStringLocalizer<Text> t) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [BindProperty]
    public DeleteAccountInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var export = await personalData.ExportAsync(user, HttpContext.RequestAborted);
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", "my-data.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return Page();
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError("Input.Password", t["Identity.PasswordMismatch"]);
            return Page();
        }
        var result = await personalData.DeleteAsync(user, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        await signIn.SignOutAsync();
        TempData["AccountDeleted"] = true;
        return RedirectToPage("/Modules/Accounts/Public/Deleted");
    }
}

public sealed class DeleteAccountInput
{
    [Display(Name = "Field.Password")]
    [Required(ErrorMessage = "SignUp.Password.Required")]
    public string Password { get; set; } = "";
}
