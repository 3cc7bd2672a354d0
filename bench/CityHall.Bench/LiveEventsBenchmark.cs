using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Modules.LiveEvents.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Bench;

/// <summary>
/// Seoul's online inauguration, at scale: viewers as raw-WebSocket SignalR clients spread over
/// several generator processes and source addresses; a moderator approves marked questions through
/// the console and the benchmark measures how soon each reaches every viewer, checks that no
/// connected viewer missed a snapshot, reports memory per connection, then pushes questions through
/// the web form and the SMS webhook together while the viewers stay connected, and finally tries to
/// connect viewers beyond the node's cap. Then the same with two nodes sharing a database and Redis.
/// </summary>
public static partial class LiveEventsBenchmark
{
    private const string SmsToken = "bench-sms-token";
    private const string SmsNumber = "+82215880000";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(string provider, string? connection, int oneNode, int twoNodes, int generators, int questionSeconds,
        int beyond, int approvals, bool skipTwoNodes, bool skipOneNode, CancellationToken ct)
    {
        Console.WriteLine($"# live-events: {provider}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; generators: {generators} processes on 127.0.0.2–127.0.0.{generators + 1}");
        Console.WriteLine($"# open-file limit per process: {File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal))?[26..].Trim()}");

        if (!skipOneNode)
        {
        Console.WriteLine($"\n## one node, {oneNode:N0} viewers");
        await using (var node = await StartNodeAsync(provider, connection, null, null))
        {
            var eventId = await SeedEventAsync(node);
            var moderator = await ModeratorAsync(node, ct);
            await using var crowd = await MemoryPerViewerAsync(node, oneNode, generators, eventId, ct);
            await MeasureDeliveryAsync(crowd, [(node, moderator)], eventId, approvals, ct);
            await MeasureQuestionsAsync(node, moderator, crowd, eventId, questionSeconds, ct);
            if (beyond > 0) await BeyondTheCapAsync(node, moderator, crowd, eventId, beyond, generators, ct);
        }
        }

        if (skipTwoNodes) return;
        Console.WriteLine($"\n## two nodes with Redis, {twoNodes:N0} viewers");
        using var redis = RedisServer.Start();
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        await using var a = await StartNodeAsync(provider, connection, redis.ConnectionString(prefix), null);
        await using var b = await StartNodeAsync(provider, connection, redis.ConnectionString(prefix), a);
        var live = await SeedEventAsync(a);
        var onA = await ModeratorAsync(a, ct);
        var onB = await ModeratorAsync(b, ct);
        var (beforeA, beforeB) = (a.ResidentBytes(), b.ResidentBytes());
        await using (var crowd = await Crowd.StartAsync([(a, twoNodes / 2), (b, twoNodes - twoNodes / 2)], generators, live, ct))
        {
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            Console.WriteLine($"memory: node A +{(a.ResidentBytes() - beforeA) / 1048576.0:N0} MB, node B +{(b.ResidentBytes() - beforeB) / 1048576.0:N0} MB: " +
                $"{(a.ResidentBytes() - beforeA + b.ResidentBytes() - beforeB) / (double)Math.Max(1, crowd.Open) / 1024:N1} KB per connection");
            await MeasureDeliveryAsync(crowd, [(a, onA), (b, onB)], live, approvals, ct);
        }
    }

    private static Task<AppProcess> StartNodeAsync(string provider, string? connection, string? redis, AppProcess? sharesDatabaseWith)
    {
        var settings = new Dictionary<string, string>
        {
            ["LiveEvents:SenderHashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["LiveEvents:Sms:AuthToken"] = SmsToken,
            ["LiveEvents:QuestionsPerMinute"] = "1000000", // the load comes from few senders; flood limits are not what is measured
            ["RequestLimits:Webhook:PermitLimit"] = "100000000",
            ["Accounts:RequireStaffTwoFactor"] = "true",
        };
        if (redis is not null) settings["ConnectionStrings:Redis"] = redis;
        return AppProcess.StartAsync(provider, connection, settings, sharesDatabaseWith);
    }

    private static async Task<long> SeedEventAsync(AppProcess node)
    {
        await using var db = node.OpenDatabase();
        var now = DateTime.UtcNow;
        var ev = new LiveEvent
        {
            TitleKo = "민선 시장 온라인 취임식 (벤치마크)", TitleEn = "Mayor's online inauguration (benchmark)", StartsAt = now, EndsAt = now.AddHours(1),
            State = LiveEventState.Live, WentLiveAt = now, AskPolicy = AskPolicy.AnyoneNamed, SmsNumber = SmsNumber, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(ev);
        await db.SaveChangesAsync();
        return ev.Id;
    }

    /// <summary>A moderator signed in through the pages (password, then the authenticator code), as on the day.</summary>
    private static async Task<HttpClient> ModeratorAsync(AppProcess node, CancellationToken ct)
    {
        var email = $"moderator-{Guid.NewGuid():N}@bench.example";
        const string password = "bench-moderator-password-42";
        var printed = await node.RunVerbAsync("create-admin", "--email", email, "--name", "Moderator", "--password", password);
        var key = TotpKey().Match(printed).Groups[1].Value;
        if (key.Length == 0) throw new InvalidOperationException("create-admin printed no key: " + printed);
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var form = await client.GetStringAsync("/account/sign-in", ct);
        using var first = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token(form)), new("Input.Email", email), new("Input.Password", password)]), ct);
        var twoFactor = await client.GetStringAsync(first.Headers.Location!.OriginalString, ct);
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
        using var second = await client.PostAsync(first.Headers.Location!.OriginalString, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token(twoFactor)), new("Input.Code", code)]), ct);
        if (second.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Moderator sign-in failed: {second.StatusCode}");
        return client;
    }

    /// <summary>Approves through the console's form, as a moderator clicks it; returns the moment of the click (the console page is loaded before).</summary>
    private static async Task<long> ApproveAsync(HttpClient moderator, long eventId, long question, CancellationToken ct)
    {
        var console = await moderator.GetStringAsync($"/admin/live/{eventId}", ct);
        var clicked = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var response = await moderator.PostAsync($"/admin/live/{eventId}?handler=decide", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Token(console)), new("question", question.ToString(CultureInfo.InvariantCulture)),
            new("decision", "Approve"), new("show", "waiting"),
        ]), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.Location!.OriginalString.Contains("done=Approve", StringComparison.Ordinal))
            throw new InvalidOperationException($"Approving failed: {response.StatusCode} {response.Headers.Location}");
        return clicked;
    }

    private static async Task<long> PendingQuestionAsync(AppProcess node, long eventId, int? marker)
    {
        await using var db = node.OpenDatabase();
        var q = new LiveQuestion
        {
            EventId = eventId, Channel = QuestionChannel.Web, ExternalId = "bench:" + Guid.NewGuid().ToString("N"), SenderKey = "bench:" + marker,
            SenderLabel = "벤치", Text = marker is null ? "준비 질문: 공원 화장실을 늘려 주세요" : $"BENCHMARK-M{marker} 지하철 막차 연장", State = QuestionState.Pending, ReceivedAt = DateTime.UtcNow,
        };
        db.Add(q);
        await db.SaveChangesAsync();
        return q.Id;
    }

    /// <summary>Approvals spaced apart (on each node in turn); for each, how soon it reached the viewers; then the snapshot check.</summary>
    private static async Task MeasureDeliveryAsync(Crowd crowd, IReadOnlyList<(AppProcess Node, HttpClient Moderator)> nodes, long eventId, int approvals, CancellationToken ct)
    {
        // A first approval on each node, not measured: the moderator's console and decision path are warm, as after the first minute of the day.
        foreach (var (node, moderator) in nodes) await ApproveAsync(moderator, eventId, await PendingQuestionAsync(node, eventId, null), ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        var windowStart = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await crowd.SendAsync($"window {windowStart}");
        var approvedAt = new Dictionary<int, long>();
        for (var m = 1; m <= approvals; m++)
        {
            var (node, moderator) = nodes[(m - 1) % nodes.Count];
            var question = await PendingQuestionAsync(node, eventId, crowd.NextMarker);
            await Task.Delay(TimeSpan.FromSeconds(3), ct); // apart from the last snapshot: what a moderator's click meets on a quiet moment
            approvedAt[crowd.NextMarker] = await ApproveAsync(moderator, eventId, question, ct);
            crowd.NextMarker++;
        }
        await Task.Delay(TimeSpan.FromSeconds(6), ct);
        var windowEnd = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 4000;
        var reports = await crowd.ReportAsync(windowEnd);
        var open = reports.Sum(r => r.Open);
        Console.WriteLine($"viewers connected: {open:N0} (refused {reports.Sum(r => r.Refused):N0}, failed {reports.Sum(r => r.Failed):N0}, dropped {reports.Sum(r => r.Closed):N0})");
        PrintReach(reports, approvedAt, marker => nodes.Count > 1 ? $" (approved on node {(char)('A' + (marker - 1) % nodes.Count)})" : "");
        var union = reports.SelectMany(r => r.Union).ToHashSet();
        var counts = reports.SelectMany(r => r.Counts).ToList();
        var missed = counts.Count(c => c < union.Count);
        Console.WriteLine($"snapshots sent in the window: {union.Count}; viewers that missed any: {missed:N0} of {counts.Count:N0}");
    }

    /// <summary>For each approved marker: how many viewers it reached, how many within the bound, and how soon after the click.</summary>
    private static void PrintReach(IReadOnlyList<Crowd.GeneratorReport> reports, IReadOnlyDictionary<int, long> approvedAt, Func<int, string> where)
    {
        var open = reports.Sum(r => r.Open);
        foreach (var (marker, at) in approvedAt)
        {
            var latencies = reports.SelectMany(r => r.Markers.TryGetValue(marker.ToString(CultureInfo.InvariantCulture), out var l) ? l : []).Select(t => t - at).Order().ToArray();
            double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * p))];
            var within = latencies.Count(l => l <= Bound.TotalMilliseconds) / (double)Math.Max(1, open);
            Console.WriteLine($"question M{marker}{where(marker)}: reached {latencies.Length:N0} of {open:N0}; within 2 s {within:P1}; p50 {Percentile(0.5):N0} ms, p95 {Percentile(0.95):N0} ms, max {(latencies.Length == 0 ? double.NaN : latencies[^1]):N0} ms");
        }
    }

    /// <summary>
    /// Questions through the web form and the SMS webhook together, as fast as they are accepted, while the viewers stay
    /// connected; meanwhile the moderator approves a marked question every 3 s, as on the day, and each approval's reach
    /// is reported as in the quiet phase (the console then lists a queue that grows by hundreds a second).
    /// </summary>
    private static async Task MeasureQuestionsAsync(AppProcess node, HttpClient moderator, Crowd crowd, long eventId, int seconds, CancellationToken ct)
    {
        const int webWorkers = 32, smsWorkers = 32;
        var web = new (HttpClient Client, string Token)[webWorkers];
        for (var i = 0; i < webWorkers; i++)
        {
            var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 1 })
            { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            web[i] = (client, Token(await client.GetStringAsync($"/live/{eventId}?mode=text", ct)));
        }
        using var sms = Load.Client(node.BaseAddress, smsWorkers);
        var smsUrl = new Uri(node.BaseAddress, SmsWebhook.Path).ToString();
        var duration = TimeSpan.FromSeconds(seconds);
        var webLoad = Load.RunAsync("question via web form", webWorkers, duration, async (w, i) =>
        {
            var (client, token) = web[w];
            using var response = await client.PostAsync($"/live/{eventId}/ask?mode=text", new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", token), new("Ask.Token", Guid.NewGuid().ToString("N")),
                new("Ask.DisplayName", $"시민 {w}"), new("Ask.Text", $"버스 노선 {w}-{i}번을 늘려 주세요"),
            ]), ct);
            return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("done=asked", StringComparison.Ordinal);
        }, ct);
        var smsLoad = Load.RunAsync("question via SMS webhook", smsWorkers, duration, async (w, i) =>
        {
            var form = new Dictionary<string, string>
            {
                ["MessageSid"] = $"SM{w:D3}{i:D9}{Guid.NewGuid():N}"[..34], ["AccountSid"] = "ACbench", ["From"] = $"+8210{w:D4}{i % 10000:D4}", ["To"] = SmsNumber,
                ["Body"] = $"지하철 {w}-{i} 막차를 늦춰 주세요",
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, SmsWebhook.Path) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Twilio-Signature", SmsWebhook.Sign(SmsToken, smsUrl, form.Select(p => (p.Key, p.Value))));
            using var response = await sms.SendAsync(request, ct);
            return response.StatusCode == HttpStatusCode.OK;
        }, ct);
        var approvedAt = new Dictionary<int, long>();
        var approvals = Task.Run(async () =>
        {
            var until = DateTime.UtcNow + duration - TimeSpan.FromSeconds(2);
            await Task.Delay(TimeSpan.FromSeconds(2), ct); // into the load first
            while (DateTime.UtcNow < until)
            {
                var marker = crowd.NextMarker++;
                var question = await PendingQuestionAsync(node, eventId, marker);
                approvedAt[marker] = await ApproveAsync(moderator, eventId, question, ct);
                await Task.Delay(TimeSpan.FromSeconds(3), ct);
            }
        }, ct);
        var results = await Task.WhenAll(webLoad, smsLoad);
        await approvals;
        foreach (var r in results) Console.WriteLine(r);
        await Task.Delay(TimeSpan.FromSeconds(4), ct);
        PrintReach(await crowd.ReportAsync(0), approvedAt, _ => " (approved during the questions load)");
        Console.WriteLine($"questions accepted: {results.Sum(r => r.PerSecond):N0} per second through both channels");
        await Task.Delay(2000, ct); // group commit drains
        await using var db = node.OpenDatabase();
        var stored = await db.Set<LiveQuestion>().CountAsync(q => q.EventId == eventId && (q.Channel == QuestionChannel.Sms || q.SenderKey.StartsWith("viewer:")), ct);
        Console.WriteLine($"stored: {stored:N0} (acknowledged {results.Sum(r => r.Requests):N0})");
    }

    /// <summary>More viewers than the node holds: they are refused with 503 and the node goes on serving those connected.</summary>
    private static async Task BeyondTheCapAsync(AppProcess node, HttpClient moderator, Crowd crowd, long eventId, int beyond, int generators, CancellationToken ct)
    {
        await using var extra = await Crowd.StartAsync([(node, beyond)], 1, eventId, ct, firstSource: generators + 2);
        var reports = await extra.ReportAsync(0);
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        var health = await http.GetAsync("/health/ready", ct);
        Console.WriteLine($"beyond the cap: {beyond:N0} more tried, {reports.Sum(r => r.Open):N0} connected, {reports.Sum(r => r.Refused):N0} refused with 503; node ready: {health.StatusCode}");
        await MeasureDeliveryAsync(crowd, [(node, moderator)], eventId, 1, ct);
    }

    private static string Token(string html) => TokenField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex(@"authenticator app: ([A-Z2-7]+)")]
    private static partial Regex TotpKey();

    /// <summary>The generator processes, each with its share of viewers on one node and its own source address.</summary>
    /// <summary>
    /// The resident memory a node holds per viewer, as medians of the samples (one sample lands anywhere between two
    /// collections, and the heap's garbage between them moved a single reading by several KB per viewer from run to run):
    /// a few seconds' idle, a fifth of the viewers for 30 s, all of them for a minute. Two figures: all viewers over the
    /// idle node (which includes what serving the first viewer loads once: code, pools), and each viewer added between a
    /// fifth and all of them (what one more viewer costs a node already serving some: the capacity per GB). The viewers
    /// stay connected for what follows.
    /// </summary>
    private static async Task<Crowd> MemoryPerViewerAsync(AppProcess node, int viewers, int generators, long eventId, CancellationToken ct)
    {
        static string Mb(long bytes) => $"{bytes / 1048576.0:N0} MB";
        var idle = await node.SteadyResidentBytesAsync(TimeSpan.FromSeconds(3), ct);
        var crowd = await Crowd.StartAsync([(node, Math.Max(1, viewers / 5))], Math.Max(1, generators / 2), eventId, ct);
        await Task.Delay(TimeSpan.FromSeconds(5), ct); // let the joins' snapshots and samples settle
        var some = await node.SteadyResidentBytesAsync(TimeSpan.FromSeconds(30), ct);
        var someOpen = crowd.Open;
        await crowd.AddAsync([(node, viewers - Math.Max(1, viewers / 5))], generators, eventId, ct);
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        var all = await node.SteadyResidentBytesAsync(TimeSpan.FromSeconds(60), ct);
        Console.WriteLine($"memory (medians of the samples; range): {Mb(idle.Median)} idle, {Mb(some.Median)} with {someOpen:N0} viewers ({Mb(some.Min)}–{Mb(some.Max)}), "
            + $"{Mb(all.Median)} with {crowd.Open:N0} ({Mb(all.Min)}–{Mb(all.Max)}): {(all.Median - idle.Median) / (double)Math.Max(1, crowd.Open) / 1024:N1} KB per connection "
            + $"over the idle node, {(all.Median - some.Median) / (double)Math.Max(1, crowd.Open - someOpen) / 1024:N1} KB per connection added");
        return crowd;
    }

    /// <summary>The comparison issue 22 asks for: a bare SignalR hub (bench/BareHub) with the same viewers, measured the same way.</summary>
    public static async Task BareHubMemoryAsync(int viewers, int generators, CancellationToken ct)
    {
        Console.WriteLine($"# live-events --bare-hub: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {viewers:N0} viewers from {generators} generator processes");
        await using var node = await AppProcess.StartBareHubAsync();
        await using var crowd = await MemoryPerViewerAsync(node, viewers, generators, eventId: 1, ct);
    }

    private sealed class Crowd : IAsyncDisposable
    {
        public sealed record GeneratorReport(int Open, int Refused, int Failed, int Closed, List<long> Union, List<int> Counts, Dictionary<string, List<long>> Markers);

        private readonly List<Process> processes = [];
        public int Open { get; private set; }
        public int NextMarker { get; set; } = 1;

        public static async Task<Crowd> StartAsync(IReadOnlyList<(AppProcess Node, int Viewers)> targets, int generators, long eventId, CancellationToken ct, int firstSource = 2)
        {
            var crowd = new Crowd();
            await crowd.AddAsync(targets, generators, eventId, ct, firstSource);
            return crowd;
        }

        /// <summary>More viewers, from generators of their own (each from the next 127.0.0.x after the crowd's).</summary>
        public async Task AddAsync(IReadOnlyList<(AppProcess Node, int Viewers)> targets, int generators, long eventId, CancellationToken ct, int firstSource = 2)
        {
            var started = Stopwatch.StartNew();
            var index = processes.Count;
            var already = processes.Count;
            var perNode = Math.Max(1, generators / targets.Count);
            foreach (var (node, viewers) in targets)
            {
                for (var g = 0; g < perNode; g++, index++)
                {
                    var share = viewers / perNode + (g < viewers % perNode ? 1 : 0);
                    var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
                    start.ArgumentList.Add(typeof(LiveEventsBenchmark).Assembly.Location);
                    foreach (var a in new[] { "live-viewers", "--hub", new Uri(new Uri(node.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal)), "/hubs/live-events").ToString(),
                        "--event", eventId.ToString(CultureInfo.InvariantCulture), "--count", share.ToString(CultureInfo.InvariantCulture),
                        "--source", $"127.0.0.{firstSource + index}", "--device", index % 3 == 2 ? "mobile" : "pc" })
                        start.ArgumentList.Add(a);
                    processes.Add(Process.Start(start)!);
                }
            }
            var opened = 0;
            foreach (var p in processes.Skip(already))
            {
                var line = await p.StandardOutput.ReadLineAsync(ct) ?? throw new InvalidOperationException("A generator stopped");
                opened += int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
                Console.WriteLine($"generator {p.Id}: {line} s");
            }
            Open += opened;
            Console.WriteLine($"{opened:N0} viewers connected in {started.Elapsed.TotalSeconds:N1} s");
        }

        public async Task SendAsync(string command)
        {
            foreach (var p in processes) await p.StandardInput.WriteLineAsync(command);
            foreach (var p in processes) await p.StandardInput.FlushAsync();
        }

        public async Task<List<GeneratorReport>> ReportAsync(long windowEnd)
        {
            await SendAsync($"report {windowEnd}");
            var reports = new List<GeneratorReport>();
            foreach (var p in processes)
                reports.Add(JsonSerializer.Deserialize<GeneratorReport>((await p.StandardOutput.ReadLineAsync())!, JsonSerializerOptions.Web)!);
            return reports;
        }

        public async ValueTask DisposeAsync()
        {
            await SendAsync("quit");
            foreach (var p in processes)
            {
                if (!p.WaitForExit(10_000)) p.Kill();
                p.Dispose();
            }
        }
    }

    /// <summary>A redis-server of the benchmark's own on a loopback port.</summary>
    private sealed class RedisServer : IDisposable
    {
        private readonly Process process;
        private readonly int port;

        private RedisServer(Process process, int port) { this.process = process; this.port = port; }

        public string ConnectionString(string prefix) => $"127.0.0.1:{port}";

        public static RedisServer Start()
        {
            int port;
            using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
            var process = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no") { RedirectStandardOutput = true, UseShellExecute = false })!;
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            Thread.Sleep(300);
            return new RedisServer(process, port);
        }

        public void Dispose()
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
        }
    }
}
