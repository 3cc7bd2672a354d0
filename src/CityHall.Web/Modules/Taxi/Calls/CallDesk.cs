using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Calls;

public enum CallRefusal { None, OutsideCity, AlreadyCalling, TooLate, Expired, NotOffered, WrongStep, BadFare, BadRating, Changed, BadPhone }

/// <summary>What a rider asks for: where to be picked up, optionally where to go, and what the car must offer.</summary>
public sealed record CallRequest(double Latitude, double Longitude, string? PickupAddress, double? DestinationLatitude, double? DestinationLongitude,
    string? DestinationAddress, CallNeeds Needs);

/// <summary>
/// Calls from their opening to the trip's end, on whichever node takes the request: the estimate shown before
/// confirming, opening a call (one open call per rider, the pickup inside the city), cancelling (free until a car is
/// assigned and for a minute after, or once the car is late; a fee otherwise), a driver's answer to an offer and the
/// trip's steps. The database decides (an offer is accepted once, while open, for a call still waiting); the
/// dispatching node hears of each change through <see cref="TaxiSync"/>.
/// </summary>
public sealed class CallDesk(AppDbContext db, TaxiSync sync, Live.TaxiPush push, DriverMap map, IPickupTimes times, DistrictMap districts,
    IOptionsMonitor<CityOptions> city, IOptionsMonitor<TaxiOptions> options, TimeProvider clock)
{
    public static readonly TaxiCallState[] Open = [TaxiCallState.Waiting, TaxiCallState.Assigned, TaxiCallState.Arrived, TaxiCallState.OnBoard];

    /// <summary>How many eligible free cars are near, and the soonest pickup among them (seconds), before a rider confirms.</summary>
    public (int CarsNear, double? Seconds) Estimate(double latitude, double longitude, CallNeeds needs)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var cars = map.Candidates(latitude, longitude, settings.SearchRadiusMeters, settings.CandidatesPerCall, needs);
        return (cars.Count, cars.Count == 0 ? null : cars.Min(c => times.Seconds(c.Latitude, c.Longitude, latitude, longitude, now)));
    }

    /// <summary>Inside the city's bounds and, where the city has district boundaries, inside a district.</summary>
    public bool InCity(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && city.CurrentValue.Bounds.Contains(latitude, longitude)
        && (!districts.HasBoundaries || districts.DistrictAt(latitude, longitude) is not null);

    public async Task<(TaxiCall? Call, CallRefusal Refusal)> OpenAsync(string riderId, CallRequest request, CancellationToken ct)
    {
        if (!InCity(request.Latitude, request.Longitude)) return (null, CallRefusal.OutsideCity);
        if (request.DestinationLatitude is { } toLat && request.DestinationLongitude is { } toLon && !InCity(toLat, toLon)) return (null, CallRefusal.OutsideCity);
        if (await db.Set<TaxiCall>().AnyAsync(c => c.RiderId == riderId && Open.Contains(c.State), ct)) return (null, CallRefusal.AlreadyCalling);
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var call = new TaxiCall
        {
            RiderId = riderId, PickupLatitude = request.Latitude, PickupLongitude = request.Longitude, PickupAddress = request.PickupAddress,
            PickupDistrict = districts.DistrictAt(request.Latitude, request.Longitude),
            DestinationLatitude = request.DestinationLatitude, DestinationLongitude = request.DestinationLongitude, DestinationAddress = request.DestinationAddress,
            Needs = request.Needs.Features, Language = request.Needs.Language, State = TaxiCallState.Waiting, SearchRadiusMeters = settings.SearchRadiusMeters,
            EstimatedPickupSeconds = Estimate(request.Latitude, request.Longitude, request.Needs).Seconds, CalledAt = now.UtcDateTime,
        };
        db.Add(call);
        await db.SaveChangesAsync(ct);
        sync.CallOpened(call);
        return (call, CallRefusal.None);
    }

    /// <summary>The rider cancels: free while waiting and shortly after a car is assigned, or when the car is late; a fee otherwise.</summary>
    public async Task<CallRefusal> CancelAsync(TaxiCall call, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.CurrentValue;
        var wasWaiting = call.State == TaxiCallState.Waiting;
        switch (call.State)
        {
            case TaxiCallState.Waiting:
                break;
            case TaxiCallState.Assigned or TaxiCallState.Arrived:
                var pickupSeconds = await db.Set<TaxiOffer>().Where(o => o.CallId == call.Id && o.Outcome == TaxiOfferOutcome.Accepted)
                    .Select(o => (double?)o.PickupSeconds).FirstOrDefaultAsync(ct) ?? 0;
                var assignedAt = call.AssignedAt ?? now;
                var late = call.State == TaxiCallState.Assigned && now > assignedAt.AddSeconds(pickupSeconds).AddMinutes(settings.LateAfterMinutes);
                if (now > assignedAt.AddSeconds(settings.FreeCancellationSeconds) && !late) call.CancellationFee = settings.CancellationFee;
                break;
            default:
                return CallRefusal.TooLate;
        }
        call.State = TaxiCallState.Cancelled;
        call.EndedAt = now;
        call.Revision++;
        // Guarded by the call's revision: a car accepting at the same moment makes this a refusal, nothing cancelled.
        if (!await SavedAsync(ct)) return CallRefusal.Changed;
        if (wasWaiting) await LeaveDispatchAsync(call.Id, now, ct);
        else if (call.DriverId is { } driver) sync.DriverState(driver, DriverState.Free);
        push.CallChanged(call.Id, call.DriverId);
        return CallRefusal.None;
    }

    /// <summary>
    /// The rider of a call no car was found for asks to look further (<see cref="TaxiOptions.WidenedRadiusMeters"/>); the
    /// "no car yet" notice starts again from now.
    /// </summary>
    public async Task<CallRefusal> WidenAsync(TaxiCall call, CancellationToken ct)
    {
        var radius = options.CurrentValue.WidenedRadiusMeters;
        if (call.State != TaxiCallState.Waiting || call.NoCarSince is null || call.SearchRadiusMeters >= radius) return CallRefusal.WrongStep;
        (call.SearchRadiusMeters, call.NoCarSince) = (radius, null);
        call.Revision++;
        if (!await SavedAsync(ct)) return CallRefusal.Changed;
        sync.CallWidened(call);
        push.CallChanged(call.Id);
        return CallRefusal.None;
    }

    /// <summary>
    /// The rider of a call no car was found for hands it to the city's call centre, which calls back on a mobile number
    /// (<see cref="Admin.CallCentreModel"/>): the call leaves dispatch (its open offer withdrawn) and ends as "no car".
    /// </summary>
    public async Task<CallRefusal> HandOverAsync(TaxiCall call, string? phone, CancellationToken ct)
    {
        if (call.State != TaxiCallState.Waiting || call.NoCarSince is null) return CallRefusal.WrongStep;
        if (Fleet.FleetRules.MobilePhone(phone) is not { } number) return CallRefusal.BadPhone;
        var now = clock.GetUtcNow().UtcDateTime;
        (call.State, call.EndedAt, call.HandedOverAt, call.CallbackPhone) = (TaxiCallState.NoCar, now, now, number);
        call.Revision++;
        if (!await SavedAsync(ct)) return CallRefusal.Changed; // a car accepted at this moment
        await LeaveDispatchAsync(call.Id, now, ct);
        push.CallChanged(call.Id);
        return CallRefusal.None;
    }

    /// <summary>A waiting call that ended (cancelled, handed over) leaves dispatch: its open offer withdrawn, every node told.</summary>
    private async Task LeaveDispatchAsync(long callId, DateTime now, CancellationToken ct)
    {
        await db.Set<TaxiOffer>().Where(o => o.CallId == callId && o.Outcome == null)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Outcome, TaxiOfferOutcome.Withdrawn).SetProperty(o => o.AnsweredAt, now), ct);
        sync.CallClosed(callId);
    }

    /// <summary>The driver's open offer, if any (what their page shows).</summary>
    public Task<TaxiOffer?> PendingOfferAsync(long driverId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<TaxiOffer>().AsNoTracking().Where(o => o.DriverId == driverId && o.Outcome == null && o.ExpiresAt > now)
            .OrderByDescending(o => o.OfferedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// A driver accepts an offer. The database decides, in one transaction: the offer must still be open (not answered,
    /// withdrawn or recorded as expired) and not past its time, and its call still waiting (not cancelled, not taken).
    /// Two nodes, two clicks or an acceptance crossing the expiry cannot assign a call twice.
    /// </summary>
    public async Task<CallRefusal> AcceptAsync(long driverId, long offerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Set<TaxiOffer>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId && o.DriverId == driverId, ct) is not { } offer)
            return CallRefusal.NotOffered;
        if (offer.Outcome == TaxiOfferOutcome.Expired || (offer.Outcome is null && offer.ExpiresAt <= now)) return CallRefusal.Expired;
        if (offer.Outcome is not null) return CallRefusal.NotOffered;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Set<TaxiOffer>().Where(o => o.Id == offerId && o.Outcome == null && o.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Outcome, TaxiOfferOutcome.Accepted).SetProperty(o => o.AnsweredAt, now), ct);
        if (taken == 0) return CallRefusal.Expired; // answered or lapsed a moment ago
        var assigned = await db.Set<TaxiCall>().Where(c => c.Id == offer.CallId && c.State == TaxiCallState.Waiting)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, TaxiCallState.Assigned).SetProperty(c => c.DriverId, driverId)
                .SetProperty(c => c.AssignedAt, now).SetProperty(c => c.Revision, c => c.Revision + 1), ct);
        if (assigned == 0) return CallRefusal.NotOffered; // cancelled meanwhile; the transaction is rolled back
        await transaction.CommitAsync(ct);
        sync.OfferAccepted(offer.CallId, driverId);
        push.CallChanged(offer.CallId, driverId);
        return CallRefusal.None;
    }

    /// <summary>A driver declines an open offer; the dispatcher offers the call to someone else and counts the miss.</summary>
    public async Task<CallRefusal> DeclineAsync(long driverId, long offerId, CancellationToken ct)
    {
        if (await db.Set<TaxiOffer>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId && o.DriverId == driverId && o.Outcome == null, ct) is not { } offer)
            return CallRefusal.NotOffered;
        var now = clock.GetUtcNow().UtcDateTime;
        var declined = await db.Set<TaxiOffer>().Where(o => o.Id == offerId && o.Outcome == null)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Outcome, TaxiOfferOutcome.Declined).SetProperty(o => o.AnsweredAt, now), ct);
        if (declined == 0) return CallRefusal.NotOffered;
        sync.OfferDeclined(offer.CallId, driverId);
        return CallRefusal.None;
    }

    /// <summary>The largest fare a driver may enter, in won (a typo guard: a day's hire inside one city is far less).</summary>
    public const long MaxFare = 999_999;

    /// <summary>The trip's steps, by its driver only and in order: arrived at the pickup, rider on board (the destination shows), ended with the fare.</summary>
    public async Task<CallRefusal> StepAsync(long driverId, long callId, TaxiCallState next, long? fare, CancellationToken ct)
    {
        if (await db.Set<TaxiCall>().FirstOrDefaultAsync(c => c.Id == callId && c.DriverId == driverId, ct) is not { } call) return CallRefusal.NotOffered;
        var now = clock.GetUtcNow().UtcDateTime;
        switch (next)
        {
            case TaxiCallState.Arrived when call.State == TaxiCallState.Assigned:
                call.ArrivedAt = now;
                break;
            case TaxiCallState.OnBoard when call.State is TaxiCallState.Assigned or TaxiCallState.Arrived:
                call.PickedUpAt = now;
                break;
            case TaxiCallState.Completed when call.State == TaxiCallState.OnBoard:
                if (fare is not (> 0 and <= MaxFare)) return CallRefusal.BadFare;
                (call.Fare, call.EndedAt) = (fare, now);
                break;
            default:
                return CallRefusal.WrongStep;
        }
        call.State = next;
        call.Revision++;
        if (!await SavedAsync(ct)) return CallRefusal.Changed; // the rider cancelled at this moment
        if (next == TaxiCallState.Completed) sync.DriverState(driverId, DriverState.Free);
        push.CallChanged(callId, driverId);
        return CallRefusal.None;
    }

    /// <summary>The rider rates a completed trip once (1–5, an optional comment); the driver's average follows.</summary>
    public async Task<CallRefusal> RateAsync(TaxiCall call, int rating, string? comment, CancellationToken ct)
    {
        if (call.State != TaxiCallState.Completed || call.Rating is not null) return CallRefusal.WrongStep;
        if (rating is < 1 or > 5 || comment?.Length > 1000) return CallRefusal.BadRating;
        (call.Rating, call.RatingComment) = (rating, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        call.Revision++;
        await db.SaveChangesAsync(ct);
        await db.Set<TaxiDriver>().Where(d => d.Id == call.DriverId)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.RatingCount, d => d.RatingCount + 1).SetProperty(d => d.RatingSum, d => d.RatingSum + rating), ct);
        return CallRefusal.None;
    }

    /// <summary>Saves a change to a call; false (nothing saved) when someone else changed it since it was read.</summary>
    private async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
