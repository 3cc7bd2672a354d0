using System.Globalization;
using System.Net;
using CityHall.Web.Modules.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Bench;

/// <summary>
/// Throughput by node count, through a running deploy/local-cluster.sh cluster's nginx on PostgreSQL: with 1, 2, then
/// 3 nodes in the upstream (the others drained, not stopped), three loads in turn — the home page; a proposal's page
/// read while verified citizens keep supporting proposals (each one every 2–3 s, as people do, under the city's
/// limit of form posts); Open311 reports posted with an app key. For each: requests a second and p95, and the share
/// of the machine each part used (nodes, nginx, PostgreSQL, the load generator itself), which shows where the
/// bottleneck moves as nodes are added.
/// </summary>
public static class ClusterThroughput
{
    private const string Key = "chk_cluster-throughput-open311-key-0000000000000";

    public static async Task<int> RunAsync(string script, TimeSpan phase, int workers, int citizens, CancellationToken ct)
    {
        var cluster = await LocalCluster.EnvAsync(script, ct);
        var url = new Uri(cluster["CLUSTER_URL"]);
        var nodes = cluster["CLUSTER_NODES"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var cpu = new LocalCluster.CpuMeter(cluster["CLUSTER_DIR"], nodes);
        Console.WriteLine($"# cluster: up to {nodes.Length} nodes behind nginx at {url}, PostgreSQL primary and replica, Redis; {Environment.ProcessorCount} cores shared by all of it and this load generator; "
            + $"{workers} workers, {phase.TotalSeconds:N0} s per phase, {citizens} citizens supporting; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var (proposals, services) = await SeedAsync(cluster["CLUSTER_PRIMARY"], citizens, ct);
        var sessions = await BenchCitizens.SignInAllAsync(url, citizens, $"/petitions/{proposals[0]}", ct, i => $"127.0.{1 + i / 250}.{1 + i % 250}");
        using var http = Load.Client(url, workers);
        var supported = new int[citizens]; // how far each citizen has got through the proposals

        async Task PhaseAsync(string name, Func<int, long, Task<bool>> send)
        {
            var before = cpu.Read();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var result = await Load.RunAsync(name, workers, phase, send, ct);
            Console.WriteLine(result);
            Console.WriteLine($"  cpu: {LocalCluster.CpuMeter.Shares(before, cpu.Read(), started.Elapsed)}");
        }

        async Task<bool> OkAsync(Task<HttpResponseMessage> request)
        {
            using var response = await request;
            await response.Content.CopyToAsync(Stream.Null, ct);
            return response.IsSuccessStatusCode;
        }

        try
        {
            for (var count = 1; count <= nodes.Length; count++)
            {
                for (var i = 0; i < nodes.Length; i++)
                    await LocalCluster.RunAsync(script, ct, i < count ? "node-undrain" : "node-drain", nodes[i]);
                await Task.Delay(TimeSpan.FromSeconds(2), ct); // the old nginx workers finish what they hold
                Console.WriteLine($"\n## {count} node{(count == 1 ? "" : "s")}");

                await PhaseAsync("GET / (home page)", (_, _) => OkAsync(http.GetAsync("/", ct)));

                // A proposal's page read while supports are written: the writers run for the phase, at a person's pace.
                using var stop = new CancellationTokenSource();
                var supports = new Load.Recorder("  supports meanwhile (POST)");
                long supportFailures = 0;
                var writing = Task.WhenAll(Enumerable.Range(0, citizens).Select(c => Task.Run(async () =>
                {
                    await Task.Delay(Random.Shared.Next(2500), ct); // not all at once
                    while (!stop.IsCancellationRequested && supported[c] < proposals.Length)
                    {
                        var (client, token) = sessions[c];
                        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                        try
                        {
                            using var response = await client.PostAsync($"/petitions/{proposals[supported[c]]}/sign",
                                new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), ct);
                            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("done=signed", StringComparison.Ordinal) == true)
                            {
                                supports.Add(startedAt);
                                supported[c]++;
                            }
                            else Interlocked.Increment(ref supportFailures);
                        }
                        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { Interlocked.Increment(ref supportFailures); }
                        try { await Task.Delay(2000 + Random.Shared.Next(1000), stop.Token); }
                        catch (OperationCanceledException) { }
                    }
                }, ct)));
                var writeClock = System.Diagnostics.Stopwatch.StartNew();
                await PhaseAsync($"GET /petitions/{{id}} (anonymous)", (_, _) => OkAsync(http.GetAsync($"/petitions/{proposals[0]}", ct)));
                await stop.CancelAsync();
                await writing;
                Console.WriteLine($"{supports.Result(writeClock.Elapsed)}; {supportFailures:N0} failed");

                await PhaseAsync("POST Open311 requests.json", (worker, i) =>
                    OkAsync(http.PostAsync("/open311/v2/requests.json", ServiceRequestsBenchmark.ReportForm(services[(int)((worker + i) % services.Length)], Key, worker, i, emailed: false), ct)));
            }
        }
        finally
        {
            // The cluster as it was found: every node in the upstream.
            foreach (var n in nodes) await LocalCluster.RunAsync(script, CancellationToken.None, "node-undrain", n);
        }
        return 0;
    }

    private static async Task<(long[] Proposals, ServiceDefinition[] Services)> SeedAsync(string connection, int citizens, CancellationToken ct)
    {
        await using var db = LocalCluster.Database(connection);
        await LocalCluster.AddCitizensAsync(db, citizens, ct);
        if (!await db.Set<CityHall.Web.Modules.Developers.Keys.DeveloperKey>().AnyAsync(k => k.Prefix == Key.Substring(0, 10), ct)) ServiceRequestsBenchmark.AddKey(db, Key);
        // Enough proposals that no citizen runs out over three phases (each supports each once).
        var petitions = LocalCluster.OpenProposals(60, "처리량 시험 제안", "노드 수에 따른 처리량을 재기 위한 제안입니다. 시민들이 지지하는 동안 이 쪽이 읽힙니다.", "시험");
        db.AddRange(petitions);
        await db.SaveChangesAsync(ct);
        var services = await db.Set<ServiceDefinition>().AsNoTracking().Include(s => s.Attributes).OrderBy(s => s.Order).ToArrayAsync(ct);
        return (petitions.Select(p => p.Id).ToArray(), services);
    }
}
