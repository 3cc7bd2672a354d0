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
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await figure.ComputeAsync(scope.ServiceProvider, period, ct);
            cache.Set(key, result, TimeSpan.FromMinutes(options.CurrentValue.CacheMinutes));
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Figure {Figure} could not be counted for {First} + {Months} months", figure.Code, period.FirstMonth, period.Months);
            return null;
        }
    }
}
