using CityHall.Web.Modules.Taxi.Dispatch;

namespace CityHall.Web.Modules.Taxi.Driving;

/// <summary>
/// At start, puts the drivers recorded as on duty on this node's map (a restarted node would otherwise offer calls
/// to no one until each driver reported again and was read one by one), those on a trip as busy with it. Their
/// positions come with their next reports.
/// </summary>
public sealed class OnDutyDrivers(IServiceScopeFactory scopes, DriverMap map, ILogger<OnDutyDrivers> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var trips = await TripsAsync(db, stoppingToken);
            var count = 0;
            await foreach (var driver in db.Set<TaxiDriver>().AsNoTracking().Where(d => d.OnDutySince != null && d.Active)
                               .AsAsyncEnumerable().WithCancellation(stoppingToken))
            {
                map.OnDuty(driver.Id, driver.Traits);
                if (trips.TryGetValue(driver.Id, out var callId)) map.SetState(driver.Id, DriverState.Busy, callId);
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

    /// <summary>
    /// The drivers on a trip (a car assigned and the trip not ended), with its call — the latest, should records ever hold
    /// two (a reconciliation must not fail on one bad row, or it would fail every time).
    /// </summary>
    public static async Task<Dictionary<long, long>> TripsAsync(AppDbContext db, CancellationToken ct, long? driverId = null)
    {
        var trips = await db.Set<TaxiCall>().AsNoTracking()
            .Where(c => Calls.CallDesk.Open.Contains(c.State) && c.DriverId != null && (driverId == null || c.DriverId == driverId))
            .OrderBy(c => c.Id).Select(c => new { Driver = c.DriverId!.Value, c.Id }).ToListAsync(ct);
        var byDriver = new Dictionary<long, long>();
        foreach (var trip in trips) byDriver[trip.Driver] = trip.Id;
        return byDriver;
    }
}
