using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Portal.Public;

/// <summary>The page the service worker shows for a page it has not kept when there is no connection.</summary>
public sealed class OfflineModel(IOptionsMonitor<CityOptions> city) : PageModel
{
    /// <summary>How to reach the city without the site (its helpline, as in the footer).</summary>
    public string Contact { get; private set; } = "";

    public void OnGet() => Contact = city.CurrentValue.Contact.Current;
}
