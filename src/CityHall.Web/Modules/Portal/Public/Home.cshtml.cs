using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Portal.Public;

public sealed class HomeModel(IOptionsMonitor<CityOptions> city, SectorLinks sectors) : PageModel
{
    public CityOptions City => city.CurrentValue;

    public IReadOnlyList<SectorLinks.Link> Sectors => sectors.Current();

    public void OnGet() { }
}
