namespace CityHall.Web.Modules.Accounts.Public;

public sealed class DeletedModel : PageModel
{
    public void OnGet() { }
}
