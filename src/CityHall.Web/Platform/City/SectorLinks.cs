using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.City;

/// <summary>
/// Where each of the city's sectors leads: the address the city set for it, else its sector page
/// (/sectors/{code}), which lists the modules' services in it and the text staff wrote for it.
/// </summary>
public sealed class SectorLinks(IOptionsMonitor<CityOptions> city)
{
    public sealed record Link(SectorSetting Sector, string Href);

    public IReadOnlyList<Link> Current() =>
        city.CurrentValue.Sectors.Select(s => new Link(s, !string.IsNullOrWhiteSpace(s.Href) ? s.Href : PageOf(s.Code))).ToList();

    public static string PageOf(string code) => "/sectors/" + Uri.EscapeDataString(code);
}
