using Microsoft.AspNetCore.OutputCaching;

namespace CityHall.Web.Modules.Broadcasts.Public;

/// <summary>The broadcasting sector: each channel with what is on now and next, how to tune in, and its live stream.</summary>
[OutputCache(PolicyName = Platform.Web.OutputCaching.PublicShort)]
public sealed class IndexModel(BroadcastGuide guide) : PageModel
{
    public IReadOnlyList<BroadcastGuide.NowAndNext> Channels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Channels = await guide.NowAndNextAsync(ct);
}
