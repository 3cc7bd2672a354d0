namespace CityHall.Web.Modules.Portal.Public;

/// <summary>The page the service worker shows for a page it has not kept when there is no connection.</summary>
public sealed class OfflineModel : PageModel
{
    public void OnGet() { }
}
