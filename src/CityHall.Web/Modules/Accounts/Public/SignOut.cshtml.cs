namespace CityHall.Web.Modules.Accounts.Public;

/// <summary>Signing out ends this browser's session on the server too, so a copy of its cookie stops working.</summary>
public sealed class SignOutModel(SignInManager<CityHallUser> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await SessionTracking.SignOutAsync(HttpContext, signIn);
        return Redirect("/");
    }
}
