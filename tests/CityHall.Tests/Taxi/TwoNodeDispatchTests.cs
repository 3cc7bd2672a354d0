using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Taxi;

/// <summary>
/// Two app instances sharing one database and one Redis, as two nodes behind a load balancer: one dispatches at a
/// time (the lease), both know every car, calls and answers taken by either reach the dispatcher, no driver holds two
/// offers, and when the dispatching node goes the other takes over.
/// </summary>
public sealed class TwoNodeDispatchTests
{
    private const double Lat = 37.5796, Lon = 126.9770; // Gyeongbokgung

    /// <summary>A node; the second of a pair uses the first one's database and secrets.</summary>
    private sealed class Node(string prefix, Node? sameCityAs = null) : CityHallApp(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = RequiresRedisFactAttribute.Server,
        ["Redis:Prefix"] = prefix,
        ["Taxi:DispatchLeaseSeconds"] = "2",
        ["Database:Provider"] = sameCityAs?.Settings["Database:Provider"],
        ["ConnectionStrings:Default"] = sameCityAs?.Settings["ConnectionStrings:Default"],
        ["Accounts:IdentityHashKey"] = sameCityAs?.Settings["Accounts:IdentityHashKey"],
    }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value))
    {
        public DispatchLoop Loop => Services.GetRequiredService<DispatchLoop>();
        public DriverMap Map => Services.GetRequiredService<DriverMap>();

        /// <summary>Signs in on this node with an account made on either (the database and the cookie keys are shared).</summary>
        public async Task<HttpClient> SignedInAsync(string email)
        {
            var client = CreateBrowserLikeClient();
            var posted = await client.SubmitAsync(await client.GetPageAsync("/account/sign-in"),
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password });
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            return client;
        }
    }

    private static async Task UntilAsync(Func<bool> condition, string what, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException($"Not within {seconds} s: {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>A driver registered through one node, on duty and reporting through the other.</summary>
    private static async Task<(HttpClient Driver, long DriverId)> DriverReportingThroughAsync(Node registeredOn, Node reportsTo, double lat, double lon)
    {
        var (_, driverId, _) = await TaxiTestData.DriverAsync(registeredOn, features: CarFeatures.None, languages: "en");
        var email = await registeredOn.WithDbAsync(db => db.Set<TaxiDriver>().Where(d => d.Id == driverId)
            .Join(db.Users, d => d.UserId, u => u.Id, (d, u) => u.Email!).SingleAsync());
        var driver = await reportsTo.SignedInAsync(email);
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], "form[data-on-duty]"));
        var token = (await driver.GetPageAsync("/taxi/drive")).QuerySelector("[data-position-sharing]")!.GetAttribute("data-token");
        Assert.Equal(HttpStatusCode.NoContent, (await DrivingTests.ReportAsync(reportsTo.CreateClient(), token, new { latitude = lat, longitude = lon })).StatusCode);
        return (driver, driverId);
    }

    private static async Task<long> CallThroughAsync(Node node, double lat, double lon)
    {
        var rider = await node.SignedUpCitizenAsync();
        var request = TaxiTestData.Pickup(lat, lon);
        request.Remove("Input.Features"); // any car
        var path = Html.RedirectedTo(await rider.SubmitAsync(await rider.GetPageAsync("/taxi"), request, "form[data-call-form]", "/taxi?handler=call"));
        return long.Parse(path.Split('/')[^1]);
    }

    [RequiresRedisFact]
    public async Task One_node_dispatches_calls_and_answers_taken_by_either_and_the_other_takes_over_when_it_goes()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var a = new Node(prefix);
        using var b = new Node(prefix, sameCityAs: a);
        try
        {
            // B starts first and takes the lease: A owns the test database, so B is the one that can go later.
            _ = b.Services;
            await UntilAsync(() => b.Loop.Dispatching, "the first node dispatches");
            _ = a.Services;
            var (loopA, loopB) = (a.Loop, b.Loop); // read after B is gone, too
            var bothAtOnce = false;
            using var watching = new CancellationTokenSource();
            var watcher = Task.Run(async () =>
            {
                while (!watching.IsCancellationRequested)
                {
                    if (loopA.Dispatching && loopB.Dispatching) bothAtOnce = true;
                    await Task.Delay(10);
                }
            });
            var (holder, other) = (b, a);
            Assert.False(a.Loop.Dispatching);

            // Four cars: two registered and reporting through each node. Every node's map learns every car's position.
            var drivers = new List<(HttpClient Client, long Id)>();
            for (var i = 0; i < 4; i++)
                drivers.Add(await DriverReportingThroughAsync(i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, Lat + 0.001 * (i + 1), Lon));
            foreach (var (_, id) in drivers)
                await UntilAsync(() => a.Map.Find(id) is { HasPosition: true } && b.Map.Find(id) is { HasPosition: true }, $"both nodes know car {id}'s position");

            // Four calls at once, two through each node: each goes to a different car, and no car holds two offers.
            var calls = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => CallThroughAsync(i % 2 == 0 ? a : b, Lat, Lon + 0.0005 * i)));
            var offers = new List<TaxiOffer>();
            await UntilAsync(() =>
            {
                offers = a.WithDbAsync(db => db.Set<TaxiOffer>().AsNoTracking().Where(o => calls.Contains(o.CallId) && o.Outcome == null).ToListAsync()).GetAwaiter().GetResult();
                return offers.Select(o => o.CallId).Distinct().Count() == 4;
            }, "every call offered");
            Assert.Equal(4, offers.Select(o => o.DriverId).Distinct().Count());
            Assert.All(offers.GroupBy(o => o.DriverId), g => Assert.Single(g));

            // Each driver accepts through the node they report to; the dispatcher hears of it whichever that was.
            foreach (var (client, id) in drivers)
                Assert.Equal("/taxi/drive", Html.RedirectedTo(await client.SubmitAsync(await client.GetPageAsync("/taxi/drive"), [], "form[data-accept]")));
            var assigned = await a.WithDbAsync(db => db.Set<TaxiCall>().AsNoTracking().Where(c => calls.Contains(c.Id)).Select(c => new { c.State, c.DriverId }).ToListAsync());
            Assert.All(assigned, c => Assert.Equal(TaxiCallState.Assigned, c.State));
            Assert.Equal(drivers.Select(d => (long?)d.Id).Order(), assigned.Select(c => c.DriverId).Order());
            foreach (var (_, id) in drivers)
                await UntilAsync(() => holder.Map.Find(id)?.State == DriverState.Busy && other.Map.Find(id)?.State == DriverState.Busy, $"car {id} busy on both nodes");
            Assert.Equal(0, holder.Services.GetRequiredService<Dispatcher>().WaitingCount);
            // A second click on an accepted offer, on either node, changes nothing.
            var (firstClient, firstId) = drivers[0];
            var firstOffer = offers.Single(o => o.DriverId == firstId);
            var again = await firstClient.SubmitAsync(await firstClient.GetPageAsync("/taxi/drive"), [], "form[action='/account/sign-out']", $"/taxi/drive?handler=accept&offerId={firstOffer.Id}");
            Assert.Equal("/taxi/drive", Html.RedirectedTo(again));

            // The dispatching node goes; the other takes over within the lease's term and dispatches the next call.
            await holder.DisposeAsync();
            Assert.False(loopB.Dispatching);
            await UntilAsync(() => loopA.Dispatching, "the other node takes over", seconds: 10);
            var (lastDriver, lastId) = await DriverReportingThroughAsync(other, other, Lat, Lon + 0.002);
            var last = await CallThroughAsync(other, Lat, Lon);
            var lastOffer = await TaxiTestData.OfferForAsync(other, lastId, last);
            Assert.Equal(last, lastOffer.CallId);
            await watching.CancelAsync();
            await watcher;
            Assert.False(bothAtOnce, "both nodes dispatched at the same time");
        }
        finally
        {
            await a.DisposeAsync();
        }
    }
}
