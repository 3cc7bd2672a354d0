namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// A background task run every <see cref="Period"/> on real time (the app's clock may be a test's,
/// moved by days; the schedule must not fire once per skipped period). A failed run is logged and
/// the next one comes as planned.
/// </summary>
public abstract class PeriodicJob(ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Period { get; }

    /// <summary>True to run once at start before waiting the first period.</summary>
    protected virtual bool RunAtStart => false;

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        if (RunAtStart) await RunSafelyAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await RunSafelyAsync(stoppingToken);
    }

    private async Task RunSafelyAsync(CancellationToken ct)
    {
        try { await RunOnceAsync(ct); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{Job} failed; it runs again in {Period}", GetType().Name, Period);
        }
    }
}
