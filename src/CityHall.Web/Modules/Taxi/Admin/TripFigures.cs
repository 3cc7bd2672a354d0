namespace CityHall.Web.Modules.Taxi.Admin;

/// <summary>
/// The operators' figures for a set of calls: how many, how many got a car, how long to the first offer, to a car
/// assigned and to the car at the pickup (medians), and the share of pickups within the target (Seoul's brand taxis
/// aimed at 5 minutes). Medians, not means: a few calls that waited half an hour would hide what most riders got.
/// </summary>
public sealed record TripFigures(int Calls, int Assigned, int Unserved, double? MedianToOfferSeconds, double? MedianToAssignSeconds, double? MedianToPickupSeconds,
    int PickedUp, int PickedUpInTarget)
{
    /// <summary>One call's times (UTC) as the figures need them.</summary>
    public sealed record Call(DateTime CalledAt, DateTime? FirstOfferAt, DateTime? AssignedAt, DateTime? ArrivedAt, DateTime? PickedUpAt, TaxiCallState State,
        string? District);

    public double? ShareInTarget => PickedUp == 0 ? null : (double)PickedUpInTarget / PickedUp;

    /// <summary>Seoul's brand taxis aimed at a pickup within five minutes.</summary>
    public static readonly TimeSpan PickupTarget = TimeSpan.FromMinutes(5);

    /// <summary>From the call to the car at the pickup: its "arrived", or the rider on board when the driver skipped that step; null when no car got there.</summary>
    public static TimeSpan? PickupWait(DateTime calledAt, DateTime? arrivedAt, DateTime? pickedUpAt) => (arrivedAt ?? pickedUpAt) - calledAt;

    public static TripFigures Of(IReadOnlyCollection<Call> calls, TimeSpan target)
    {
        static double? Median(List<double> values)
        {
            if (values.Count == 0) return null;
            values.Sort();
            var mid = values.Count / 2;
            return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        }
        var toOffer = new List<double>();
        var toAssign = new List<double>();
        var toPickup = new List<double>();
        int assigned = 0, unserved = 0, inTarget = 0;
        foreach (var call in calls)
        {
            if (call.FirstOfferAt is { } offered) toOffer.Add((offered - call.CalledAt).TotalSeconds);
            if (call.AssignedAt is { } at)
            {
                assigned++;
                toAssign.Add((at - call.CalledAt).TotalSeconds);
            }
            else if (call.State is TaxiCallState.NoCar or TaxiCallState.Cancelled) unserved++; // ended without a car: no car found, or the rider gave up
            if (PickupWait(call.CalledAt, call.ArrivedAt, call.PickedUpAt) is { } wait)
            {
                toPickup.Add(wait.TotalSeconds);
                if (wait <= target) inTarget++;
            }
        }
        return new TripFigures(calls.Count, assigned, unserved, Median(toOffer), Median(toAssign), Median(toPickup), toPickup.Count, inTarget);
    }
}
