namespace CityHall.Web.Modules.Accounts.Public;

[Authorize]
public sealed class WelcomeModel : PageModel
{
    public void OnGet() { }
}
