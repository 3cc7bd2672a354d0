using System.Globalization;
using CityHall.Web.Modules.Places;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Bench;

/// <summary>
/// Near me at city scale: 100,000 places of one kind spread over Seoul (the densest case for a
/// kind: about 165 a square kilometre), then the nearest 10 around random points through the API,
/// and the near-me page read at random points. The server's own time for each search comes from
/// its Server-Timing header ("nearest;dur=…"), so the p95 is the search, not the network or the client.
/// </summary>
public static class PlacesBenchmark
{
    public static async Task RunAsync(BenchOptions options, int places, CancellationToken ct)
    {
        options.PrintHeader("places");
        await using var app = await AppProcess.StartAsync(options.Provider, options.Connection);
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        await SeedAsync(app, places, ct);
        Console.WriteLine($"# seeded {places:N0} public toilets inside Seoul in {seeding.Elapsed.TotalSeconds:N1} s; {options.Workers} clients, {options.Phase.TotalSeconds:N0} s per phase");

        using var http = Load.Client(app.BaseAddress, options.Workers);
        var building = System.Diagnostics.Stopwatch.StartNew();
        using (var first = await http.GetAsync("/api/v1/places?kind=public-toilet&near=37.5665,126.9780&limit=10", ct))
            Console.WriteLine($"# first search (builds the index of {places:N0} places): {building.Elapsed.TotalMilliseconds:N0} ms, {first.StatusCode}");

        var serverTimes = new ServerTimes();
        string RandomPoint(int worker, long i)
        {
            var random = new Random(HashCode.Combine(worker, i));
            return string.Create(CultureInfo.InvariantCulture, $"{37.46 + random.NextDouble() * 0.22:0.000000},{126.82 + random.NextDouble() * 0.32:0.000000}");
        }
        async Task<bool> Get(string url, bool keepTiming)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptLanguage.ParseAdd("ko-KR");
            using var response = await http.SendAsync(request, ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            if (keepTiming) serverTimes.Add(response);
            return response.IsSuccessStatusCode;
        }

        await Load.RunAsync("warm-up", options.Workers, TimeSpan.FromSeconds(5), (w, i) => Get($"/api/v1/places?kind=public-toilet&near={RandomPoint(w, i)}&limit=10", false), ct);
        var api = await Load.RunAsync("API nearest 10", options.Workers, options.Phase,
            (w, i) => Get($"/api/v1/places?kind=public-toilet&near={RandomPoint(w, i)}&radius=2000&limit=10", true), ct);
        Console.WriteLine(api);
        Console.WriteLine(serverTimes.Summary("API nearest 10"));

        serverTimes.Clear();
        var page = await Load.RunAsync("near-me page (20 nearest)", options.Workers, options.Phase, (w, i) =>
        {
            var point = RandomPoint(w, i).Split(',');
            return Get($"/places/near?kind=public-toilet&lat={point[0]}&lon={point[1]}&radius=1000", true);
        }, ct);
        Console.WriteLine(page);
        Console.WriteLine(serverTimes.Summary("near-me page"));
    }

    /// <summary>Places spread evenly over Seoul's extent, written in batches as an import would.</summary>
    private static async Task SeedAsync(AppProcess app, int count, CancellationToken ct)
    {
        var random = new Random(20261127);
        var districts = new[] { "11110", "11140", "11170", "11200", "11215", "11230", "11260", "11290", "11305", "11320", "11350", "11380", "11410",
            "11440", "11470", "11500", "11530", "11545", "11560", "11590", "11620", "11650", "11680", "11710", "11740" };
        var now = DateTime.UtcNow;
        for (var start = 0; start < count; start += 10_000)
        {
            await using var db = app.OpenDatabase();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + 10_000); i++)
            {
                var hours = random.Next(3);
                db.Add(new Place
                {
                    KindCode = "public-toilet", NameKo = $"공중화장실 {i:N0}", RoadAddress = $"벤치로 {i}", DistrictCode = districts[i % districts.Length],
                    Latitude = 37.43 + random.NextDouble() * 0.27, Longitude = 126.77 + random.NextDouble() * 0.41,
                    AlwaysOpen = hours == 0, OpensAt = hours == 1 ? new TimeOnly(6, 0) : null, ClosesAt = hours == 1 ? new TimeOnly(22, 0) : null,
                    Accessibility = new() { AccessibleToilet = random.Next(3) == 0 ? true : null },
                    Source = "bench", SourceId = i.ToString(CultureInfo.InvariantCulture), UpdatedAt = now,
                });
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
