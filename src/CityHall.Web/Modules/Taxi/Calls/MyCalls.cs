namespace CityHall.Web.Modules.Taxi.Calls;

/// <summary>
/// A rider's calls, newest first, for "my city"'s taxi block and the list page (/taxi/calls): when, from where,
/// how it ended, the car and the fare. The open call, if any, is the first.
/// </summary>
public sealed record MyCalls(IReadOnlyList<MyCalls.Row> Latest, int Count, long? OpenCallId)
{
    public sealed record Row(long Id, DateTime CalledAt, string? PickupAddress, string? DestinationAddress, TaxiCallState State, string? Plate, long? Fare,
        long? CancellationFee, string? ProblemCase);

    public const int Shown = 5;
    public const string View = "/Modules/Taxi/Calls/_MyCalls.cshtml";

    public static async Task<MyCalls> ReadAsync(AppDbContext db, string riderId, int take, CancellationToken ct)
    {
        var mine = db.Set<TaxiCall>().AsNoTracking().Where(c => c.RiderId == riderId);
        var count = await mine.CountAsync(ct);
        var calls = await mine.OrderByDescending(c => c.Id).Take(take)
            .Select(c => new { c.Id, c.CalledAt, c.PickupAddress, c.DestinationAddress, c.State, c.DriverId, c.Fare, c.CancellationFee, c.ProblemCase })
            .ToListAsync(ct);
        var driverIds = calls.Where(c => c.DriverId != null).Select(c => c.DriverId!.Value).Distinct().ToList();
        var plates = await db.Set<TaxiDriver>().AsNoTracking().Where(d => driverIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Plate, ct);
        var latest = calls.Select(c => new Row(c.Id, c.CalledAt, c.PickupAddress, c.DestinationAddress, c.State,
            c.DriverId is { } driver ? plates.GetValueOrDefault(driver) : null, c.Fare, c.CancellationFee, c.ProblemCase)).ToList();
        var open = latest.FirstOrDefault(r => CallDesk.Open.Contains(r.State))?.Id;
        return new MyCalls(latest, count, open);
    }

    /// <summary>The "my city" block: null (the block says the rider has not called yet) when there is nothing.</summary>
    public static async Task<object?> LoadAsync(IServiceProvider services, string userId, CancellationToken ct) =>
        await ReadAsync(services.GetRequiredService<AppDbContext>(), userId, Shown, ct) is { Count: > 0 } mine ? mine : null;
}
