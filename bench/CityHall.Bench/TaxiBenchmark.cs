using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Modules.Taxi.Driving;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityHall.Bench;

/// <summary>
/// Taxi call at Seoul's scale. 70,000 cars on duty over the city centre, each reporting its position every 5 s over the
/// HTTP endpoint (14,000 a second, open loop: each report is due at its time whether or not the last ones answered);
/// first alone, then with 50 calls a second from signed-in riders, each rider cancelling once the first offer was
/// made (so calls leave the queue as they would when a driver accepts). Printed: the positions' rate and latency, the
/// calls' latency, the time from call to first offer (from the records: the offer's time less the call's), calls that
/// got no offer, and whether any car held two offers at once. Then the same over the hub: every car's phone connected
/// to /hubs/taxi (one WebSocket each, <see cref="TaxiHubCars"/>), its positions as invocations answered when taken,
/// alone and with the calls. Then the matching itself, in this process on the same
/// city of cars: the batch's total pickup time against greedy nearest-first on the same batches, for a 0.5-s and a 2-s
/// batch window.
/// </summary>
public static partial class TaxiBenchmark
{
    // The city centre: every point in it is inside a Seoul district (calls outside are refused).
    private const double South = 37.50, North = 37.60, West = 126.90, East = 127.08;

    public static async Task RunAsync(BenchOptions options, int drivers, int positionsPerSecond, int callsPerSecond, int hubPhones, CancellationToken ct)
    {
        options.PrintHeader("taxi");
        await using var app = await AppProcess.StartAsync(options.Provider, options.Connection);
        var riders = callsPerSecond * (int)options.Phase.TotalSeconds;
        var seeding = Stopwatch.StartNew();
        var cars = await SeedAsync(app, drivers, riders, ct);
        Console.WriteLine($"# seeded {drivers:N0} cars on duty and {riders:N0} riders in {seeding.Elapsed.TotalSeconds:N1} s");

        var signing = Stopwatch.StartNew();
        var sessions = await BenchCitizens.SignInAllAsync(app.BaseAddress, riders, "/taxi", ct);
        Console.WriteLine($"# {riders:N0} riders signed in in {signing.Elapsed.TotalSeconds:N1} s");
        var tokens = Tokens(app, cars.Select(c => c.Id));

        using var http = Load.Client(app.BaseAddress, options.Workers);
        var waiting = Stopwatch.StartNew();
        await UntilAllOnDutyAsync(http, drivers, ct);
        Console.WriteLine($"# the dispatch map holds the {drivers:N0} cars after {waiting.Elapsed.TotalSeconds:N1} s");

        // Every car drives north at a steady speed, so where it is follows from the time alone: whatever the phases'
        // lengths, the number of phones or the pauses between phases, no report implies a jump the map refuses
        // (TaxiOptions.MaxSpeedKmh). Deriving it from the report's number did, when phones were fewer or phases shorter.
        var started = DateTimeOffset.UtcNow;
        const double NorthPerSecond = 12 / 3.6 / 111_320; // 12 km/h in degrees of latitude
        double Latitude(Car car, DateTimeOffset at) => car.Latitude + (at - started).TotalSeconds * NorthPerSecond;

        async Task<bool> Report(long n)
        {
            var i = (int)(n % cars.Length);
            var car = cars[i];
            var at = DateTimeOffset.UtcNow;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/taxi/positions")
            {
                Content = JsonContent.Create(new { latitude = Latitude(car, at), longitude = car.Longitude, at }),
            };
            request.Headers.Authorization = new("Bearer", tokens[i]);
            using var response = await http.SendAsync(request, ct);
            return response.StatusCode == HttpStatusCode.NoContent;
        }

        var warmUp = await Load.RunOpenLoopAsync("positions warm-up", positionsPerSecond, TimeSpan.FromSeconds(5), Report, ct: ct);
        Console.WriteLine(warmUp);
        var alone = await Load.RunOpenLoopAsync("positions (HTTP)", positionsPerSecond, options.Phase, Report, ct: ct);
        Console.WriteLine(alone);

        // Positions and calls together; riders cancel once their call had its first offer.
        var random = new Random(20261206);
        var points = Enumerable.Range(0, riders).Select(_ => (Lat: South + random.NextDouble() * (North - South), Lon: West + random.NextDouble() * (East - West))).ToArray();
        async Task WithCallsAsync(string name, Func<long, Task<bool>> report)
        {
            long firstCallId;
            await using (var db = app.OpenDatabase()) firstCallId = await db.Set<TaxiCall>().Select(c => (long?)c.Id).MaxAsync(ct) ?? 0;
            using var stopCancelling = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var canceller = CancelOfferedAsync(app, sessions, firstCallId, stopCancelling.Token);
            var positions = Load.RunOpenLoopAsync(name, positionsPerSecond, options.Phase, report, ct: ct);
            var calls = Load.RunOpenLoopAsync("calls", callsPerSecond, options.Phase, async n =>
            {
                var (client, token) = sessions[n];
                var (lat, lon) = points[n];
                using var response = await client.PostAsync("/taxi?handler=call", new FormUrlEncodedContent(
                [
                    new("__RequestVerificationToken", token), new("Input.PickupAddress", "벤치 출발지"),
                    new("Input.Latitude", lat.ToString("0.000000", CultureInfo.InvariantCulture)), new("Input.Longitude", lon.ToString("0.000000", CultureInfo.InvariantCulture)),
                ]), ct);
                return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/taxi/calls/", StringComparison.Ordinal) == true;
            }, ct: ct);
            Console.WriteLine(await positions);
            Console.WriteLine(await calls);
            await Task.Delay(TimeSpan.FromSeconds(3), ct); // the last calls' first offers
            await stopCancelling.CancelAsync();
            await canceller;
            await PrintOffersAsync(app, firstCallId, ct);
        }
        await WithCallsAsync("positions (HTTP) with calls", Report);

        // The same rate over the hub: phones connected (one WebSocket each), sharing with their token, then reporting. Each
        // connection is an open file in the app and here, so fewer phones than cars (the open-file limit, 20,000 on this
        // machine, caps one node's hub connections: ConnectionLimits), each reporting more often.
        var connecting = Stopwatch.StartNew();
        var phoneCount = Math.Min(hubPhones, cars.Length);
        await using (var phones = await TaxiHubCars.ConnectAsync(app.BaseAddress, tokens[..phoneCount], parallel: 100, ct))
        {
            Console.WriteLine($"# {phones.Count:N0} phones connected to /hubs/taxi and sharing in {connecting.Elapsed.TotalSeconds:N1} s; the app holds {app.ResidentBytes() / 1048576.0:N0} MB resident");
            phones.Reporting();
            Task<bool> HubReport(long n)
            {
                var i = (int)(n % phoneCount);
                var at = DateTimeOffset.UtcNow;
                return phones.ReportAsync(i, Latitude(cars[i], at), cars[i].Longitude, at, ct);
            }
            Console.WriteLine(await Load.RunOpenLoopAsync("positions (hub) warm-up", positionsPerSecond, TimeSpan.FromSeconds(5), HubReport, ct: ct));
            Console.WriteLine(await Load.RunOpenLoopAsync("positions (hub)", positionsPerSecond, options.Phase, HubReport, ct: ct));
            await WithCallsAsync("positions (hub) with calls", HubReport);
        }

        Console.WriteLine("# matching in this process (the app's Dispatcher and Assignment, a held clock), every offer accepted at once:");
        foreach (var window in new[] { 500, 2_000 })
            Simulate("the same cars, calls anywhere in the centre", cars, callsPerSecond, options.Phase, window, hotspots: false);
        // Rush hour: few free cars (most are on trips), calls bunched at stations, so calls compete for the same cars.
        var free = cars.Where((_, i) => i % 20 == 0).ToArray();
        foreach (var window in new[] { 500, 2_000 })
            Simulate($"rush hour: {free.Length:N0} free cars, calls at 10 stations", free, callsPerSecond, options.Phase, window, hotspots: true);
    }

    private sealed record Car(long Id, double Latitude, double Longitude, CarFeatures Features, string Languages);

    private static async Task<Car[]> SeedAsync(AppProcess app, int count, int riders, CancellationToken ct)
    {
        var random = new Random(70_000);
        var cars = new Car[count];
        var letters = new[] { '아', '바', '사', '자' };
        await using (var db = app.OpenDatabase())
        {
            db.Add(new TaxiCompany { NameKo = "벤치택시", RegistrationNumber = "101-81-00001", Phone = "02-120-0000", CreatedAt = DateTime.UtcNow });
            BenchCitizens.Add(db, riders);
            await db.SaveChangesAsync(ct);
        }
        long companyId;
        await using (var db = app.OpenDatabase()) companyId = await db.Set<TaxiCompany>().Select(c => c.Id).SingleAsync(ct);
        var now = DateTime.UtcNow;
        for (var start = 0; start < count; start += 10_000)
        {
            await using var db = app.OpenDatabase();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = new List<TaxiDriver>();
            for (var i = start; i < Math.Min(count, start + 10_000); i++)
            {
                var features = (random.Next(100) < 3 ? CarFeatures.WheelchairAccessible : 0) | (random.Next(2) == 0 ? CarFeatures.NonSmokingDriver : 0)
                    | (random.Next(10) == 0 ? CarFeatures.PetsWelcome : 0);
                var languages = random.Next(100) switch { < 10 => "en", < 13 => "zh", < 15 => "ja", _ => "" };
                var driver = new TaxiDriver
                {
                    CompanyId = companyId, Name = $"기사{i}", LicenceNumber = $"11-{i / 1_000_000:00}-{i % 1_000_000:000000}-00", Phone = "010-0000-0000",
                    Plate = $"서울{10 + i / 40_000}{letters[i / 10_000 % 4]}{i % 10_000:0000}", CarModel = "쏘나타", Features = features, Languages = languages,
                    RegisteredAt = now, RegisteredBy = "bench", OnDutySince = now,
                };
                db.Add(driver);
                batch.Add(driver);
                cars[i] = new Car(0, South + random.NextDouble() * (North - South), West + random.NextDouble() * (East - West), features, languages);
            }
            await db.SaveChangesAsync(ct);
            for (var k = 0; k < batch.Count; k++) cars[start + k] = cars[start + k] with { Id = batch[k].Id };
        }
        return cars;
    }

    /// <summary>Position tokens as the drivers' pages would hold them, made from the app's own key ring (kept in its database).</summary>
    private static string[] Tokens(AppProcess app, IEnumerable<long> driverIds)
    {
        var services = new ServiceCollection();
        services.AddScoped(_ => app.OpenDatabase());
        services.AddDataProtection().SetApplicationName("CityHall").PersistKeysToDbContext<CityHall.Web.Data.AppDbContext>();
        using var provider = services.BuildServiceProvider();
        var protection = provider.GetRequiredService<IDataProtectionProvider>();
        var until = DateTimeOffset.UtcNow + PositionTokens.Lifetime;
        return [.. driverIds.Select(id => PositionTokens.Issue(protection, id, until))];
    }

    [GeneratedRegex(@"data-live>([^<]+)<")]
    private static partial Regex LiveFigure();

    /// <summary>The taxi sector page shows how many cars the dispatch map holds; the app reads the seeded ones within its reconciliation period.</summary>
    private static async Task UntilAllOnDutyAsync(HttpClient http, int drivers, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var page = await http.GetStringAsync("/sectors/taxi", ct);
            var digits = string.Concat(LiveFigure().Match(page).Groups[1].Value.Where(char.IsAsciiDigit));
            if (digits.Length > 0 && int.Parse(digits, CultureInfo.InvariantCulture) >= drivers) return;
            await Task.Delay(1000, ct);
        }
        throw new InvalidOperationException("The app's dispatch map did not take the seeded cars within 90 s");
    }

    /// <summary>Riders cancel once their call had its first offer (free while waiting), as if a driver had taken it.</summary>
    private static async Task CancelOfferedAsync(AppProcess app, (HttpClient Client, string Token)[] sessions, long afterCallId, CancellationToken ct)
    {
        var done = new HashSet<long>();
        var riderIndex = new Dictionary<string, int>();
        await using (var db = app.OpenDatabase())
        {
            var emails = await db.Users.Where(u => u.Email!.EndsWith("@bench.example")).Select(u => new { u.Id, u.Email }).ToListAsync(CancellationToken.None);
            foreach (var u in emails) riderIndex[u.Id] = int.Parse(u.Email!["citizen".Length..u.Email!.IndexOf('@')], CultureInfo.InvariantCulture);
        }
        while (!ct.IsCancellationRequested)
        {
            try { await Task.Delay(100, ct); } catch (OperationCanceledException) { break; }
            await using var db = app.OpenDatabase();
            var offered = await db.Set<TaxiCall>().AsNoTracking().Where(c => c.Id > afterCallId && c.FirstOfferAt != null && c.State == TaxiCallState.Waiting)
                .Select(c => new { c.Id, c.RiderId }).ToListAsync(CancellationToken.None);
            await Task.WhenAll(offered.Where(c => done.Add(c.Id) && c.RiderId is not null && riderIndex.ContainsKey(c.RiderId)).Select(async c =>
            {
                var (client, token) = sessions[riderIndex[c.RiderId!]];
                using var _ = await client.PostAsync($"/taxi/calls/{c.Id}?handler=cancel", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            }));
        }
    }

    private static async Task PrintOffersAsync(AppProcess app, long afterCallId, CancellationToken ct)
    {
        await using var db = app.OpenDatabase();
        var calls = await db.Set<TaxiCall>().AsNoTracking().Where(c => c.Id > afterCallId).Select(c => new { c.Id, c.CalledAt }).ToListAsync(ct);
        var offers = await db.Set<TaxiOffer>().AsNoTracking().Where(o => o.CallId > afterCallId)
            .Select(o => new { o.CallId, o.DriverId, o.OfferedAt, o.ExpiresAt, o.AnsweredAt }).ToListAsync(ct);
        var first = offers.GroupBy(o => o.CallId).ToDictionary(g => g.Key, g => g.Min(o => o.OfferedAt));
        var waits = calls.Where(c => first.ContainsKey(c.Id)).Select(c => (first[c.Id] - c.CalledAt).TotalMilliseconds).Order().ToArray();
        double P(double p) => waits.Length == 0 ? double.NaN : waits[Math.Min(waits.Length - 1, (int)(waits.Length * p))];
        Console.WriteLine($"call → first offer: p50 {P(0.5):N0} ms  p95 {P(0.95):N0} ms  p99 {P(0.99):N0} ms  max {(waits.Length == 0 ? 0 : waits[^1]):N0} ms  " +
                          $"({waits.Length:N0} of {calls.Count:N0} calls offered; {offers.Count:N0} offers)");
        // No car holds two offers at once: each driver's offers, in time order, each end before the next begins.
        var overlaps = 0;
        foreach (var mine in offers.GroupBy(o => o.DriverId))
        {
            var ordered = mine.OrderBy(o => o.OfferedAt).ToList();
            for (var k = 1; k < ordered.Count; k++)
                if (ordered[k].OfferedAt < (ordered[k - 1].AnsweredAt ?? ordered[k - 1].ExpiresAt)) overlaps++;
        }
        Console.WriteLine($"cars holding two offers at once: {overlaps} (of {offers.Select(o => o.DriverId).Distinct().Count():N0} cars offered)");
    }

    /// <summary>
    /// The app's dispatcher on a held clock with the same cars: calls arrive at the rate over the phase at random points,
    /// rounds run when due, every offer is accepted at once (the car is busy afterwards). Per round: the batch's pickup
    /// seconds as matched, and greedy nearest-first's on the same batch.
    /// </summary>
    private static void Simulate(string name, Car[] cars, int callsPerSecond, TimeSpan phase, int windowMs, bool hotspots)
    {
        var clock = new HeldClock(DateTimeOffset.UtcNow);
        var settings = new TaxiOptions { BatchWindowMilliseconds = windowMs, PositionFreshSeconds = int.MaxValue / 2 };
        var monitor = new FixedMonitor<TaxiOptions>(settings);
        var map = new DriverMap(clock, monitor);
        foreach (var car in cars)
        {
            map.OnDuty(car.Id, CarTraits.Of(car.Features, car.Languages));
            map.Report(car.Id, car.Latitude, car.Longitude, clock.GetUtcNow());
        }
        // Default city settings: no district boundaries, so one speed a time of day everywhere (as the app has without them).
        var city = new CityHall.Web.Platform.City.CityOptions();
        var districts = new CityHall.Web.Platform.City.DistrictMap(Options.Create(city),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = AppContext.BaseDirectory },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CityHall.Web.Platform.City.DistrictMap>.Instance);
        var times = new StraightLinePickupTimes(monitor, districts, new CityHall.Web.Platform.City.CityClock(clock, new FixedMonitor<CityHall.Web.Platform.City.CityOptions>(city)));
        var dispatcher = new Dispatcher(map, times, clock, monitor);
        var random = new Random(windowMs);
        var stations = Enumerable.Range(0, 10).Select(_ => (Lat: South + random.NextDouble() * (North - South), Lon: West + random.NextDouble() * (East - West))).ToArray();
        (double Lat, double Lon) Pickup()
        {
            if (!hotspots) return (South + random.NextDouble() * (North - South), West + random.NextDouble() * (East - West));
            var (lat, lon) = stations[random.Next(stations.Length)];
            return (lat + (random.NextDouble() - 0.5) * 0.004, lon + (random.NextDouble() - 0.5) * 0.005); // within about 250 m
        }
        var total = (int)(callsPerSecond * phase.TotalSeconds);
        var end = clock.GetUtcNow() + phase;
        var (matched, greedy, rounds, better, roundTimes, waits) = ((0, 0.0), (0, 0.0), 0, 0, new List<double>(), new List<double>());
        var calledAt = new Dictionary<long, DateTimeOffset>();
        var next = 0;
        while (clock.GetUtcNow() < end + TimeSpan.FromSeconds(5))
        {
            var now = clock.GetUtcNow();
            while (next < total && now >= end - phase + TimeSpan.FromSeconds((double)next / callsPerSecond))
            {
                var at = end - phase + TimeSpan.FromSeconds((double)next / callsPerSecond);
                var (lat, lon) = Pickup();
                dispatcher.Open(next + 1, lat, lon, CallNeeds.Any, at);
                calledAt[next + 1] = at;
                next++;
            }
            if (now >= dispatcher.NextRoundAt())
            {
                var round = dispatcher.Round();
                rounds++;
                roundTimes.Add(round.Took.TotalMilliseconds);
                if (round.Matched.Matched == round.Greedy.Matched)
                {
                    matched = (matched.Item1 + round.Matched.Matched, matched.Item2 + round.Matched.PickupSeconds);
                    greedy = (greedy.Item1 + round.Greedy.Matched, greedy.Item2 + round.Greedy.PickupSeconds);
                }
                else if (round.Matched.Matched > round.Greedy.Matched) better++;
                foreach (var offer in round.Offered)
                {
                    waits.Add((offer.OfferedAt - calledAt[offer.CallId]).TotalMilliseconds);
                    dispatcher.Assigned(offer.CallId, offer.DriverId);
                }
            }
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }
        roundTimes.Sort();
        waits.Sort();
        Console.WriteLine($"{name}, batch window {windowMs:N0} ms: {rounds:N0} rounds, {matched.Item1:N0} calls matched; total pickup {matched.Item2 / 60:N0} min vs greedy {greedy.Item2 / 60:N0} min " +
                          $"(ratio {matched.Item2 / greedy.Item2:0.000}; mean pickup {matched.Item2 / Math.Max(1, matched.Item1):N0} s vs {greedy.Item2 / Math.Max(1, greedy.Item1):N0} s); " +
                          $"{better} rounds served more calls than greedy; call → offer p95 {waits[(int)(waits.Count * 0.95)]:N0} ms; round p95 {roundTimes[(int)(roundTimes.Count * 0.95)]:N1} ms");
    }

    private sealed class HeldClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;
        public override DateTimeOffset GetUtcNow() => now;
        public void Advance(TimeSpan by) => now += by;
    }
}
