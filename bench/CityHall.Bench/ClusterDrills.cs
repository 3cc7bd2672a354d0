using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.Petitions;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Bench;

/// <summary>
/// Failure drills against a running deploy/local-cluster.sh cluster, through its nginx. Verified citizens keep
/// supporting proposals (each support acknowledged only when the receipt redirect came back; a failed one is
/// retried, as a person would), live-event viewers watch through WebSockets and reconnect with the watch
/// page's jittered back-off, and while that goes on a part of the city is broken: a node killed (kill -9),
/// PostgreSQL restarted, Redis gone, every node replaced in turn (a rolling restart, which must fail no request).
/// After each drill every acknowledged support is looked for in the database; what is missing is printed as
/// <c>lost</c>, which must be 0.
/// </summary>
public static class ClusterDrills
{
    public sealed record Settings(string Script, int Citizens, int Viewers, TimeSpan RedisAway, bool Brief);

    public static async Task<int> RunAsync(Settings settings, CancellationToken ct)
    {
        var cluster = await ClusterAsync(settings.Script, ct);
        var url = new Uri(cluster["CLUSTER_URL"]);
        var nodes = cluster["CLUSTER_NODES"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Console.WriteLine($"# drills: {nodes.Length} nodes behind {url}, {settings.Citizens} citizens supporting, {settings.Viewers} viewers; {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var (eventId, proposals) = await SeedAsync(cluster["CLUSTER_PRIMARY"], settings.Citizens, ct);
        // Each citizen from an address of their own (127.0.1.x…), as nginx passes it on in X-Forwarded-For.
        var sessions = await BenchCitizens.SignInAllAsync(url, settings.Citizens, $"/petitions/{proposals[0]}", ct,
            i => $"127.0.{1 + i / 250}.{1 + i % 250}");
        var writers = new Supporters(sessions, proposals);
        await using var viewers = await ViewerSwarm.StartAsync(url, eventId, settings.Viewers, ct);
        Console.WriteLine($"# {viewers.Open} viewers watching, citizens signed in");

        var failedDrills = 0;
        async Task DrillAsync(string name, Func<Task> breakAndMend, Func<string>? extra = null, bool noFailures = false)
        {
            viewers.ResetDrops();
            var before = writers.Acknowledged;
            var failedBefore = writers.Failed;
            var writing = writers.RunAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(3), ct); // steady before the break
            var broken = Stopwatch.StartNew();
            await breakAndMend();
            await Task.Delay(TimeSpan.FromSeconds(settings.Brief ? 5 : 10), ct); // steady after
            await writers.StopAsync(writing);
            var lost = await writers.LostAsync(cluster["CLUSTER_PRIMARY"], ct);
            var failedNow = writers.Failed - failedBefore;
            var held = lost == 0 && (!noFailures || failedNow == 0);
            if (!held) failedDrills++;
            Console.WriteLine($"{name}: acknowledged {writers.Acknowledged - before:N0} supports ({writers.Acknowledged:N0} in all), "
                + $"failed attempts {writers.Failed - failedBefore:N0} ({writers.TakeFailureKinds()}; retried; slowest failure {writers.SlowestFailure.TotalMilliseconds:N0} ms), "
                + $"viewers dropped {viewers.Dropped:N0}, back {viewers.Reconnected:N0} (slowest {viewers.SlowestReconnect.TotalSeconds:N1} s), watching {viewers.Open:N0}"
                + (extra is null ? "" : "; " + extra()));
            if (noFailures) Console.WriteLine($"{name}: failed requests: {failedNow}");
            Console.WriteLine($"{name}: lost: {lost}");
            Console.WriteLine($"{name}: {(held ? "held" : "did not hold")}");
            writers.ResetSlowest();
        }

        // 1. A node dies: its viewers come back through the others, its requests in flight fail and are retried.
        var victim = nodes[^1];
        await DrillAsync($"kill node {victim}", async () =>
        {
            await RunScriptAsync(settings.Script, ct, "node-kill", victim);
            await Task.Delay(TimeSpan.FromSeconds(settings.Brief ? 5 : 10), ct);
            var viewerCount = await viewers.WaitForViewerCountAsync(settings.Viewers, TimeSpan.FromSeconds(30), ct);
            Console.WriteLine($"# after the kill: viewer count in snapshots {viewerCount:N0} of {settings.Viewers:N0}");
            await RunScriptAsync(settings.Script, ct, "node-start", victim);
        });

        // 2. PostgreSQL restarts: requests fail fast (503) while it is away, readiness goes red and back.
        var readiness = new ReadinessWatch(cluster["CLUSTER_NODE_URLS"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToArray());
        var watching = readiness.RunAsync(ct);
        await DrillAsync("restart PostgreSQL", () => RunScriptAsync(settings.Script, ct, "postgres-restart"),
            () => $"readiness red on {readiness.NodesWentRed} of {nodes.Length} nodes, green again on {readiness.NodesGreenAgain}");
        readiness.Stop();
        await watching;

        // 3. Redis away: nodes keep serving their own viewers; counts converge when it is back.
        await DrillAsync($"Redis away {settings.RedisAway.TotalSeconds:N0} s", async () =>
        {
            await RunScriptAsync(settings.Script, ct, "redis-stop");
            await Task.Delay(settings.RedisAway, ct);
            await RunScriptAsync(settings.Script, ct, "redis-start");
            var viewerCount = await viewers.WaitForViewerCountAsync(viewers.Open, TimeSpan.FromSeconds(30), ct);
            Console.WriteLine($"# after Redis returned: viewer count in snapshots {viewerCount:N0} of {viewers.Open:N0} watching");
        });

        // 4. A rolling restart, as an upgrade replaces nodes: each drained from nginx, stopped gracefully (requests in
        //    flight finish), started, taken back once ready. Not one request may fail (viewers on a stopped node move).
        await DrillAsync("rolling restart", async () =>
        {
            foreach (var node in nodes)
            {
                await RunScriptAsync(settings.Script, ct, "node-drain", node);
                await RunScriptAsync(settings.Script, ct, "node-stop", node);
                await RunScriptAsync(settings.Script, ct, "node-start", node);
                await RunScriptAsync(settings.Script, ct, "node-undrain", node);
            }
        }, noFailures: true);

        Console.WriteLine(failedDrills == 0 ? "drills held: lost: 0 in every drill" : $"drills FAILED: {failedDrills} did not hold");
        return failedDrills == 0 ? 0 : 1;
    }

    private static async Task<Dictionary<string, string>> ClusterAsync(string script, CancellationToken ct)
    {
        var output = await RunScriptAsync(script, ct, "env");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim());
    }

    private static async Task<string> RunScriptAsync(string script, CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{script} {string.Join(' ', args)} failed: {await errors}");
        return await output;
    }

    /// <summary>The drills' own look at the primary: unpooled, since a drill restarts the server under any pooled connection.</summary>
    private static CityHall.Web.Data.PostgresAppDbContext Database(string connection) =>
        new(new DbContextOptionsBuilder<CityHall.Web.Data.PostgresAppDbContext>()
            .UseNpgsql(new Npgsql.NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString).Options);

    private static async Task<(long EventId, long[] Proposals)> SeedAsync(string connection, int citizens, CancellationToken ct)
    {
        await using var db = Database(connection);
        // A cluster drilled before keeps its citizens (numbered from 0): only those missing are added.
        var existing = await db.Users.CountAsync(u => u.Email!.EndsWith("@bench.example"), ct);
        BenchCitizens.Add(db, citizens, from: existing);
        var now = DateTimeOffset.UtcNow;
        // Enough proposals that no citizen runs out in the drills (each supports each once).
        var petitions = Enumerable.Range(0, 400).Select(i => new Petition
        {
            Title = $"훈련 제안 {now:HHmmss}-{i}", Body = "장애 훈련을 위한 제안입니다. 노드가 멈추어도 지지는 사라지지 않아야 합니다.",
            CategoryCode = "transport", AuthorName = "훈련", Status = PetitionStatus.Collecting, CreatedAt = now, PublishedAt = now,
            SupportDeadline = now.AddDays(30), DepartmentCode = "transport", Salt = RandomNumberGenerator.GetBytes(32),
        }).ToList();
        db.AddRange(petitions);
        var ev = new LiveEvent
        {
            TitleKo = "장애 훈련 생중계", TitleEn = "Failure drill broadcast", StartsAt = now.UtcDateTime, EndsAt = now.UtcDateTime.AddHours(2),
            State = LiveEventState.Live, WentLiveAt = now.UtcDateTime, AskPolicy = AskPolicy.AnyoneNamed, CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime,
        };
        db.Add(ev);
        await db.SaveChangesAsync(ct);
        return (ev.Id, petitions.Select(p => p.Id).ToArray());
    }

    /// <summary>Citizens supporting proposals one after another; a support that failed is tried again until acknowledged.</summary>
    private sealed class Supporters((HttpClient Client, string Token)[] sessions, long[] proposals)
    {
        private readonly int[] next = new int[sessions.Length];
        private readonly ConcurrentBag<(int Citizen, long Proposal)> acknowledged = [];
        private readonly ConcurrentDictionary<string, int> failures = new();

        /// <summary>The failed attempts since the last call, by what came back ("503", "connection"…).</summary>
        public string TakeFailureKinds()
        {
            var kinds = failures.OrderByDescending(f => f.Value).Select(f => $"{f.Value:N0}× {f.Key}").ToList();
            failures.Clear();
            return kinds.Count == 0 ? "none" : string.Join(", ", kinds);
        }
        private long failed, slowestFailureTicks;
        private volatile bool stop;

        public long Acknowledged => acknowledged.Count;
        public long Failed => Interlocked.Read(ref failed);
        public TimeSpan SlowestFailure => TimeSpan.FromTicks(Interlocked.Read(ref slowestFailureTicks));
        public void ResetSlowest() => Interlocked.Exchange(ref slowestFailureTicks, 0);

        public Task RunAsync(CancellationToken ct)
        {
            stop = false;
            return Task.WhenAll(Enumerable.Range(0, sessions.Length).Select(c => Task.Run(async () =>
            {
                var backOff = 100;
                while (!stop && next[c] < proposals.Length)
                {
                    var proposal = proposals[next[c]];
                    var started = Stopwatch.StartNew();
                    var outcome = await SupportAsync(c, proposal, ct);
                    if (outcome is Outcome.Acknowledged or Outcome.AlreadySupported)
                    {
                        if (outcome == Outcome.Acknowledged) acknowledged.Add((c, proposal));
                        next[c]++;
                        backOff = 100;
                        // A person, not a loop, and under the city's 30 form posts a minute per account: one every 2–3 s.
                        await Task.Delay(2000 + Random.Shared.Next(1000), ct);
                        continue;
                    }
                    Interlocked.Increment(ref failed);
                    var took = started.Elapsed.Ticks;
                    long seen;
                    while (took > (seen = Interlocked.Read(ref slowestFailureTicks)) && Interlocked.CompareExchange(ref slowestFailureTicks, took, seen) != seen) { }
                    await Task.Delay(backOff, ct);
                    backOff = Math.Min(2000, backOff * 2);
                }
            }, ct)));
        }

        public async Task StopAsync(Task running)
        {
            stop = true;
            await running;
        }

        private enum Outcome { Acknowledged, AlreadySupported, Failed }

        private async Task<Outcome> SupportAsync(int citizen, long proposal, CancellationToken ct)
        {
            var (client, token) = sessions[citizen];
            try
            {
                using var response = await client.PostAsync($"/petitions/{proposal}/sign", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), ct);
                var location = response.Headers.Location?.OriginalString ?? "";
                if (response.StatusCode == HttpStatusCode.Redirect && location.Contains("done=signed", StringComparison.Ordinal)) return Outcome.Acknowledged;
                // A retry of a support whose first try committed but whose answer was lost: the page says it is there already.
                if (response.StatusCode == HttpStatusCode.Redirect && location.Contains("refused=already-signed", StringComparison.Ordinal)) return Outcome.AlreadySupported;
                failures.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                return Outcome.Failed;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                failures.AddOrUpdate(ex is TaskCanceledException ? "timeout" : "connection", 1, (_, n) => n + 1);
                return Outcome.Failed;
            }
        }

        /// <summary>Acknowledged supports with no live signature row for that citizen and proposal.</summary>
        public async Task<int> LostAsync(string connection, CancellationToken ct)
        {
            await using var db = Database(connection);
            var emails = Enumerable.Range(0, sessions.Length).Select(BenchCitizens.Email).ToList();
            var ids = await db.Users.Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
            var stored = (await db.Set<PetitionSignature>().Where(s => proposals.Contains(s.PetitionId) && s.WithdrawnAt == null && s.UserId != null)
                .Select(s => new { s.UserId, s.PetitionId }).ToListAsync(ct)).Select(s => (s.UserId!, s.PetitionId)).ToHashSet();
            return acknowledged.Count(a => !stored.Contains((ids[BenchCitizens.Email(a.Citizen)], a.Proposal)));
        }
    }

    /// <summary>Polls every node's /health/ready while a drill runs: which went red, and which came back.</summary>
    private sealed class ReadinessWatch(Uri[] nodes)
    {
        private readonly bool[] red = new bool[nodes.Length], greenAgain = new bool[nodes.Length];
        private volatile bool stop;
        public int NodesWentRed => red.Count(r => r);
        public int NodesGreenAgain => greenAgain.Count(g => g);
        public void Stop() => stop = true;

        public async Task RunAsync(CancellationToken ct)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            while (!stop)
            {
                for (var i = 0; i < nodes.Length; i++)
                {
                    bool ready;
                    try { ready = (await http.GetAsync(new Uri(nodes[i], "/health/ready"), ct)).IsSuccessStatusCode; }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { ready = false; }
                    if (!ready) red[i] = true;
                    else if (red[i]) greenAgain[i] = true;
                }
                await Task.Delay(200, ct);
            }
        }
    }
}
