using System.Collections.Concurrent;
using System.Diagnostics;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Live;
using CityHall.Web.Modules.LiveEvents.Questions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CityHall.Tests.LiveEvents;

/// <summary>Two app instances sharing one database and one Redis (the backplane), as two nodes behind a load balancer.</summary>
public sealed class TwoNodeTests
{
    /// <summary>A node; the second of a pair uses the first one's database.</summary>
    private sealed class Node(string redis, string prefix, Node? sharesDatabaseWith = null) : LiveEventsApp(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = redis,
        ["Redis:Prefix"] = prefix,
        ["LiveEvents:SnapshotSeconds"] = "0.5",
        ["LiveEvents:CountsSeconds"] = "1",
        ["Database:Provider"] = sharesDatabaseWith?.Database.Provider,
        ["ConnectionStrings:Default"] = sharesDatabaseWith?.Database.ConnectionString,
    }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value))
    {
        public IConnectionMultiplexer Redis => Services.GetRequiredService<IConnectionMultiplexer>();

        public async Task<(HubConnection Connection, ConcurrentQueue<LiveSnapshot> Received)> ViewerAsync(long eventId, string device, string? session = null)
        {
            var received = new ConcurrentQueue<LiveSnapshot>();
            var connection = Hub(session is null ? null : $"{LiveEventHub.SessionCookie}={session}");
            connection.On<LiveSnapshot>(nameof(ILiveEventClient.Snapshot), received.Enqueue);
            await connection.StartAsync();
            received.Enqueue(await connection.InvokeAsync<LiveSnapshot>(nameof(LiveEventHub.Watch), eventId, device));
            return (connection, received);
        }

        public Task ApproveAsync(long eventId, long question) => LiveEventData.ApproveAsync(this, eventId, question);
    }

    private static async Task SeesAsync(ConcurrentQueue<LiveSnapshot> received, long question, string who, int seconds = 10)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (received.Any(s => s.Top.Any(q => q.Id == question))) return;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"{who} did not see question {question} within {seconds} s");
    }

    private static async Task UntilAsync(Func<bool> condition, string what, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException($"Not within {seconds} s: {what}");
            await Task.Delay(100);
        }
    }

    [RequiresRedisFact]
    public async Task A_question_approved_on_node_A_reaches_a_viewer_on_node_B_and_viewers_add_up_across_nodes()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        using var a = new Node(RequiresRedisFactAttribute.Server!, prefix);
        using var b = new Node(RequiresRedisFactAttribute.Server!, prefix, sharesDatabaseWith: a);
        var live = await LiveEventData.EventAsync(a);
        var question = await LiveEventData.QuestionAsync(a, live, "두 서버에 걸친 질문", QuestionState.Pending);
        var (onA, fromA) = await a.ViewerAsync(live, "pc", session: "viewer-on-both-nodes");
        var (onB, fromB) = await b.ViewerAsync(live, "mobile");

        await a.ApproveAsync(live, question);
        await SeesAsync(fromB, question, "the viewer on node B");
        await SeesAsync(fromA, question, "the viewer on node A");

        // Each node counts its own viewers; the snapshot shows both nodes' together.
        await UntilAsync(() => fromA.Concat(fromB).Any(s => s.ViewersPc == 1 && s.ViewersMobile == 1), "one PC viewer on A and one phone on B counted together");

        // The PC viewer's browser opens the event again and lands on node B: still one distinct viewer in the event's totals.
        var (again, _) = await b.ViewerAsync(live, "pc", session: "viewer-on-both-nodes");
        async Task<(int Pc, int Mobile)> TotalsAsync()
        {
            var row = await a.WithDbAsync(db => db.Set<LiveEvent>().AsNoTracking().SingleAsync(e => e.Id == live));
            return (row.TotalPc, row.TotalMobile);
        }
        for (var until = DateTime.UtcNow.AddSeconds(20); await TotalsAsync() != (1, 1); await Task.Delay(200))
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException($"The totals did not come to one PC and one phone: {await TotalsAsync()}");
        await Task.Delay(TimeSpan.FromSeconds(4)); // both nodes have sampled (every 3 s) since the viewer came back on B
        Assert.Equal((1, 1), await TotalsAsync());
        foreach (var c in new[] { onA, onB, again }) await c.DisposeAsync();
    }

    [RequiresRedisFact]
    public async Task Without_Redis_each_node_serves_its_own_viewers_and_stores_questions_and_cross_node_delivery_resumes_when_it_returns()
    {
        var port = CityHallApp.FreeLoopbackPort();
        using var server = new RedisServer(port);
        var redis = $"127.0.0.1:{port},connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000";
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        using var a = new Node(redis, prefix);
        using var b = new Node(redis, prefix, sharesDatabaseWith: a);
        var live = await LiveEventData.EventAsync(a, ask: AskPolicy.AnyoneNamed);
        var (onA, fromA) = await a.ViewerAsync(live, "pc");
        var (onB, fromB) = await b.ViewerAsync(live, "pc");
        var before = await LiveEventData.QuestionAsync(a, live, "장애 전 질문", QuestionState.Pending);
        await a.ApproveAsync(live, before);
        await SeesAsync(fromB, before, "node B before the outage");

        server.Stop();
        await UntilAsync(() => !a.Redis.IsConnected && !b.Redis.IsConnected, "both nodes noticing Redis is gone");

        // Node A still serves its own viewers, new ones too.
        var during = await LiveEventData.QuestionAsync(a, live, "장애 중 질문", QuestionState.Pending);
        await a.ApproveAsync(live, during);
        await SeesAsync(fromA, during, "the viewer on node A during the outage");
        var (joined, fromJoined) = await a.ViewerAsync(live, "mobile");
        Assert.Contains(fromJoined, s => s.Top.Any(q => q.Id == during));
        // Node B still takes questions.
        var guest = b.CreateBrowserLikeClient();
        var page = await guest.GetPageAsync($"/live/{live}");
        var sent = await guest.SubmitAsync(page, page.FilledIn("[data-ask-form]").With(("Ask.DisplayName", "장애 중 시민"), ("Ask.Text", "Redis 없이도 질문이 저장되나요?")), "[data-ask-form]");
        Assert.Contains("done=asked", Html.RedirectedTo(sent));
        Assert.Contains(await LiveEventData.QuestionsAsync(a, live), q => q.Text == "Redis 없이도 질문이 저장되나요?");

        server.Start();
        await UntilAsync(() => a.Redis.IsConnected && b.Redis.IsConnected, "both nodes reconnecting to Redis", 30);
        // Once Redis is back every node sends its events' snapshots again: whatever B's viewer missed, it now has.
        await SeesAsync(fromB, during, "the viewer on node B after Redis returned");

        // Cross-node again: approved on B, seen on A — by the viewer from before and the one who joined during the outage.
        var after = await LiveEventData.QuestionAsync(a, live, "복구 후 질문", QuestionState.Pending);
        await b.ApproveAsync(live, after);
        await SeesAsync(fromA, after, "the viewer on node A after Redis returned");
        await SeesAsync(fromJoined, after, "the viewer who joined node A during the outage");
        foreach (var c in new[] { onA, onB, joined }) await c.DisposeAsync();
    }

    [RequiresRedisFact]
    public async Task A_storm_of_2000_viewers_joining_and_leaving_while_Redis_stalls_leaves_no_registration_behind_and_no_message_heard_twice()
    {
        var port = CityHallApp.FreeLoopbackPort();
        using var server = new RedisServer(port);
        // Redis's own timeouts longer than the stall: the stall is slowness, not an outage.
        var redis = $"127.0.0.1:{port},asyncTimeout=20000,syncTimeout=20000";
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        using var a = new Node(redis, prefix);
        using var b = new Node(redis, prefix, sharesDatabaseWith: a);
        var live = await LiveEventData.EventAsync(a);

        // Ten viewers stay throughout, five on each node, and count every test message they hear.
        var heard = new ConcurrentDictionary<(int Viewer, int Message), int>();
        var stayers = new List<HubConnection>();
        for (var i = 0; i < 10; i++)
        {
            var (connection, _) = await (i % 2 == 0 ? a : b).ViewerAsync(live, "pc");
            var viewer = i;
            connection.On<int>("StormTest", m => heard.AddOrUpdate((viewer, m), 1, (_, n) => n + 1));
            stayers.Add(connection);
        }

        // 2,000 viewers join and leave, 1,000 on each node, a hundred at a time.
        var gone = 0;
        async Task StormAsync(int from, int count)
        {
            foreach (var wave in Enumerable.Range(from, count).Chunk(100))
            {
                await Task.WhenAll(wave.Select(async i =>
                {
                    var (connection, _) = await (i % 2 == 0 ? a : b).ViewerAsync(live, i % 3 == 0 ? "mobile" : "pc");
                    await connection.DisposeAsync();
                    Interlocked.Increment(ref gone);
                }));
            }
        }
        var send = a.Services.GetRequiredService<Microsoft.AspNetCore.SignalR.IHubContext<LiveEventHub>>();
        await StormAsync(0, 600);
        await send.Clients.All.SendCoreAsync("StormTest", [1]);

        // Redis stalls for five seconds in the middle of the storm: registrations and leaves go unanswered past
        // the nodes' two-second wait, and messages sent meanwhile are not confirmed.
        // (redis-cli, as an operator would: the same command sent through StackExchange.Redis did not pause the server.)
        using (var pause = Process.Start(new ProcessStartInfo("redis-cli", $"-p {port} CLIENT PAUSE 5000 ALL") { RedirectStandardOutput = true })!)
        {
            Assert.Equal("OK", (await pause.StandardOutput.ReadToEndAsync()).Trim());
            await pause.WaitForExitAsync();
        }
        await Task.WhenAll(StormAsync(600, 800), send.Clients.All.SendCoreAsync("StormTest", [2]), send.Clients.All.SendCoreAsync("StormTest", [3]));
        await StormAsync(1400, 600);
        await send.Clients.All.SendCoreAsync("StormTest", [4]);

        // Once the nodes' checks have caught up, the backplane holds the ten who stayed and no one who left
        // (each connection registered is a subscription to its own channel).
        using var observer = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port}");
        var probe = observer.GetServer($"127.0.0.1:{port}");
        async Task<int> RegisteredAsync() => (await probe.SubscriptionChannelsAsync(RedisChannel.Pattern($"{prefix}:*:connection:*"))).Length;
        await UntilAsync(() => RegisteredAsync().GetAwaiter().GetResult() == stayers.Count, "the backplane holding exactly the ten connections that stayed", 30);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a registration finishing late would show by now
        Assert.Equal(stayers.Count, await RegisteredAsync());
        Assert.Equal(2000, gone);

        // Every message reached every viewer who stayed, once: none was delivered both directly and through Redis.
        var messages = Enumerable.Range(1, 4).ToList();
        await UntilAsync(() => stayers.Select((_, v) => v).All(v => messages.All(m => heard.ContainsKey((v, m)))), "every viewer hearing every message");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second delivery, if any, would have arrived by now
        Assert.All(heard, h => Assert.True(h.Value == 1, $"viewer {h.Key.Viewer} heard message {h.Key.Message} {h.Value} times"));
        foreach (var c in stayers) await c.DisposeAsync();
    }

    /// <summary>A redis-server of the test's own, to stop and start again.</summary>
    private sealed class RedisServer : IDisposable
    {
        private readonly int port;
        private Process? process;

        public RedisServer(int port)
        {
            this.port = port;
            Start();
        }

        public void Start()
        {
            process = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            })!;
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            var until = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < until)
            {
                try
                {
                    using var probe = new System.Net.Sockets.TcpClient();
                    probe.Connect("127.0.0.1", port);
                    return;
                }
                catch (System.Net.Sockets.SocketException) { Thread.Sleep(50); }
            }
            throw new InvalidOperationException($"redis-server did not start on {port}");
        }

        public void Stop()
        {
            if (process is null) return;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
            process = null;
        }

        public void Dispose() => Stop();
    }
}
