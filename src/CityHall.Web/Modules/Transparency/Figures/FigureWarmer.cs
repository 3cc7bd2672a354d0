using CityHall.Web.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Transparency.Figures;

/// <summary>
/// Keeps the dashboard's default (the last twelve months) counted in the background, at half the keeping time, so
/// citizens read kept figures instead of waiting for a count: over a big city's year of complaints (1,000,000 cases)
/// counting every figure takes about 11 s (bench/run.sh transparency). Not at start-up, where it would compete with
/// the node starting; the first readers after a start share one count (<see cref="FigureBoard"/>).
/// </summary>
public sealed class FigureWarmer(FigureBoard board, IOptionsMonitor<TransparencyOptions> options, ILogger<FigureWarmer> logger) : PeriodicJob(logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(Math.Max(1, options.CurrentValue.CacheMinutes / 2.0));

    protected override Task RunOnceAsync(CancellationToken ct) => board.RecountAsync(board.LastTwelveMonths, ct);
}
