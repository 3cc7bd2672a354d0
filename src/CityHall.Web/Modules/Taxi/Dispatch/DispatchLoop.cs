using CityHall.Web.Modules.Taxi.Driving;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Dispatch;

/// <summary>
/// The dispatch service. While this node holds the <see cref="DispatchLease"/> (always, on one node) it takes the calls
/// and answers every node posts to the <see cref="DispatchInbox"/>, runs the <see cref="Dispatcher"/>'s rounds when they
/// are due and records what each decided: offers made and expired, drivers paused, riders told no car was found yet.
/// On taking the lease it withdraws the offers still open (their dispatcher is gone) and loads the waiting calls; every
/// few seconds it compares its queue with the database's waiting calls, and its map with the drivers on duty and on a
/// trip, so a message lost between nodes costs seconds, not a call. A node without the lease drops what is posted.
/// </summary>
public sealed class DispatchLoop(Dispatcher dispatcher, DriverMap map, DispatchInbox inbox, DispatchLease lease, Live.TaxiPush push, IServiceScopeFactory scopes,
    IOptionsMonitor<TaxiOptions> options, TimeProvider clock, ILogger<DispatchLoop> logger) : BackgroundService
{
    /// <summary>Whether this node was dispatching at its last look (for tests and the operators' page).</summary>
    public bool Dispatching { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextLease = DateTimeOffset.MinValue;
        var nextCalls = DateTimeOffset.MinValue;
        var nextDrivers = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var now = clock.GetUtcNow();
                    var settings = options.CurrentValue;
                    var held = lease.Held;
                    if (now >= nextLease)
                    {
                        held = await lease.RefreshAsync();
                        nextLease = now + lease.RenewEvery;
                    }
                    if (held != Dispatching)
                    {
                        Dispatching = held;
                        if (held) { await TakeOverAsync(stoppingToken); (nextCalls, nextDrivers) = (now + TimeSpan.FromSeconds(settings.ReconcileCallsSeconds), now); }
                        else { dispatcher.Clear(); logger.LogInformation("Taxi: this node no longer dispatches"); }
                    }
                    if (!held)
                    {
                        while (inbox.TryTake(out _)) { } // the holder has them
                        await inbox.WaitAsync(nextLease - now, clock, stoppingToken);
                        continue;
                    }

                    await HandleInboxAsync(stoppingToken);
                    if (now >= nextDrivers)
                    {
                        await ReconcileDriversAsync(stoppingToken);
                        nextDrivers = now + TimeSpan.FromSeconds(settings.ReconcileDriversSeconds);
                    }
                    if (now >= nextCalls)
                    {
                        await ReconcileCallsAsync(stoppingToken);
                        nextCalls = now + TimeSpan.FromSeconds(settings.ReconcileCallsSeconds);
                    }
                    var due = Min(dispatcher.NextRoundAt(), nextLease, nextCalls, nextDrivers) - clock.GetUtcNow();
                    if (due > TimeSpan.Zero)
                    {
                        await inbox.WaitAsync(due, clock, stoppingToken);
                        continue; // something was posted, or something is due: look again
                    }
                    if (dispatcher.NextRoundAt() > clock.GetUtcNow() || !lease.Held) continue; // never a round on a lease that may have lapsed
                    var round = dispatcher.Round();
                    if (round.Offered.Count + round.Expired.Count + round.NoCarFound.Count + round.DriversPaused.Count > 0) await RecordAsync(round, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Taxi dispatch failed; trying again in a second");
                    await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
                }
            }
        }
        finally
        {
            Dispatching = false;
            await lease.ReleaseAsync();
        }
    }

    private static DateTimeOffset Min(params ReadOnlySpan<DateTimeOffset> times)
    {
        var min = DateTimeOffset.MaxValue;
        foreach (var t in times) if (t < min) min = t;
        return min;
    }

    /// <summary>Calls opened, closed and widened, and drivers' answers, wherever they were taken.</summary>
    private async Task HandleInboxAsync(CancellationToken ct)
    {
        var withdrawn = new List<Offer>();
        var paused = new List<long>();
        while (inbox.TryTake(out var e))
        {
            switch (e.Kind)
            {
                case TaxiEventKind.CallOpened:
                    dispatcher.Open(e.CallId, e.Latitude, e.Longitude, new CallNeeds(e.Features, e.Language), e.At, e.RadiusMeters);
                    break;
                case TaxiEventKind.CallWidened:
                    if (!dispatcher.Widen(e.CallId, e.RadiusMeters))
                        dispatcher.Open(e.CallId, e.Latitude, e.Longitude, new CallNeeds(e.Features, e.Language), clock.GetUtcNow(), e.RadiusMeters);
                    break;
                case TaxiEventKind.CallClosed:
                    if (dispatcher.Close(e.CallId) is { } closed) withdrawn.Add(closed);
                    break;
                case TaxiEventKind.OfferAccepted:
                    if (dispatcher.Assigned(e.CallId, e.DriverId) is { } crossed) withdrawn.Add(crossed);
                    break;
                case TaxiEventKind.OfferDeclined:
                    if (dispatcher.Decline(e.CallId, e.DriverId) == DeclineOutcome.DeclinedAndPaused) paused.Add(e.DriverId);
                    break;
            }
        }
        if (withdrawn.Count + paused.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await WithdrawAsync(db, withdrawn, ct);
        await PauseAsync(db, paused, ct);
        foreach (var driverId in withdrawn.Select(o => o.DriverId).Concat(paused).Distinct()) push.DriverChanged(driverId);
    }

    private async Task RecordAsync(DispatchRound round, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        // Expiries first: an offer accepted in its last moment is not marked expired (the acceptance's message follows).
        foreach (var expired in round.Expired)
            await db.Set<TaxiOffer>().Where(o => o.CallId == expired.CallId && o.DriverId == expired.DriverId && o.Outcome == null)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Outcome, TaxiOfferOutcome.Expired).SetProperty(o => o.AnsweredAt, expired.ExpiresAt.UtcDateTime), ct);
        await PauseAsync(db, round.DriversPaused, ct);
        foreach (var offer in round.Offered)
            db.Add(new TaxiOffer
            {
                CallId = offer.CallId, DriverId = offer.DriverId, OfferedAt = offer.OfferedAt.UtcDateTime, ExpiresAt = offer.ExpiresAt.UtcDateTime,
                PickupSeconds = offer.PickupSeconds, Meters = offer.Meters,
            });
        await db.SaveChangesAsync(ct);
        var offeredCalls = round.Offered.Select(o => o.CallId).ToList();
        if (offeredCalls.Count > 0)
            await db.Set<TaxiCall>().Where(c => offeredCalls.Contains(c.Id) && c.FirstOfferAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.FirstOfferAt, now), ct);
        var noCar = round.NoCarFound.ToList();
        if (noCar.Count > 0)
            await db.Set<TaxiCall>().Where(c => noCar.Contains(c.Id) && c.State == TaxiCallState.Waiting)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.NoCarSince, now), ct);
        // Only once recorded: a driver's page told of an offer reads it from the database.
        foreach (var driverId in round.Offered.Select(o => o.DriverId).Concat(round.Expired.Select(o => o.DriverId)).Concat(round.DriversPaused).Distinct())
            push.DriverChanged(driverId);
        foreach (var callId in noCar) push.CallChanged(callId);
    }

    private async Task WithdrawAsync(AppDbContext db, IReadOnlyList<Offer> offers, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var offer in offers)
            await db.Set<TaxiOffer>().Where(o => o.CallId == offer.CallId && o.DriverId == offer.DriverId && o.Outcome == null)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Outcome, TaxiOfferOutcome.Withdrawn).SetProperty(o => o.AnsweredAt, now), ct);
    }

    private async Task PauseAsync(AppDbContext db, IReadOnlyList<long> drivers, CancellationToken ct)
    {
        if (drivers.Count == 0) return;
        var until = clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(options.CurrentValue.PauseMinutes);
        var ids = drivers.ToList();
        await db.Set<TaxiDriver>().Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u.SetProperty(d => d.PausedUntil, until), ct);
    }

    /// <summary>Taking over: offers still open were made by a dispatcher that is gone; they lapse, and the waiting calls are offered afresh.</summary>
    private async Task TakeOverAsync(CancellationToken ct)
    {
        dispatcher.Clear();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<TaxiOffer>().Where(o => o.Outcome == null)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Outcome, TaxiOfferOutcome.Withdrawn).SetProperty(o => o.AnsweredAt, now), ct);
        var waiting = await db.Set<TaxiCall>().AsNoTracking().Where(c => c.State == TaxiCallState.Waiting).ToListAsync(ct);
        foreach (var call in waiting) Open(call);
        logger.LogInformation("Taxi: dispatching from now, {Count} calls waiting", waiting.Count);
    }

    private void Open(TaxiCall call) => dispatcher.Open(call.Id, call.PickupLatitude, call.PickupLongitude, new CallNeeds(call.Needs, call.Language),
        new DateTimeOffset(call.CalledAt, TimeSpan.Zero), call.SearchRadiusMeters);

    /// <summary>
    /// The queue against the database: waiting calls it missed are opened; calls that are no longer waiting (cancelled,
    /// or accepted with the message lost) leave it, an accepted one with its driver marked busy.
    /// </summary>
    private async Task ReconcileCallsAsync(CancellationToken ct)
    {
        var queued = dispatcher.CallIds(); // before the database is read: a call opened meanwhile is not taken for a closed one
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var waiting = await db.Set<TaxiCall>().AsNoTracking().Where(c => c.State == TaxiCallState.Waiting).ToListAsync(ct);
        var waitingIds = waiting.Select(c => c.Id).ToHashSet();
        var queuedSet = queued.ToHashSet();
        foreach (var call in waiting.Where(c => !queuedSet.Contains(c.Id))) Open(call);
        var gone = queued.Where(id => !waitingIds.Contains(id)).ToList();
        if (gone.Count == 0) return;
        var assigned = await db.Set<TaxiCall>().AsNoTracking().Where(c => gone.Contains(c.Id) && c.DriverId != null)
            .Select(c => new { c.Id, c.DriverId, c.State }).ToListAsync(ct);
        var withdrawn = new List<Offer>();
        foreach (var id in gone)
        {
            var offer = assigned.FirstOrDefault(a => a.Id == id) is { DriverId: { } driver } a && Calls.CallDesk.Open.Contains(a.State)
                ? dispatcher.Assigned(id, driver) : dispatcher.Close(id);
            if (offer is not null) withdrawn.Add(offer);
        }
        await WithdrawAsync(db, withdrawn, ct);
        foreach (var offer in withdrawn) push.DriverChanged(offer.DriverId);
    }

    /// <summary>
    /// The map against the database: drivers on duty it does not know are added, those off duty removed; drivers on a
    /// trip are busy, and drivers marked busy with no trip are free again (the trip's end was missed).
    /// </summary>
    private async Task ReconcileDriversAsync(CancellationToken ct)
    {
        var known = map.All().ToDictionary(s => s.DriverId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var onDuty = await db.Set<TaxiDriver>().AsNoTracking().Where(d => d.OnDutySince != null && d.Active)
            .Select(d => new { d.Id, d.Features, d.Languages }).ToListAsync(ct);
        var trips = await OnDutyDrivers.TripsAsync(db, ct);
        var onDutyIds = new HashSet<long>();
        foreach (var d in onDuty)
        {
            onDutyIds.Add(d.Id);
            var onTrip = trips.TryGetValue(d.Id, out var callId);
            if (!known.TryGetValue(d.Id, out var spot))
            {
                map.OnDuty(d.Id, CarTraits.Of(d.Features, d.Languages));
                if (onTrip) map.SetState(d.Id, DriverState.Busy, callId);
            }
            else if (onTrip && (spot.State != DriverState.Busy || spot.TripCallId != callId)) map.SetState(d.Id, DriverState.Busy, callId);
            else if (!onTrip && spot.State == DriverState.Busy) map.SetState(d.Id, DriverState.Free);
        }
        foreach (var id in known.Keys.Where(id => !onDutyIds.Contains(id))) map.OffDuty(id);
    }
}
