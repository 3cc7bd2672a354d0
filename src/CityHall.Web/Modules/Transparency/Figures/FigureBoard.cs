using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Figures;
using CityHall.Web.Platform.Modules;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Transparency.Figures;

/// <summary>A figure as the dashboard shows it: its module, definition and values — or null values when its module could not count them now.</summary>
public sealed record ShownFigure(string Module, FigureDefinition Definition, FigureResult? Result);

/// <summary>
/// Every module's registered figures, counted by the modules themselves (each in its own scope) and kept for
/// <see cref="TransparencyOptions.CacheMinutes"/>: a dashboard read by many citizens costs one count per figure and
/// period. A figure whose module fails to count is shown as unavailable, and logged, rather than failing the page.
/// </summary>
public sealed class FigureBoard(ModuleRegistry modules, IServiceScopeFactory scopes, IMemoryCache cache, CityClock clock,
    IOptionsMonitor<TransparencyOptions> options, ILogger<FigureBoard> logger)
{
    public IReadOnlyList<(string Module, FigureDefinition Figure)> Definitions => modules.Figures;

    public (string Module, FigureDefinition Figure)? Find(string code) =>
        modules.Figures.FirstOrDefault(f => string.Equals(f.Figure.Code, code, StringComparison.Ordinal)) is { Figure: not null } found ? found : null;

    public DateOnly Today => DateOnly.FromDateTime(clock.Now.DateTime);

    public FigurePeriod LastTwelveMonths => FigurePeriod.LastTwelveMonths(Today, clock.CurrentZone);

    public FigurePeriod Year(int year) => FigurePeriod.Year(year, clock.CurrentZone);

    /// <summary>The calendar years a reader may choose, latest first.</summary>
    public IReadOnlyList<int> Years => [.. Enumerable.Range(options.CurrentValue.FirstFigureYear, Math.Max(0, Today.Year - options.CurrentValue.FirstFigureYear + 1)).Reverse()];

    public FigurePeriod LastMonths(int months) => new(new DateOnly(Today.Year, Today.Month, 1).AddMonths(1 - months), months, clock.CurrentZone);

    public async Task<IReadOnlyList<ShownFigure>> AllAsync(FigurePeriod period, CancellationToken ct)
    {
        var shown = new List<ShownFigure>();
        foreach (var (module, figure) in modules.Figures) shown.Add(new(module, figure, await ComputeAsync(figure, period, ct)));
        return shown;
    }

    public async Task<FigureResult?> ComputeAsync(FigureDefinition figure, FigurePeriod period, CancellationToken ct)
    {
        // A snapshot is the same whatever period is asked.
        var key = figure.Snapshot ? ("figure", figure.Code, DateOnly.MinValue, 0) : ("figure", figure.Code, period.FirstMonth, period.Months);
        if (cache.TryGetValue(key, out FigureResult? kept)) return kept;
        // Readers arriving while a figure is being counted wait for that count instead of starting their own.
        var counting = inFlight.GetOrAdd(key, _ => CountAsync(figure, period, key));
        try { return await counting.WaitAsync(ct); }
        finally { if (counting.IsCompleted) inFlight.TryRemove(new KeyValuePair<(string, string, DateOnly, int), Task<FigureResult?>>(key, counting)); }
    }

    /// <summary>Counts every figure for the period again and keeps the new values, whether or not older ones are kept (the warmer's way).</summary>
    public async Task RecountAsync(FigurePeriod period, CancellationToken ct)
    {
        foreach (var (_, figure) in modules.Figures)
        {
            ct.ThrowIfCancellationRequested();
            var key = figure.Snapshot ? ("figure", figure.Code, DateOnly.MinValue, 0) : ("figure", figure.Code, period.FirstMonth, period.Months);
            await inFlight.GetOrAdd(key, _ => CountAsync(figure, period, key));
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, DateOnly, int), Task<FigureResult?>> inFlight = new();

    private async Task<FigureResult?> CountAsync(FigureDefinition figure, FigurePeriod period, (string, string, DateOnly, int) key)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // Not the first reader's cancellation: the others wait for this count too.
            var result = await figure.ComputeAsync(scope.ServiceProvider, period, CancellationToken.None);
            cache.Set(key, result, TimeSpan.FromMinutes(options.CurrentValue.CacheMinutes));
            return result;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Figure {Figure} could not be counted for {First} + {Months} months", figure.Code, period.FirstMonth, period.Months);
            return null;
        }
        finally { inFlight.TryRemove(key, out _); }
    }
}
