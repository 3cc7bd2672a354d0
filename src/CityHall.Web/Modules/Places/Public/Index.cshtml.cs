using Microsoft.AspNetCore.OutputCaching;

namespace CityHall.Web.Modules.Places.Public;

/// <summary>The places directory's front page: each kind with how many places the city knows, a way to browse it and to find the nearest.</summary>
[OutputCache(PolicyName = Platform.Web.OutputCaching.PublicShort)]
public sealed class IndexModel(PlaceIndex index) : PageModel
{
    public PlaceIndex.Snapshot Places { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Places = await index.GetAsync(ct);
}
