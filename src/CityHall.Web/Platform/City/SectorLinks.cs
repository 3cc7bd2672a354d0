using CityHall.Web.Platform.Modules;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.City;

/// <summary>
/// Where each of the city's sectors leads: the address the city set, else the page of the module
/// that registered the sector, else the sector's content page (/pages/{code}), which staff write.
/// </summary>
public sealed class SectorLinks(IOptionsMonitor<CityOptions> city, ModuleRegistry modules)
{
    public sealed record Link(SectorSetting Sector, string Href);

    public IReadOnlyList<Link> Current()
    {
        var served = modules.PortalSectors.GroupBy(s => s.SectorCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Href, StringComparer.OrdinalIgnoreCase);
        return city.CurrentValue.Sectors.Select(s => new Link(s,
            !string.IsNullOrWhiteSpace(s.Href) ? s.Href
            : served.TryGetValue(s.Code, out var href) ? href
            : "/pages/" + Uri.EscapeDataString(s.Code))).ToList();
    }
}
