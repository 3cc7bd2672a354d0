namespace CityHall.Web.Modules.Accounts.Public;

public sealed class SignOutModel(SignInManager<CityHallUser> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
