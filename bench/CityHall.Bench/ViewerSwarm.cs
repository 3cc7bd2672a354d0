using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CityHall.Bench;

/// <summary>
/// Live-event viewers for the drills, in this process: raw WebSockets speaking SignalR's JSON protocol (Watch, then a
/// heartbeat every 25 s as the page sends), which, when their connection drops, reconnect as the watch page does
/// (live-event.js: a jittered delay of min(30 s, 1 s × 2^attempt) × 0.5–1.5, then Watch again). It counts the drops,
/// how long each viewer took to watch again, and reads the viewer count the snapshots carry.
/// </summary>
public sealed partial class ViewerSwarm : IAsyncDisposable
{
    private readonly Uri hub;
    private readonly long eventId;
    private readonly CancellationTokenSource stopping = new();
    private readonly Viewer[] viewers;
    private long dropped, reconnected, slowestReconnectTicks;
    private volatile int lastViewerCount = -1;
    // Connections leave from several 127.0.0.x addresses, so one address's ephemeral ports are not the limit.
    private readonly HttpMessageInvoker[] sources = Enumerable.Range(2, 8).Select(i => SignalRSockets.FromSource($"127.0.0.{i}")).ToArray();

    private sealed class Viewer
    {
        public ClientWebSocket? Socket;
        public volatile bool Open;
    }

    private ViewerSwarm(Uri site, long eventId, int count)
    {
        hub = new Uri(new Uri(site.ToString().Replace("http", "ws", StringComparison.Ordinal)), "/hubs/live-events");
        this.eventId = eventId;
        viewers = Enumerable.Range(0, count).Select(_ => new Viewer()).ToArray();
    }

    public int Open => viewers.Count(v => v.Open);
    public long Dropped => Interlocked.Read(ref dropped);
    public long Reconnected => Interlocked.Read(ref reconnected);
    public TimeSpan SlowestReconnect => TimeSpan.FromTicks(Interlocked.Read(ref slowestReconnectTicks));

    public void ResetDrops()
    {
        Interlocked.Exchange(ref dropped, 0);
        Interlocked.Exchange(ref reconnected, 0);
        Interlocked.Exchange(ref slowestReconnectTicks, 0);
    }

    public static async Task<ViewerSwarm> StartAsync(Uri site, long eventId, int count, CancellationToken ct)
    {
        var swarm = new ViewerSwarm(site, eventId, count);
        using var gate = new SemaphoreSlim(64);
        await Task.WhenAll(swarm.viewers.Select(async (v, i) =>
        {
            await gate.WaitAsync(ct);
            try
            {
                for (var attempt = 0; !await swarm.ConnectAsync(v, i, ct); attempt++)
                    await Task.Delay(ReconnectDelay(attempt), ct);
            }
            finally { gate.Release(); }
            _ = Task.Run(() => swarm.WatchAsync(v, i), CancellationToken.None);
        }));
        _ = Task.Run(swarm.HeartbeatsAsync, CancellationToken.None);
        return swarm;
    }

    /// <summary>The watch page's back-off (live-event.js).</summary>
    private static TimeSpan ReconnectDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(30_000, 1000 * Math.Pow(2, attempt)) * (0.5 + Random.Shared.NextDouble()));

    private async Task<bool> ConnectAsync(Viewer v, int index, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // SignalR pings itself
        try
        {
            await socket.ConnectAsync(hub, sources[index % sources.Length], ct);
            await SignalRSockets.WatchLiveEventAsync(socket, eventId, "pc", ct);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
        {
            socket.Dispose();
            return false;
        }
        v.Socket = socket;
        v.Open = true;
        return true;
    }

    /// <summary>Receives until the connection drops, then reconnects with the page's back-off; for as long as the swarm lives.</summary>
    private async Task WatchAsync(Viewer v, int index)
    {
        var ct = stopping.Token;
        while (!ct.IsCancellationRequested)
        {
            await SignalRSockets.ReadRecordsAsync(v.Socket!, record =>
            {
                if (index % 97 != 0) return; // a sample of viewers reads the count
                var text = Encoding.UTF8.GetString(record.Span);
                var pc = ViewersPc().Match(text);
                var mobile = ViewersMobile().Match(text);
                if (pc.Success && mobile.Success) lastViewerCount = int.Parse(pc.Groups[1].Value) + int.Parse(mobile.Groups[1].Value);
            }, ct);
            v.Open = false;
            v.Socket?.Dispose();
            if (ct.IsCancellationRequested) return;
            Interlocked.Increment(ref dropped);
            var away = Stopwatch.StartNew();
            for (var attempt = 0; !ct.IsCancellationRequested; attempt++)
            {
                try { await Task.Delay(ReconnectDelay(attempt), ct); }
                catch (OperationCanceledException) { return; }
                if (await ConnectAsync(v, index, ct)) break;
            }
            Interlocked.Increment(ref reconnected);
            var took = away.Elapsed.Ticks;
            long seen;
            while (took > (seen = Interlocked.Read(ref slowestReconnectTicks)) && Interlocked.CompareExchange(ref slowestReconnectTicks, took, seen) != seen) { }
        }
    }

    private async Task HeartbeatsAsync()
    {
        var beat = SignalRSockets.LiveEventHeartbeat(eventId, "pc");
        using var second = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var next = 0;
        var perSecond = (viewers.Length + 24) / 25;
        try
        {
            while (await second.WaitForNextTickAsync(stopping.Token))
            {
                for (var k = 0; k < perSecond; k++, next = (next + 1) % viewers.Length)
                {
                    var v = viewers[next];
                    if (!v.Open || v.Socket is not { } socket) continue;
                    try { await socket.SendAsync(beat, WebSocketMessageType.Text, true, stopping.Token); }
                    catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException) { }
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Waits until the snapshots' viewer count is within 2 % of <paramref name="expected"/>; returns the last count seen.</summary>
    public async Task<int> WaitForViewerCountAsync(int expected, TimeSpan limit, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit && Math.Abs(lastViewerCount - expected) > expected / 50) await Task.Delay(500, ct);
        return lastViewerCount;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        foreach (var v in viewers) v.Socket?.Abort();
        foreach (var source in sources) source.Dispose();
        stopping.Dispose();
    }

    [GeneratedRegex("\"viewersPc\":(\\d+)")]
    private static partial Regex ViewersPc();

    [GeneratedRegex("\"viewersMobile\":(\\d+)")]
    private static partial Regex ViewersMobile();
}
