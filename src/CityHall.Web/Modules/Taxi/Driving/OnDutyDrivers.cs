using CityHall.Web.Modules.Taxi.Dispatch;

namespace CityHall.Web.Modules.Taxi.Driving;

/// <summary>
/// At start, puts the drivers recorded as on duty on this node's map (a restarted node would otherwise offer calls
/// to no one until each driver reported again and was read one by one). Their positions come with their next reports.
/// </summary>
public sealed class OnDutyDrivers(IServiceScopeFactory scopes, DriverMap map, ILogger<OnDutyDrivers> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var count = 0;
            await foreach (var driver in db.Set<TaxiDriver>().AsNoTracking().Where(d => d.OnDutySince != null && d.Active)
                               .AsAsyncEnumerable().WithCancellation(stoppingToken))
            {
                map.OnDuty(driver.Id, driver.Traits);
                count++;
            }
            if (count > 0) logger.LogInformation("Taxi: {Count} drivers on duty put on the dispatch map", count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Before migrations ran, or the database is away: drivers are read one by one as they report.
            logger.LogWarning(ex, "Taxi: reading the drivers on duty failed");
        }
    }
}
