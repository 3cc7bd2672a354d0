using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CityHall.Web.Modules.Cctv;
using CityHall.Web.Modules.Cctv.Status;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Bench;

/// <summary>
/// CCTV status at a big city's scale: 50,000 cameras on 500 recorders (100 each), every recorder sending a signed batch
/// for all its cameras every 30 s — about 1,700 cameras a second in 17 batches a second, open loop (each batch is due at
/// its time whether or not the last ones answered). Some way in, a number of recorders fall silent (their batches are
/// no longer sent); the app's own outage watch (every 5 s, in its process, on real time) must find every one of their
/// cameras within two intervals of its last heartbeat, and no other camera may be found silent. Printed: the batches'
/// rate and latency, cameras per second, and for the silenced cameras how long after their last heartbeat each
/// outage was found (the most and the mean), and outages opened for cameras that never stopped.
/// </summary>
public static class CctvBenchmark
{
    private const double South = 37.45, North = 37.68, West = 126.82, East = 127.15;

    public static async Task RunAsync(BenchOptions options, int cameras, int perRecorder, int intervalSeconds, int silenced, CancellationToken ct)
    {
        options.PrintHeader("cctv");
        await using var app = await AppProcess.StartAsync(options.Provider, options.Connection);
        var recorders = (cameras + perRecorder - 1) / perRecorder;
        var seeding = Stopwatch.StartNew();
        var (codes, keys) = await SeedAsync(app, cameras, perRecorder, intervalSeconds, ct);
        Console.WriteLine($"# seeded {cameras:N0} cameras on {recorders:N0} recorders ({perRecorder} each, every {intervalSeconds} s) in {seeding.Elapsed.TotalSeconds:N1} s");

        using var http = Load.Client(app.BaseAddress, options.Workers);
        var batchesPerSecond = Math.Max(1, (int)Math.Round((double)recorders / intervalSeconds));
        // The silenced recorders stop once every recorder has been heard twice: their cameras are online, then quiet.
        var silenceAfter = TimeSpan.FromSeconds(2.0 * recorders / batchesPerSecond);
        var lastSent = new DateTimeOffset[recorders];
        var started = Stopwatch.StartNew();
        long refused = 0;
        async Task<bool> Send(long n)
        {
            var recorder = (int)(n % recorders);
            if (recorder < silenced && started.Elapsed > silenceAfter) return true; // fallen silent: nothing sent
            var sentAt = DateTimeOffset.UtcNow;
            var body = JsonSerializer.SerializeToUtf8Bytes(new { sentAt, cameras = codes[recorder] });
            using var request = new HttpRequestMessage(HttpMethod.Post, HeartbeatApi.Path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add(HeartbeatApi.RecorderHeader, Recorder(recorder));
            request.Headers.Add(HeartbeatApi.SignatureHeader, RecorderKeys.Sign(keys[recorder], body));
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                if (Interlocked.Increment(ref refused) <= 3) Console.WriteLine($"# refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                return false;
            }
            lastSent[recorder] = sentAt;
            return true;
        }

        var load = await Load.RunOpenLoopAsync("heartbeat batches", batchesPerSecond, options.Phase, Send, ct: ct);
        // Once the load stops every camera falls silent: only outages found while their recorders were still sending are false.
        var loadEnded = DateTime.UtcNow;
        Console.WriteLine(load);
        Console.WriteLine($"# {load.PerSecond * perRecorder:N0} cameras a second in batches of {perRecorder}");

        // Give the watch two intervals past the last heartbeat of the silenced cameras, then read what it found.
        var lastOfSilenced = lastSent.Take(silenced).DefaultIfEmpty(DateTimeOffset.UtcNow).Max();
        var deadline = lastOfSilenced.AddSeconds(2 * intervalSeconds + 5);
        if (deadline > DateTimeOffset.UtcNow) await Task.Delay(deadline - DateTimeOffset.UtcNow, ct);
        await using var db = app.OpenDatabase();
        var outages = await db.Set<CameraOutage>().Join(db.Set<Camera>(), o => o.CameraId, c => c.Id, (o, c) => new { c.Code, o.StartedAt, o.DetectedAt }).ToListAsync(ct);
        var silencedSet = codes.Take(silenced).SelectMany(c => c).ToHashSet();
        var found = outages.Where(o => silencedSet.Contains(o.Code)).ToList();
        var delays = found.Select(o => (o.DetectedAt - o.StartedAt).TotalSeconds).ToList();
        var falseOutages = outages.Count(o => !silencedSet.Contains(o.Code) && o.DetectedAt < loadEnded);
        Console.WriteLine($"silenced cameras found offline  {found.Select(o => o.Code).Distinct().Count():N0} of {silencedSet.Count:N0}");
        if (delays.Count > 0)
            Console.WriteLine($"found after last heartbeat      mean {delays.Average():N1} s, most {delays.Max():N1} s (limit: 2 intervals = {2 * intervalSeconds} s)");
        Console.WriteLine($"outages of cameras still heard  {falseOutages:N0}");
        Console.WriteLine($"batches refused                 {refused:N0}");

        // Coverage of the whole registry, in this process on the app's database, as the coverage page computes it.
        var services = new ServiceCollection();
        services.AddScoped(_ => app.OpenDatabase());
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new CityHall.Web.Platform.City.CityOptions()));
        services.AddSingleton<Microsoft.Extensions.Options.IOptionsMonitor<CityHall.Web.Platform.City.CityOptions>>(
            new FixedMonitor<CityHall.Web.Platform.City.CityOptions>(new CityHall.Web.Platform.City.CityOptions()));
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new BenchHost());
        services.AddLogging();
        services.AddSingleton<CityHall.Web.Platform.City.DistrictMap>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CityHall.Web.Modules.Cctv.Coverage.CameraCoverage>();
        await using var provider = services.BuildServiceProvider();
        var coverage = provider.GetRequiredService<CityHall.Web.Modules.Cctv.Coverage.CameraCoverage>();
        var timer = Stopwatch.StartNew();
        var result = await coverage.ComputeAsync(100, [], ct);
        var first = timer.Elapsed;
        timer.Restart();
        await coverage.ComputeAsync(100, [], ct);
        Console.WriteLine($"coverage at 100 m               {result.Share:P1} of {result.Districts.Count} districts' area, computed in {first.TotalSeconds:N1} s, then {timer.Elapsed.TotalMilliseconds:N0} ms while kept");
    }

    private sealed class BenchHost : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "CityHall.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private static string Recorder(int i) => $"NVR-BENCH-{i:0000}";

    /// <summary>Recorders with keys encrypted as the app encrypts them (its key ring is in the database), and their cameras.</summary>
    private static async Task<(string[][] Codes, string[] Keys)> SeedAsync(AppProcess app, int cameras, int perRecorder, int intervalSeconds, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddScoped(_ => app.OpenDatabase());
        services.AddDataProtection().SetApplicationName("CityHall").PersistKeysToDbContext<CityHall.Web.Data.AppDbContext>();
        await using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(RecorderKeys.Purpose);
        var recorders = (cameras + perRecorder - 1) / perRecorder;
        var keys = Enumerable.Range(0, recorders).Select(i => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))).ToArray();
        var now = DateTime.UtcNow;
        await using (var db = app.OpenDatabase())
        {
            for (var i = 0; i < recorders; i++)
                db.Add(new CameraRecorder
                {
                    Code = Recorder(i), Name = $"Bench recorder {i}", DepartmentCode = "safety", IntervalSeconds = intervalSeconds,
                    KeyProtected = protector.Protect(keys[i]), KeyIssuedAt = now, UpdatedAt = now,
                });
            await db.SaveChangesAsync(ct);
        }
        Dictionary<string, int> ids;
        await using (var db = app.OpenDatabase()) ids = await db.Set<CameraRecorder>().ToDictionaryAsync(r => r.Code, r => r.Id, ct);
        var random = new Random(50_000);
        var purposes = Enum.GetValues<CameraPurpose>();
        var codes = new string[recorders][];
        for (var r = 0; r < recorders; r++)
        {
            var count = Math.Min(perRecorder, cameras - r * perRecorder);
            codes[r] = [.. Enumerable.Range(0, count).Select(k => $"CAM-B{r:0000}{k:000}")];
        }
        for (var start = 0; start < recorders; start += 50)
        {
            await using var db = app.OpenDatabase();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var r = start; r < Math.Min(recorders, start + 50); r++)
                foreach (var code in codes[r])
                    db.Add(new Camera
                    {
                        Code = code, Latitude = South + random.NextDouble() * (North - South), Longitude = West + random.NextDouble() * (East - West),
                        Purpose = purposes[random.Next(purposes.Length)], DepartmentCode = "safety", RecorderId = ids[Recorder(r)], RetentionDays = 30, UpdatedAt = now,
                    });
            await db.SaveChangesAsync(ct);
        }
        return (codes, keys);
    }
}
