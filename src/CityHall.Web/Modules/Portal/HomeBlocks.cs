using CityHall.Web.Platform.Modules;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Portal;

/// <summary>The portal's settings ("Portal" section).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// How long what the home blocks read is shared by every visitor: a crowd on the home page costs one read per block
    /// this often, and what it shows (an event going on air, a proposal's count) is at most this old.
    /// </summary>
    public TimeSpan HomeBlocksFresh { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// The home page's blocks as they are now: each enabled module's blocks, read through their loaders and kept for
/// <see cref="PortalOptions.HomeBlocksFresh"/>; a block with nothing to show is left out. A loader that throws costs
/// its block, not the home page: it is logged and the block is left out until the next read.
/// </summary>
public sealed class HomeBlocks(ModuleRegistry modules, IMemoryCache cache, IOptionsMonitor<PortalOptions> options, ILogger<HomeBlocks> logger)
{
    public sealed record Shown(string Key, HomeBlock Block, object Model);

    private sealed record Read(object? Model);

    public async Task<IReadOnlyList<Shown>> CurrentAsync(IServiceProvider services, CancellationToken ct)
    {
        var fresh = options.CurrentValue.HomeBlocksFresh;
        var shown = new List<Shown>();
        // One after another: the loaders share the request's database context.
        foreach (var (key, block) in modules.HomeBlocks)
        {
            var read = fresh > TimeSpan.Zero
                ? await cache.GetOrCreateAsync($"home-block:{key}", async entry =>
                {
                    entry.AbsoluteExpirationRelativeToNow = fresh;
                    return await LoadAsync(key, block, services, ct);
                })
                : await LoadAsync(key, block, services, ct);
            if (read?.Model is { } model) shown.Add(new(key, block, model));
        }
        return shown;
    }

    private async Task<Read> LoadAsync(string key, HomeBlock block, IServiceProvider services, CancellationToken ct)
    {
        try
        {
            return new(await block.LoadAsync(services, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Home block {Block} could not be read; it is left out", key);
            return new(null);
        }
    }
}
