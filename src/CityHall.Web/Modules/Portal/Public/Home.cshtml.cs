using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Portal.Public;

/// <summary>
/// The home page: the city's sectors, then what is happening in the city today, one block per module that has
/// something to show (<see cref="Portal.HomeBlocks"/>). Anonymous visitors share the page for two seconds.
/// </summary>
[OutputCache(PolicyName = Platform.Web.OutputCaching.PublicShort)]
public sealed class HomeModel(IOptionsMonitor<CityOptions> city, SectorLinks sectors, HomeBlocks blocks) : PageModel
{
    public CityOptions City => city.CurrentValue;

    public IReadOnlyList<SectorLinks.Link> Sectors => sectors.Current();

    public IReadOnlyList<HomeBlocks.Shown> Blocks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Blocks = await blocks.CurrentAsync(HttpContext.RequestServices, ct);
}
