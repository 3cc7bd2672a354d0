using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Modules.Petitions;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Bench;

/// <summary>
/// Failure drills against a running deploy/local-cluster.sh cluster, through its nginx. Verified citizens keep
/// supporting proposals (each support acknowledged only when the receipt redirect came back; a failed one is
/// retried, as a person would), live-event viewers watch through WebSockets and reconnect with the watch
/// page's jittered back-off, and while that goes on a part of the city is broken: a node killed (kill -9),
/// PostgreSQL restarted, Redis gone, the primary's disk full, every node replaced in turn (a rolling restart, which must fail no request).
/// After each drill every acknowledged support is looked for in the database; what is missing is printed as
/// <c>lost</c>, which must be 0.
/// </summary>
public static class ClusterDrills
{
    /// <param name="DiskFull">How long the primary's disk stays full (zero: that drill is not run; it needs root to mount a tmpfs).</param>
    /// <param name="UpgradeTo">A newer build of the app: the last drill then upgrades the cluster to it (migrating first)
    /// instead of restarting its nodes on the build they run.</param>
    public sealed record Settings(string Script, int Citizens, int Askers, int Viewers, TimeSpan RedisAway, TimeSpan DiskFull, bool Brief, string? UpgradeTo = null);

    public static async Task<int> RunAsync(Settings settings, CancellationToken ct)
    {
        var cluster = await LocalCluster.EnvAsync(settings.Script, ct);
        var url = new Uri(cluster["CLUSTER_URL"]);
        var nodes = cluster["CLUSTER_NODES"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Console.WriteLine($"# drills: {nodes.Length} nodes behind {url}, {settings.Citizens} citizens supporting, {settings.Askers} asking, {settings.Viewers} viewers; {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        if (settings.DiskFull > TimeSpan.Zero)
        {
            // Before anything is written: the primary moves onto a file system of its own that the disk drill fills.
            // A gigabyte free, so the other drills' writes (and the WAL kept for the replica) do not fill it first.
            await LocalCluster.RunAsync(settings.Script, ct, "postgres-small-disk", "1024");
        }
        var people = settings.Citizens + settings.Askers;
        var (eventId, proposals) = await SeedAsync(cluster["CLUSTER_PRIMARY"], people, ct);
        // Each citizen from an address of their own (127.0.1.x…), as nginx passes it on in X-Forwarded-For.
        var sessions = await BenchCitizens.SignInAllAsync(url, people, $"/petitions/{proposals[0]}", ct,
            i => $"127.0.{1 + i / 250}.{1 + i % 250}");
        SteadyWriters[] writers = [new Supporters(sessions[..settings.Citizens], proposals), new Askers(sessions[settings.Citizens..], eventId)];
        await using var viewers = await ViewerSwarm.StartAsync(url, eventId, settings.Viewers, ct);
        Console.WriteLine($"# {viewers.Open} viewers watching, citizens signed in");

        var failedDrills = 0;
        async Task DrillAsync(string name, Func<Task> breakAndMend, Func<string>? extra = null, bool noFailures = false)
        {
            viewers.ResetDrops();
            var before = writers.Select(w => w.Acknowledged).ToArray();
            var failedBefore = writers.Sum(w => w.Failed);
            var resentBefore = BrowserResend.Resent;
            var writing = writers.Select(w => w.RunAsync(ct)).ToArray();
            await Task.Delay(TimeSpan.FromSeconds(3), ct); // steady before the break
            await breakAndMend();
            await Task.Delay(TimeSpan.FromSeconds(settings.Brief ? 5 : 10), ct); // steady after
            for (var i = 0; i < writers.Length; i++) await writers[i].StopAsync(writing[i]);
            var lost = 0;
            foreach (var w in writers) lost += await w.LostAsync(cluster["CLUSTER_PRIMARY"], ct);
            // Nothing half-written: every drill proposal's signature chain is whole and its count matches its supports.
            var broken = await BrokenChainsAsync(cluster["CLUSTER_PRIMARY"], proposals, ct);
            var failedNow = writers.Sum(w => w.Failed) - failedBefore;
            var held = lost == 0 && broken == 0 && (!noFailures || failedNow == 0);
            if (!held) failedDrills++;
            var (supports, questions) = (writers[0], writers[1]);
            Console.WriteLine($"{name}: acknowledged {supports.Acknowledged - before[0]:N0} supports ({supports.Acknowledged:N0} in all) and {questions.Acknowledged - before[1]:N0} questions ({questions.Acknowledged:N0}), "
                + $"failed attempts {failedNow:N0} (supports: {supports.TakeFailureKinds()}; questions: {questions.TakeFailureKinds()}; retried; slowest failure {writers.Max(w => w.SlowestFailure).TotalMilliseconds:N0} ms), "
                + $"sent again as browsers do (a kept-alive connection closed under the request) {BrowserResend.Resent - resentBefore:N0}, "
                + $"viewers dropped {viewers.Dropped:N0}, back {viewers.Reconnected:N0} (slowest {viewers.SlowestReconnect.TotalSeconds:N1} s), watching {viewers.Open:N0}"
                + (extra is null ? "" : "; " + extra()));
            if (noFailures) Console.WriteLine($"{name}: failed requests: {failedNow}");
            Console.WriteLine($"{name}: chains intact: {proposals.Length - broken} of {proposals.Length}");
            Console.WriteLine($"{name}: lost: {lost}");
            Console.WriteLine($"{name}: {(held ? "held" : "did not hold")}");
            foreach (var w in writers) w.ResetSlowest();
        }

        // 1. A node dies: its viewers come back through the others, its requests in flight fail and are retried.
        var victim = nodes[^1];
        await DrillAsync($"kill node {victim}", async () =>
        {
            await LocalCluster.RunAsync(settings.Script, ct, "node-kill", victim);
            await Task.Delay(TimeSpan.FromSeconds(settings.Brief ? 5 : 10), ct);
            var viewerCount = await viewers.WaitForViewerCountAsync(settings.Viewers, TimeSpan.FromSeconds(30), ct);
            Console.WriteLine($"# after the kill: viewer count in snapshots {viewerCount:N0} of {settings.Viewers:N0}");
            await LocalCluster.RunAsync(settings.Script, ct, "node-start", victim);
        });

        // 2. PostgreSQL restarts: requests fail fast (503) while it is away, readiness goes red and back.
        var readiness = new ReadinessWatch(cluster["CLUSTER_NODE_URLS"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToArray());
        var watching = readiness.RunAsync(ct);
        await DrillAsync("restart PostgreSQL", () => LocalCluster.RunAsync(settings.Script, ct, "postgres-restart"),
            () => $"readiness red on {readiness.NodesWentRed} of {nodes.Length} nodes, green again on {readiness.NodesGreenAgain}");
        readiness.Stop();
        await watching;

        // 3. The primary's disk fills: writes are refused with a 503 (PostgreSQL cannot extend a table or write its log),
        //    nothing is half-written, and once space is freed the same writes go through. (Before Redis's minute away:
        //    a release whose askers' refused questions still counted against their five a minute then has them all
        //    back before the rolling upgrade, which must fail no request.)
        if (settings.DiskFull > TimeSpan.Zero)
        {
            var restarted = false;
            await DrillAsync($"disk full {settings.DiskFull.TotalSeconds:N0} s", async () =>
            {
                await LocalCluster.RunAsync(settings.Script, ct, "disk-fill");
                await Task.Delay(settings.DiskFull, ct);
                await LocalCluster.RunAsync(settings.Script, ct, "disk-free");
                // PostgreSQL stops itself if it cannot write its log; an operator starts it again once there is space.
                if (!await AnswersAsync(cluster["CLUSTER_PRIMARY"], ct))
                {
                    restarted = true;
                    await LocalCluster.RunAsync(settings.Script, ct, "postgres-start");
                }
            }, () => restarted ? "PostgreSQL had stopped itself and was started again" : "PostgreSQL stayed up");
        }

        // 4. Redis away: nodes keep serving their own viewers; counts converge when it is back.
        await DrillAsync($"Redis away {settings.RedisAway.TotalSeconds:N0} s", async () =>
        {
            await LocalCluster.RunAsync(settings.Script, ct, "redis-stop");
            await Task.Delay(settings.RedisAway, ct);
            await LocalCluster.RunAsync(settings.Script, ct, "redis-start");
            var viewerCount = await viewers.WaitForViewerCountAsync(viewers.Open, TimeSpan.FromSeconds(30), ct);
            Console.WriteLine($"# after Redis returned: viewer count in snapshots {viewerCount:N0} of {viewers.Open:N0} watching");
        });

        // 5. A rolling restart, as an upgrade replaces nodes: each drained from nginx, stopped gracefully (requests in
        //    flight finish), started, taken back once ready. Not one request may fail (viewers on a stopped node move).
        //    With a newer build it is a rolling upgrade: the new build's migrations run first, while the old nodes serve
        //    (they must only add: a column the old code does not know, a table it does not use), then each node is
        //    replaced by the new build.
        var upgrade = settings.UpgradeTo is not null;
        string? schemaBefore = null, schemaAfter = null;
        await DrillAsync(upgrade ? "rolling upgrade" : "rolling restart", async () =>
        {
            if (settings.UpgradeTo is { } newApp)
            {
                schemaBefore = await NewestMigrationAsync(cluster["CLUSTER_PRIMARY"], ct);
                await LocalCluster.RunAsync(settings.Script, ct, "verb", "--app", newApp, "migrate");
                schemaAfter = await NewestMigrationAsync(cluster["CLUSTER_PRIMARY"], ct);
            }
            foreach (var node in nodes)
            {
                await LocalCluster.RunAsync(settings.Script, ct, "node-drain", node);
                await LocalCluster.RunAsync(settings.Script, ct, "node-stop", node);
                if (settings.UpgradeTo is { } app) await LocalCluster.RunAsync(settings.Script, ct, "node-start", node, "--app", app);
                else await LocalCluster.RunAsync(settings.Script, ct, "node-start", node);
                await LocalCluster.RunAsync(settings.Script, ct, "node-undrain", node);
            }
        }, upgrade ? () => $"schema {schemaBefore} → {schemaAfter} before the first node was replaced" : null, noFailures: true);

        Console.WriteLine(failedDrills == 0 ? "drills held: lost: 0 in every drill" : $"drills FAILED: {failedDrills} did not hold");
        return failedDrills == 0 ? 0 : 1;
    }

    private static async Task<string?> NewestMigrationAsync(string connection, CancellationToken ct)
    {
        await using var db = LocalCluster.Database(connection);
        return (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
    }

    private static async Task<bool> AnswersAsync(string connection, CancellationToken ct)
    {
        try
        {
            await using var db = LocalCluster.Database(connection);
            return await db.Database.CanConnectAsync(ct);
        }
        catch (Npgsql.NpgsqlException) { return false; }
    }

    /// <summary>Proposals whose signature chain is broken or whose count differs from their supports.</summary>
    private static async Task<int> BrokenChainsAsync(string connection, long[] proposals, CancellationToken ct)
    {
        await using var db = LocalCluster.Database(connection);
        var verifier = new PetitionChainVerifier(db);
        var broken = 0;
        foreach (var id in proposals)
            if (await verifier.VerifyAsync(id, ct) is not { IsIntact: true }) broken++;
        return broken;
    }

    private static async Task<(long EventId, long[] Proposals)> SeedAsync(string connection, int citizens, CancellationToken ct)
    {
        await using var db = LocalCluster.Database(connection);
        await LocalCluster.AddCitizensAsync(db, citizens, ct);
        // Enough proposals that no citizen runs out in the drills (each supports each once).
        var petitions = LocalCluster.OpenProposals(400, "훈련 제안", "장애 훈련을 위한 제안입니다. 노드가 멈추어도 지지는 사라지지 않아야 합니다.", "훈련");
        var now = DateTime.UtcNow;
        db.AddRange(petitions);
        var ev = new LiveEvent
        {
            TitleKo = "장애 훈련 생중계", TitleEn = "Failure drill broadcast", StartsAt = now, EndsAt = now.AddHours(2),
            State = LiveEventState.Live, WentLiveAt = now, AskPolicy = AskPolicy.AnyoneNamed, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(ev);
        await db.SaveChangesAsync(ct);
        return (ev.Id, petitions.Select(p => p.Id).ToArray());
    }

    private enum Outcome { Acknowledged, AlreadyStored, Failed }

    /// <summary>
    /// People writing one thing after another at a person's pace; what failed is tried again (with back-off) until
    /// acknowledged, and every acknowledged write is remembered so the database can be asked for it afterwards.
    /// </summary>
    private abstract class SteadyWriters((HttpClient Client, string Token)[] sessions)
    {
        protected (HttpClient Client, string Token)[] Sessions => sessions;
        private readonly int[] next = new int[sessions.Length];
        protected readonly ConcurrentBag<(int Person, long Item)> acknowledged = [];
        private readonly ConcurrentDictionary<string, int> failures = new();
        private long failed, slowestFailureTicks;
        private volatile bool stop;
        private TaskCompletionSource stopped = new(); // set on stop: nobody waits out a pause then

        public long Acknowledged => acknowledged.Count;
        public long Failed => Interlocked.Read(ref failed);
        public TimeSpan SlowestFailure => TimeSpan.FromTicks(Interlocked.Read(ref slowestFailureTicks));
        public void ResetSlowest() => Interlocked.Exchange(ref slowestFailureTicks, 0);

        /// <summary>The failed attempts since the last call, by what came back ("503", "connection"…).</summary>
        public string TakeFailureKinds()
        {
            var kinds = failures.OrderByDescending(f => f.Value).Select(f => $"{f.Value:N0}× {f.Key}").ToList();
            failures.Clear();
            return kinds.Count == 0 ? "none" : string.Join(", ", kinds);
        }

        /// <summary>How many things each person has to write; the item the n-th is about.</summary>
        protected abstract int Items { get; }
        protected abstract long Item(int person, int n);
        /// <summary>A person's pause between two writes (and under the city's limits of form posts and questions).</summary>
        protected abstract TimeSpan Pace();
        protected abstract Task<HttpResponseMessage> SendAsync(int person, long item, CancellationToken ct);
        protected abstract Outcome Read(HttpResponseMessage response);
        /// <summary>Acknowledged writes the database does not hold.</summary>
        public abstract Task<int> LostAsync(string connection, CancellationToken ct);

        public Task RunAsync(CancellationToken ct)
        {
            stop = false;
            stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return Task.WhenAll(Enumerable.Range(0, sessions.Length).Select(c => Task.Run(async () =>
            {
                var backOff = 100;
                while (!stop && next[c] < Items)
                {
                    var item = Item(c, next[c]);
                    var started = Stopwatch.StartNew();
                    var outcome = await AttemptAsync(c, item, ct);
                    if (outcome is Outcome.Acknowledged or Outcome.AlreadyStored)
                    {
                        if (outcome == Outcome.Acknowledged) acknowledged.Add((c, item));
                        next[c]++;
                        backOff = 100;
                        await Task.WhenAny(Task.Delay(Pace(), ct), stopped.Task);
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
            stopped.TrySetResult();
            await running;
        }

        private async Task<Outcome> AttemptAsync(int person, long item, CancellationToken ct)
        {
            try
            {
                using var response = await SendAsync(person, item, ct);
                var outcome = Read(response);
                if (outcome == Outcome.Failed) failures.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                return outcome;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // What broke, in a word or two: "connection (Connection reset by peer)".
                var kind = ex is TaskCanceledException ? "timeout" : $"connection ({(ex.InnerException?.InnerException ?? ex.InnerException ?? ex).Message.TrimEnd('.')})";
                failures.AddOrUpdate(kind, 1, (_, n) => n + 1);
                return Outcome.Failed;
            }
        }

        protected static string RedirectedTo(HttpResponseMessage response) =>
            response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location?.OriginalString ?? "" : "";
    }

    /// <summary>Citizens supporting proposals one after another, one every 2–3 s (under the city's 30 form posts a minute per account).</summary>
    private sealed class Supporters((HttpClient Client, string Token)[] sessions, long[] proposals) : SteadyWriters(sessions)
    {
        protected override int Items => proposals.Length;
        protected override long Item(int person, int n) => proposals[n];
        protected override TimeSpan Pace() => TimeSpan.FromMilliseconds(2000 + Random.Shared.Next(1000));

        protected override Task<HttpResponseMessage> SendAsync(int person, long proposal, CancellationToken ct)
        {
            var (client, token) = Sessions[person];
            return client.PostAsync($"/petitions/{proposal}/sign", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), ct);
        }

        protected override Outcome Read(HttpResponseMessage response) => RedirectedTo(response) switch
        {
            var l when l.Contains("done=signed", StringComparison.Ordinal) => Outcome.Acknowledged,
            // A retry of a support whose first try committed but whose answer was lost: the page says it is there already.
            var l when l.Contains("refused=already-signed", StringComparison.Ordinal) => Outcome.AlreadyStored,
            _ => Outcome.Failed,
        };

        /// <summary>Acknowledged supports with no live signature row for that citizen and proposal.</summary>
        public override async Task<int> LostAsync(string connection, CancellationToken ct)
        {
            await using var db = LocalCluster.Database(connection);
            var emails = Enumerable.Range(0, Sessions.Length).Select(BenchCitizens.Email).ToList();
            var ids = await db.Users.Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
            var stored = (await db.Set<PetitionSignature>().Where(s => proposals.Contains(s.PetitionId) && s.WithdrawnAt == null && s.UserId != null)
                .Select(s => new { s.UserId, s.PetitionId }).ToListAsync(ct)).Select(s => (s.UserId!, s.PetitionId)).ToHashSet();
            return acknowledged.Count(a => !stored.Contains((ids[BenchCitizens.Email(a.Person)], a.Item)));
        }
    }

    /// <summary>
    /// Citizens asking the live event questions from the watch page's form, one every 13–17 s (under the event's
    /// five questions a minute per person). Each question carries the form's own token, so a retry of one whose
    /// answer was lost is recognised as the same question, as the page's retry is.
    /// </summary>
    private sealed class Askers((HttpClient Client, string Token)[] sessions, long eventId) : SteadyWriters(sessions)
    {
        private readonly string run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        protected override int Items => 10_000;
        protected override long Item(int person, int n) => n;
        protected override TimeSpan Pace() => TimeSpan.FromMilliseconds(13_000 + Random.Shared.Next(4000));
        private string FormToken(int person, long n) => $"drill{run}p{person}q{n}";

        protected override Task<HttpResponseMessage> SendAsync(int person, long n, CancellationToken ct)
        {
            var (client, token) = Sessions[person];
            return client.PostAsync($"/live/{eventId}/ask", new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", token), new("Ask.Token", FormToken(person, n)),
                new("Ask.Text", $"훈련 질문 {person}-{n}: 노드가 멈추어도 이 질문은 남아 있어야 합니다."),
            ]), ct);
        }

        protected override Outcome Read(HttpResponseMessage response) =>
            RedirectedTo(response).Contains("done=asked", StringComparison.Ordinal) ? Outcome.Acknowledged : Outcome.Failed;

        /// <summary>Acknowledged questions not stored under their form's token.</summary>
        public override async Task<int> LostAsync(string connection, CancellationToken ct)
        {
            await using var db = LocalCluster.Database(connection);
            var stored = (await db.Set<LiveQuestion>().Where(q => q.EventId == eventId && q.Channel == QuestionChannel.Web)
                .Select(q => q.ExternalId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            return acknowledged.Count(a => !stored.Contains("web:" + FormToken(a.Person, a.Item)));
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
