using CityHall.Web.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi;

/// <summary>
/// Forgetting trips' personal details: the pickup and destination addresses, the destination's point, the rating
/// comment and the safe-ride link go, and the pickup point is rounded to two decimal places (about a kilometre), enough
/// for demand by area. Times, state, district, fare and rating stay, so the operators' figures do not change. Run for a
/// rider's erasure and, by <see cref="TripDetailsRetention"/>, for every trip older than <see cref="TaxiOptions.TripDetailsDays"/>.
/// </summary>
public static class TripDetails
{
    public static Task<int> ForgetAsync(IQueryable<TaxiCall> calls, DateTime now, CancellationToken ct) =>
        calls.Where(c => c.DetailsForgottenAt == null).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.PickupAddress, (string?)null)
            .SetProperty(c => c.PickupLatitude, c => (double)(long)(c.PickupLatitude * 100) / 100)
            .SetProperty(c => c.PickupLongitude, c => (double)(long)(c.PickupLongitude * 100) / 100)
            .SetProperty(c => c.DestinationAddress, (string?)null)
            .SetProperty(c => c.DestinationLatitude, (double?)null)
            .SetProperty(c => c.DestinationLongitude, (double?)null)
            .SetProperty(c => c.RatingComment, (string?)null)
            .SetProperty(c => c.SafeRideTokenHash, (byte[]?)null)
            .SetProperty(c => c.CallbackPhone, (string?)null)
            .SetProperty(c => c.DetailsForgottenAt, now), ct);
}

/// <summary>Every hour, forgets the personal details of trips called more than <see cref="TaxiOptions.TripDetailsDays"/> ago (ended ones only).</summary>
public sealed class TripDetailsRetention(IServiceScopeFactory scopes, IOptionsMonitor<TaxiOptions> options, TimeProvider clock, ILogger<TripDetailsRetention> logger)
    : PeriodicJob(logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);
    protected override bool RunAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken ct) => await ForgetDueAsync(ct);

    public async Task<int> ForgetDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.CurrentValue.TripDetailsDays);
        var forgotten = await TripDetails.ForgetAsync(
            db.Set<TaxiCall>().Where(c => c.DetailsForgottenAt == null && c.CalledAt < cutoff && !Calls.CallDesk.Open.Contains(c.State)), now, ct);
        if (forgotten > 0) logger.LogInformation("Forgot the personal details of {Count} taxi trips called before {Cutoff:u}", forgotten, cutoff);
        return forgotten;
    }
}
