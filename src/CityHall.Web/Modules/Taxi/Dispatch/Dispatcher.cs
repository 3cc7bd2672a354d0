using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Dispatch;

/// <summary>An offer of a call to one driver, open until it is answered or <see cref="ExpiresAt"/>.</summary>
public sealed record Offer(long CallId, long DriverId, DateTimeOffset OfferedAt, DateTimeOffset ExpiresAt, double PickupSeconds, double Meters);

/// <summary>How an offer ended without being accepted.</summary>
public enum OfferEnd { Declined, Expired, Withdrawn }

/// <summary>
/// What a round did: offers made, offers that ran out, calls with no car yet, drivers paused, and how it matched —
/// the batch's pickup seconds as matched, and what greedy nearest-first would have matched on the same batch (the
/// benchmark's yardstick; equal when the batch was matched greedily).
/// </summary>
public sealed record DispatchRound(
    IReadOnlyList<Offer> Offered,
    IReadOnlyList<Offer> Expired,
    IReadOnlyList<long> NoCarFound,
    IReadOnlyList<long> DriversPaused,
    int Calls,
    int Cars,
    bool Optimal,
    TimeSpan Took)
{
    public (int Matched, double PickupSeconds) Matched { get; init; }
    public (int Matched, double PickupSeconds) Greedy { get; init; }
}

public enum DeclineOutcome { Declined, DeclinedAndPaused, NotOffered }

/// <summary>
/// The calls of one area waiting for a car, and the offers out for them. Rounds run when the oldest waiting call
/// has waited <see cref="TaxiOptions.BatchWindowMilliseconds"/> (and at least every
/// <see cref="TaxiOptions.RoundEveryMilliseconds"/>): each matches every waiting call with the free cars near it as
/// one minimum-cost assignment on estimated pickup times (<see cref="Assignment"/>), greedily when the batch is
/// too large. A call holds one offer at a time; a decline or an expiry sends it back to the next round without that
/// driver, and a driver who misses too many offers is paused. Everything here is in memory and synchronous: the
/// service that runs rounds (holding the area's lease) records their results.
/// </summary>
public sealed class Dispatcher(DriverMap drivers, IPickupTimes pickupTimes, TimeProvider clock, IOptionsMonitor<TaxiOptions> options)
{
    private sealed class Waiting(long callId, double latitude, double longitude, CallNeeds needs, DateTimeOffset calledAt, double radius)
    {
        public long CallId { get; } = callId;
        public double Latitude { get; } = latitude;
        public double Longitude { get; } = longitude;
        public CallNeeds Needs { get; } = needs;
        public DateTimeOffset CalledAt { get; } = calledAt;
        /// <summary>When the call last came (back) into the queue: its batch window starts there.</summary>
        public DateTimeOffset WaitingSince { get; set; } = calledAt;
        public double RadiusMeters { get; set; } = radius;
        public HashSet<long> Declined { get; } = [];
        public Offer? Pending { get; set; }
        public bool NoCarReported { get; set; }
    }

    private readonly Lock gate = new();
    private readonly Dictionary<long, Waiting> calls = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> misses = [];
    private DateTimeOffset lastRound = clock.GetUtcNow();

    public int WaitingCount { get { lock (gate) return calls.Count; } }

    /// <summary>Puts a call in the queue for the next round (again, with its state, if it was already there).</summary>
    public void Open(long callId, double latitude, double longitude, CallNeeds needs, DateTimeOffset calledAt, double? radiusMeters = null)
    {
        lock (gate)
            calls.TryAdd(callId, new Waiting(callId, latitude, longitude, needs, calledAt, radiusMeters ?? options.CurrentValue.SearchRadiusMeters));
    }

    /// <summary>Looks further for a call no car was found for (the rider asked to widen the search).</summary>
    public bool Widen(long callId, double radiusMeters)
    {
        lock (gate)
        {
            if (!calls.TryGetValue(callId, out var call)) return false;
            call.RadiusMeters = Math.Max(call.RadiusMeters, radiusMeters);
            call.NoCarReported = false;
            call.WaitingSince = clock.GetUtcNow();
            return true;
        }
    }

    /// <summary>Takes a call out (cancelled by the rider, or passed to the phone centre); its open offer is withdrawn.</summary>
    public Offer? Close(long callId)
    {
        lock (gate)
        {
            if (!calls.Remove(callId, out var call)) return null;
            if (call.Pending is { } offer) drivers.SetState(offer.DriverId, DriverState.Free);
            return call.Pending;
        }
    }

    /// <summary>The open offer of a call, if any.</summary>
    public Offer? PendingOffer(long callId)
    {
        lock (gate) return calls.TryGetValue(callId, out var call) ? call.Pending : null;
    }

    /// <summary>
    /// The database recorded a driver's acceptance (it decides: the offer was still open and the call still waiting).
    /// The call leaves the queue and the driver is busy. If this dispatcher had meanwhile let the offer lapse and offered
    /// the call to someone else (the acceptance crossed the expiry), that other offer is withdrawn and returned.
    /// </summary>
    public Offer? Assigned(long callId, long driverId)
    {
        lock (gate)
        {
            drivers.SetState(driverId, DriverState.Busy, callId);
            if (!calls.Remove(callId, out var call) || call.Pending is not { } pending || pending.DriverId == driverId) return null;
            drivers.SetState(pending.DriverId, DriverState.Free);
            return pending;
        }
    }

    /// <summary>Forgets every call (this node no longer dispatches, or is about to reload them); drivers holding offers are free.</summary>
    public void Clear()
    {
        lock (gate)
        {
            foreach (var call in calls.Values)
                if (call.Pending is { } offer) drivers.SetState(offer.DriverId, DriverState.Free);
            calls.Clear();
        }
    }

    /// <summary>The calls in the queue (to compare with the database's waiting calls).</summary>
    public IReadOnlyList<long> CallIds()
    {
        lock (gate) return [.. calls.Keys];
    }

    /// <summary>A driver declines: the call goes back to the queue without them; the miss counts towards a pause.</summary>
    public DeclineOutcome Decline(long callId, long driverId)
    {
        lock (gate)
        {
            if (!calls.TryGetValue(callId, out var call) || call.Pending is not { } offer || offer.DriverId != driverId) return DeclineOutcome.NotOffered;
            return EndOffer(call, clock.GetUtcNow()) ? DeclineOutcome.DeclinedAndPaused : DeclineOutcome.Declined;
        }
    }

    /// <summary>When the next round is due: the oldest call without an offer reaching its batch window, or the longest gap.</summary>
    public DateTimeOffset NextRoundAt()
    {
        var settings = options.CurrentValue;
        lock (gate)
        {
            var due = lastRound + TimeSpan.FromMilliseconds(settings.RoundEveryMilliseconds);
            foreach (var call in calls.Values)
            {
                if (call.Pending is { } offer) { if (offer.ExpiresAt < due) due = offer.ExpiresAt; }
                else if (!call.NoCarReported && call.WaitingSince + TimeSpan.FromMilliseconds(settings.BatchWindowMilliseconds) is var ready && ready < due) due = ready;
            }
            return due;
        }
    }

    /// <summary>Expires offers past their time, matches the waiting calls with free cars and makes the offers.</summary>
    public DispatchRound Round()
    {
        var started = Stopwatch.GetTimestamp();
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        lock (gate)
        {
            lastRound = now;
            var expired = new List<Offer>();
            var paused = new List<long>();
            foreach (var call in calls.Values)
                if (call.Pending is { } offer && now >= offer.ExpiresAt)
                {
                    expired.Add(offer);
                    if (EndOffer(call, now)) paused.Add(offer.DriverId);
                }

            var noCar = new List<long>();
            var batch = new List<Waiting>();
            foreach (var call in calls.Values)
            {
                if (call.Pending is not null) continue;
                if (now - call.CalledAt >= TimeSpan.FromMinutes(settings.NoCarAfterMinutes) && !call.NoCarReported)
                {
                    call.NoCarReported = true;
                    noCar.Add(call.CallId);
                }
                batch.Add(call);
            }
            batch.Sort((a, b) => a.CalledAt.CompareTo(b.CalledAt)); // ties in the matching go to the longest waiting

            // The cars worth considering: each call's nearest eligible ones; a car near two calls is one column.
            var columns = new Dictionary<long, int>();
            var cars = new List<DriverMap.Candidate>();
            var perCall = new IReadOnlyList<DriverMap.Candidate>[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var call = batch[i];
                perCall[i] = drivers.Candidates(call.Latitude, call.Longitude, call.RadiusMeters, settings.CandidatesPerCall, call.Needs, call.Declined);
                foreach (var car in perCall[i])
                    if (columns.TryAdd(car.DriverId, cars.Count)) cars.Add(car);
            }
            var cost = new double[batch.Count, cars.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                for (var j = 0; j < cars.Count; j++) cost[i, j] = Assignment.Forbidden;
                foreach (var car in perCall[i])
                    cost[i, columns[car.DriverId]] = pickupTimes.Seconds(car.Latitude, car.Longitude, batch[i].Latitude, batch[i].Longitude, now);
            }
            var optimal = (long)batch.Count * cars.Count <= settings.OptimalBatchCells;
            var match = optimal ? Assignment.Optimal(cost) : Assignment.Greedy(cost);
            var matched = Assignment.Measure(cost, match);
            var greedy = optimal && batch.Count > 1 ? Assignment.Measure(cost, Assignment.Greedy(cost)) : matched;

            var offered = new List<Offer>();
            for (var i = 0; i < batch.Count; i++)
            {
                if (match[i] < 0) continue;
                var car = cars[match[i]];
                if (!drivers.TryOffer(car.DriverId)) continue; // went off duty or was taken since the candidates were read
                var meters = Platform.City.Geo.Meters(car.Latitude, car.Longitude, batch[i].Latitude, batch[i].Longitude);
                var offer = new Offer(batch[i].CallId, car.DriverId, now, now + TimeSpan.FromSeconds(settings.OfferSeconds), cost[i, match[i]], meters);
                batch[i].Pending = offer;
                offered.Add(offer);
            }
            return new DispatchRound(offered, expired, noCar, paused, batch.Count, cars.Count, optimal, Stopwatch.GetElapsedTime(started))
            {
                Matched = matched, Greedy = greedy,
            };
        }
    }

    // The driver is free again but never offered this call again; too many misses lately and they are paused (true).
    private bool EndOffer(Waiting call, DateTimeOffset now)
    {
        var offer = call.Pending!;
        call.Pending = null;
        call.Declined.Add(offer.DriverId);
        call.WaitingSince = now;
        drivers.SetState(offer.DriverId, DriverState.Free);
        var settings = options.CurrentValue;
        if (!misses.TryGetValue(offer.DriverId, out var recent)) misses[offer.DriverId] = recent = new();
        recent.Enqueue(now);
        while (recent.Count > 0 && recent.Peek() <= now - TimeSpan.FromMinutes(settings.MissWindowMinutes)) recent.Dequeue();
        if (recent.Count >= settings.MissesBeforePause)
        {
            recent.Clear();
            drivers.Pause(offer.DriverId, now + TimeSpan.FromMinutes(settings.PauseMinutes));
            return true;
        }
        return false;
    }
}
