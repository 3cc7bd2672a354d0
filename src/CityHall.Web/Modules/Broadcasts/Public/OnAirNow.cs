namespace CityHall.Web.Modules.Broadcasts.Public;

/// <summary>The home page's broadcasts block: what is on each of the city's channels now and next.</summary>
public sealed record OnAirNow(IReadOnlyList<BroadcastGuide.NowAndNext> Channels)
{
    public const string View = "/Modules/Broadcasts/Public/_OnAirNow.cshtml";

    public static async Task<object?> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var channels = (await services.GetRequiredService<BroadcastGuide>().NowAndNextAsync(ct))
            .Where(c => c.OnNow is not null || c.Next is not null).ToList();
        return channels.Count == 0 ? null : new OnAirNow(channels);
    }
}
