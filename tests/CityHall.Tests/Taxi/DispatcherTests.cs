using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Time.Testing;

namespace CityHall.Tests.Taxi;

/// <summary>Dispatch rounds on a clock the test holds: batch matching, constraints, offers that expire, declines, pauses, no car.</summary>
public sealed class DispatcherTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private const double Lat = 37.5663, Lon = 126.9779;
    /// <summary>About 111 m of latitude.</summary>
    private const double Block = 0.001;

    /// <summary>Ten metres a second, as the crow flies: pickup times the test can compute by hand.</summary>
    private sealed class TenMetresASecond : IPickupTimes
    {
        public double Seconds(double carLatitude, double carLongitude, double pickupLatitude, double pickupLongitude, DateTimeOffset at) =>
            Geo.Meters(carLatitude, carLongitude, pickupLatitude, pickupLongitude) / 10;
    }

    private sealed class Setup
    {
        public FakeTimeProvider Clock { get; } = new(Start);
        public TaxiOptions Options { get; } = new();
        public DriverMap Map { get; }
        public Dispatcher Dispatcher { get; }

        public Setup()
        {
            var options = new FixedOptions<TaxiOptions>(Options);
            Map = new DriverMap(Clock, options);
            Dispatcher = new Dispatcher(Map, new TenMetresASecond(), Clock, options);
        }

        public void Car(long id, double lat, double lon, CarTraits? traits = null)
        {
            Map.OnDuty(id, traits ?? CarTraits.Plain);
            Assert.Equal(PositionRefusal.None, Map.Report(id, lat, lon, Clock.GetUtcNow()));
        }

        public Dictionary<long, long> Offers(DispatchRound round) => round.Offered.ToDictionary(o => o.CallId, o => o.DriverId);
    }

    [Fact]
    public void A_round_matches_the_batch_as_a_whole_where_nearest_first_would_strand_a_rider()
    {
        // On one street: call 20 (−1.2 blocks), car 1 (0), call 10 (+1), car 2 (+3).
        void Street(Setup s)
        {
            s.Car(1, Lat, Lon);
            s.Car(2, Lat + 3 * Block, Lon);
            s.Dispatcher.Open(10, Lat + Block, Lon, CallNeeds.Any, Start);
            s.Dispatcher.Open(20, Lat - 1.2 * Block, Lon, CallNeeds.Any, Start);
        }
        // Nearest first gives car 1 to call 10 (1 block), leaving car 2 to drive 4.2 blocks to call 20: 5.2 in all.
        // The assignment sends car 2 to call 10 (2) and car 1 to call 20 (1.2): 3.2 blocks.
        var s = new Setup();
        Street(s);
        var round = s.Dispatcher.Round();
        Assert.True(round.Optimal);
        Assert.Equal((2, 2), (round.Calls, round.Cars));
        Assert.Equal(new Dictionary<long, long> { [10] = 2, [20] = 1 }, s.Offers(round));
        Assert.Equal(DriverState.Offered, s.Map.Find(1)!.Value.State);
        Assert.InRange(round.Offered.Sum(o => o.Meters), 3.2 * 110.5, 3.2 * 111.5);
        Assert.InRange(round.Offered.Sum(o => o.PickupSeconds), 3.2 * 11.05, 3.2 * 11.15);

        // With a batch too large for the time budget, the same round is greedy: cheapest pair first.
        var greedy = new Setup { Options = { OptimalBatchCells = 3 } };
        Street(greedy);
        var fallback = greedy.Dispatcher.Round();
        Assert.False(fallback.Optimal);
        Assert.Equal(new Dictionary<long, long> { [10] = 1, [20] = 2 }, greedy.Offers(fallback));
        Assert.InRange(fallback.Offered.Sum(o => o.Meters), 5.2 * 110.5, 5.2 * 111.5);
    }

    [Fact]
    public void A_wheelchair_user_is_only_offered_an_accessible_car_even_when_a_plain_one_is_nearer()
    {
        var s = new Setup();
        s.Car(1, Lat + Block, Lon);
        s.Car(2, Lat + 9 * Block, Lon, new CarTraits(CarFeatures.WheelchairAccessible, new HashSet<string>()));
        s.Dispatcher.Open(10, Lat, Lon, new CallNeeds(CarFeatures.WheelchairAccessible, null), Start);
        s.Dispatcher.Open(20, Lat, Lon, new CallNeeds(CarFeatures.None, "en"), Start); // nobody speaks English
        var round = s.Dispatcher.Round();
        Assert.Equal(new Dictionary<long, long> { [10] = 2 }, s.Offers(round));
        Assert.Equal(DriverState.Free, s.Map.Find(1)!.Value.State);
    }

    [Fact]
    public void An_offer_left_unanswered_expires_and_the_call_goes_to_the_next_car_never_back_to_the_same_one()
    {
        var s = new Setup();
        s.Car(1, Lat + Block, Lon);
        s.Car(2, Lat + 5 * Block, Lon);
        s.Dispatcher.Open(10, Lat, Lon, CallNeeds.Any, Start);
        Assert.Equal(Start.AddMilliseconds(500), s.Dispatcher.NextRoundAt()); // the batch window
        var first = s.Dispatcher.Round();
        Assert.Equal(1, Assert.Single(first.Offered).DriverId);
        Assert.Equal(Start.AddSeconds(2), s.Dispatcher.NextRoundAt()); // no call waiting: the regular round

        // Another call arrives; car 1 holds an offer, so it goes to car 2.
        s.Clock.Advance(TimeSpan.FromSeconds(1));
        s.Dispatcher.Open(20, Lat, Lon, CallNeeds.Any, s.Clock.GetUtcNow());
        Assert.Equal(new Dictionary<long, long> { [20] = 2 }, s.Offers(s.Dispatcher.Round()));

        // Car 2 accepts (the database decided); fifteen seconds on, the first offer has run out and the next round re-offers.
        s.Clock.Advance(TimeSpan.FromSeconds(14));
        Assert.Null(s.Dispatcher.Assigned(20, 2));
        Assert.Equal(DriverState.Busy, s.Map.Find(2)!.Value.State);
        s.Map.Report(1, Lat + Block, Lon, s.Clock.GetUtcNow());
        var again = s.Dispatcher.Round();
        Assert.Equal(10, Assert.Single(again.Expired).CallId);
        Assert.Empty(again.Offered); // car 1 is free again but let this call go; car 2 is busy
        Assert.Equal(DriverState.Free, s.Map.Find(1)!.Value.State);

        s.Car(3, Lat + 20 * Block, Lon);
        var third = s.Dispatcher.Round();
        Assert.Equal(new Dictionary<long, long> { [10] = 3 }, s.Offers(third));
        Assert.Null(s.Dispatcher.Assigned(10, 3));
        Assert.Equal(0, s.Dispatcher.WaitingCount);
        Assert.Null(s.Dispatcher.Assigned(10, 3)); // heard twice: nothing more happens
        Assert.Equal(DriverState.Busy, s.Map.Find(3)!.Value.State);
    }

    [Fact]
    public void An_acceptance_that_crossed_the_offers_expiry_wins_and_the_call_offered_meanwhile_to_another_car_is_withdrawn()
    {
        var s = new Setup();
        s.Car(1, Lat + Block, Lon);
        s.Car(2, Lat + 3 * Block, Lon);
        s.Dispatcher.Open(10, Lat, Lon, CallNeeds.Any, Start);
        s.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new Dictionary<long, long> { [10] = 1 }, s.Offers(s.Dispatcher.Round()));
        s.Clock.Advance(TimeSpan.FromSeconds(16));
        s.Map.Report(2, Lat + 3 * Block, Lon, s.Clock.GetUtcNow());
        Assert.Equal(new Dictionary<long, long> { [10] = 2 }, s.Offers(s.Dispatcher.Round())); // car 1's offer lapsed here
        // ...but car 1's acceptance had reached the database in time.
        Assert.Equal(2, s.Dispatcher.Assigned(10, 1)!.DriverId);
        Assert.Equal((DriverState.Busy, DriverState.Free), (s.Map.Find(1)!.Value.State, s.Map.Find(2)!.Value.State));
        Assert.Equal(0, s.Dispatcher.WaitingCount);
    }

    [Fact]
    public void A_driver_who_declines_three_offers_in_half_an_hour_is_paused_for_ten_minutes()
    {
        var s = new Setup();
        s.Car(1, Lat + Block, Lon);
        for (var call = 1; call <= 3; call++)
        {
            s.Dispatcher.Open(call, Lat, Lon, CallNeeds.Any, s.Clock.GetUtcNow());
            Assert.Equal(new Dictionary<long, long> { [call] = 1 }, s.Offers(s.Dispatcher.Round()));
            Assert.Equal(DeclineOutcome.NotOffered, s.Dispatcher.Decline(call, 2));
            Assert.Equal(call < 3 ? DeclineOutcome.Declined : DeclineOutcome.DeclinedAndPaused, s.Dispatcher.Decline(call, 1));
            Assert.Equal(DeclineOutcome.NotOffered, s.Dispatcher.Decline(call, 1));
            s.Clock.Advance(TimeSpan.FromMinutes(1));
            s.Map.Report(1, Lat + Block, Lon, s.Clock.GetUtcNow());
        }
        s.Dispatcher.Open(4, Lat, Lon, CallNeeds.Any, s.Clock.GetUtcNow());
        Assert.Empty(s.Dispatcher.Round().Offered);
        s.Clock.Advance(TimeSpan.FromMinutes(10));
        s.Map.Report(1, Lat + Block, Lon, s.Clock.GetUtcNow());
        Assert.Equal(new Dictionary<long, long> { [4] = 1 }, s.Offers(s.Dispatcher.Round()));
    }

    [Fact]
    public void A_call_with_no_car_for_five_minutes_is_reported_once_and_a_wider_search_finds_one()
    {
        var s = new Setup();
        s.Car(1, Lat + 50 * Block, Lon); // 5.6 km away: beyond the 3 km search
        s.Dispatcher.Open(10, Lat, Lon, CallNeeds.Any, Start);
        for (var second = 0; second < 300; second += 2)
        {
            var round = s.Dispatcher.Round();
            Assert.Empty(round.Offered);
            Assert.Empty(round.NoCarFound);
            s.Clock.Advance(TimeSpan.FromSeconds(2));
            s.Map.Report(1, Lat + 50 * Block, Lon, s.Clock.GetUtcNow());
        }
        Assert.Equal([10], s.Dispatcher.Round().NoCarFound);
        Assert.Empty(s.Dispatcher.Round().NoCarFound); // once
        Assert.True(s.Dispatcher.Widen(10, s.Options.WidenedRadiusMeters));
        Assert.Equal(new Dictionary<long, long> { [10] = 1 }, s.Offers(s.Dispatcher.Round()));
        // The rider gives up after all: the offer is withdrawn and the car is free.
        Assert.Equal(1, s.Dispatcher.Close(10)!.DriverId);
        Assert.Equal(DriverState.Free, s.Map.Find(1)!.Value.State);
        Assert.False(s.Dispatcher.Widen(10, 10_000));
    }

    [Fact]
    public void Over_many_rounds_of_random_calls_no_car_ever_holds_two_offers_and_every_offer_respects_the_call()
    {
        var s = new Setup();
        var random = new Random(2007);
        var traits = new[] { CarTraits.Plain, new CarTraits(CarFeatures.WheelchairAccessible, new HashSet<string>()), new CarTraits(CarFeatures.PetsWelcome, new HashSet<string> { "en" }) };
        var carTraits = new Dictionary<long, CarTraits>();
        var positions = new Dictionary<long, (double Lat, double Lon)>();
        for (var id = 1; id <= 300; id++)
        {
            carTraits[id] = traits[random.Next(traits.Length)];
            positions[id] = (Lat + (random.NextDouble() - 0.5) * 0.1, Lon + (random.NextDouble() - 0.5) * 0.1);
            s.Car(id, positions[id].Lat, positions[id].Lon, carTraits[id]);
        }
        var needs = new Dictionary<long, CallNeeds>();
        var holding = new Dictionary<long, long>(); // driver → call
        long nextCall = 1;
        for (var round = 0; round < 150; round++)
        {
            for (var k = random.Next(0, 8); k > 0; k--)
            {
                var need = random.Next(4) switch { 0 => new CallNeeds(CarFeatures.WheelchairAccessible, null), 1 => new CallNeeds(CarFeatures.None, "en"), _ => CallNeeds.Any };
                needs[nextCall] = need;
                s.Dispatcher.Open(nextCall++, Lat + (random.NextDouble() - 0.5) * 0.1, Lon + (random.NextDouble() - 0.5) * 0.1, need, s.Clock.GetUtcNow());
            }
            var result = s.Dispatcher.Round();
            foreach (var gone in result.Expired) Assert.Equal(gone.CallId, holding[gone.DriverId]);
            foreach (var gone in result.Expired) holding.Remove(gone.DriverId);
            foreach (var offer in result.Offered)
            {
                Assert.True(holding.TryAdd(offer.DriverId, offer.CallId), $"driver {offer.DriverId} offered two calls");
                Assert.True(needs[offer.CallId].MetBy(carTraits[offer.DriverId]));
            }
            // Drivers answer some offers; accepted cars finish their trip some rounds later (here: at once).
            foreach (var (driver, call) in holding.ToList())
            {
                var answer = random.Next(4);
                if (answer == 0) { Assert.Null(s.Dispatcher.Assigned(call, driver)); s.Map.SetState(driver, DriverState.Free); holding.Remove(driver); }
                else if (answer == 1) { Assert.NotEqual(DeclineOutcome.NotOffered, s.Dispatcher.Decline(call, driver)); holding.Remove(driver); }
            }
            s.Clock.Advance(TimeSpan.FromSeconds(2));
            foreach (var (id, at) in positions) s.Map.Report(id, at.Lat, at.Lon, s.Clock.GetUtcNow());
        }
        Assert.All(holding, h => Assert.Equal(DriverState.Offered, s.Map.Find(h.Key)!.Value.State));
    }
}
