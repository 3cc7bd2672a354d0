using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Portal.Public;

public sealed class HomeModel(IOptionsMonitor<CityOptions> city) : PageModel
{
    public CityOptions City => city.CurrentValue;

    public void OnGet() { }
}
