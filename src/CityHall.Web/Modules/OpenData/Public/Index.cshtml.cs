using Microsoft.AspNetCore.OutputCaching;

namespace CityHall.Web.Modules.OpenData.Public;

/// <summary>The catalogue for people: each dataset with what it holds, its licence and credits, when it changed, and its downloads.</summary>
[OutputCache(PolicyName = Platform.Web.OutputCaching.PublicShort)]
public sealed class IndexModel(OpenDataCatalogue catalogue) : PageModel
{
    public IReadOnlyList<OpenDataCatalogue.Entry> Entries { get; private set; } = [];
    public OpenDataOptions Options => catalogue.Options;

    public async Task OnGetAsync(CancellationToken ct) => Entries = await catalogue.EntriesAsync(ct);
}
