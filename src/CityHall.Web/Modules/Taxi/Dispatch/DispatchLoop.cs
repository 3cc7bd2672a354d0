using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Dispatch;

/// <summary>
/// Runs the <see cref="Dispatcher"/>'s rounds when they are due (or sooner when a call comes in and is woken for)
/// and records what each decided: offers made and expired, drivers paused, riders told no car was found yet.
/// At start the calls still waiting go back into the queue. One node dispatches a city area at a time; across
/// nodes that takes a Redis lease (see the module's README: next).
/// </summary>
public sealed class DispatchLoop(Dispatcher dispatcher, IServiceScopeFactory scopes, IOptionsMonitor<TaxiOptions> options, TimeProvider clock,
    ILogger<DispatchLoop> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Asks for the schedule to be looked at again (a call came in, a driver answered).</summary>
    public void Wake()
    {
        try { if (wake.CurrentCount == 0) wake.Release(); }
        catch (SemaphoreFullException) { } // already woken
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ReopenWaitingCallsAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = dispatcher.NextRoundAt() - clock.GetUtcNow();
            if (due > TimeSpan.Zero)
            {
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var woken = wake.WaitAsync(waiting.Token);
                await Task.WhenAny(woken, Task.Delay(due, clock, waiting.Token));
                await waiting.CancelAsync();
                try { await woken; } catch (OperationCanceledException) { }
                continue; // the schedule may have changed: look again
            }
            try
            {
                var round = dispatcher.Round();
                if (round.Offered.Count + round.Expired.Count + round.NoCarFound.Count + round.DriversPaused.Count > 0) await RecordAsync(round, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Taxi dispatch round failed");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    private async Task RecordAsync(DispatchRound round, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var offer in round.Offered)
            db.Add(new TaxiOffer
            {
                CallId = offer.CallId, DriverId = offer.DriverId, OfferedAt = offer.OfferedAt.UtcDateTime, ExpiresAt = offer.ExpiresAt.UtcDateTime,
                PickupSeconds = offer.PickupSeconds, Meters = offer.Meters,
            });
        var offeredCalls = round.Offered.Select(o => o.CallId).ToList();
        if (offeredCalls.Count > 0)
            await db.Set<TaxiCall>().Where(c => offeredCalls.Contains(c.Id) && c.FirstOfferAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.FirstOfferAt, now), ct);
        foreach (var expired in round.Expired)
            await db.Set<TaxiOffer>().Where(o => o.CallId == expired.CallId && o.DriverId == expired.DriverId && o.Outcome == null)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Outcome, TaxiOfferOutcome.Expired).SetProperty(o => o.AnsweredAt, expired.ExpiresAt.UtcDateTime), ct);
        foreach (var paused in round.DriversPaused)
            await db.Set<TaxiDriver>().Where(d => d.Id == paused)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.PausedUntil, now + TimeSpan.FromMinutes(options.CurrentValue.PauseMinutes)), ct);
        var noCar = round.NoCarFound.ToList();
        if (noCar.Count > 0)
            await db.Set<TaxiCall>().Where(c => noCar.Contains(c.Id) && c.State == TaxiCallState.Waiting)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.NoCarSince, now), ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task ReopenWaitingCallsAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var waiting = await db.Set<TaxiCall>().AsNoTracking().Where(c => c.State == TaxiCallState.Waiting).ToListAsync(ct);
            // Offers still open were made by a dispatcher that is gone: they lapse, and the calls are offered afresh.
            await db.Set<TaxiOffer>().Where(o => o.Outcome == null)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Outcome, TaxiOfferOutcome.Withdrawn), ct);
            foreach (var call in waiting)
                dispatcher.Open(call.Id, call.PickupLatitude, call.PickupLongitude, new CallNeeds(call.Needs, call.Language),
                    new DateTimeOffset(call.CalledAt, TimeSpan.Zero), call.SearchRadiusMeters);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Taxi: reopening the waiting calls failed");
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }
}
