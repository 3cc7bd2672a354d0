using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Portal.Public;

public sealed class HomeModel(IOptions<CityOptions> city) : PageModel
{
    public CityOptions City => city.Value;

    public void OnGet() { }
}
