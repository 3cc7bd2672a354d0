using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CityHall.Bench;

/// <summary>
/// One load-generator process (started by <see cref="LiveEventsBenchmark"/>): many lightweight
/// viewers, each a raw WebSocket speaking SignalR's JSON protocol (handshake, Watch, heartbeats),
/// not a client-library object each. Connections leave from a source address of their own
/// (127.0.0.x), so the ephemeral ports of one address are not the limit. For each viewer it keeps
/// when each marked question ("BENCHMARK-M{n}") first reached it and which snapshots (by their
/// "at") it received; the coordinator asks for that over stdin and reads a JSON line back.
/// </summary>
public static class LiveViewers
{
    private static readonly byte[] MarkerPrefix = "BENCHMARK-M"u8.ToArray();
    private static readonly byte[] SnapshotTarget = "\"target\":\"Snapshot\""u8.ToArray();
    private static readonly byte[] AtField = "\"at\":\""u8.ToArray();

    private sealed class Viewer
    {
        public ClientWebSocket Socket = null!;
        public readonly ConcurrentDictionary<int, long> Markers = new();
        public readonly HashSet<long> Snapshots = [];
        public volatile bool Open;
        /// <summary>1 while a send is in flight (a WebSocket takes one send at a time).</summary>
        public int Sending;
    }

    public static async Task<int> RunAsync(Uri hub, long eventId, int count, string source, string device, int parallel, CancellationToken ct)
    {
        var invoker = SignalRSockets.FromSource(source);
        var viewers = Enumerable.Range(0, count).Select(_ => new Viewer()).ToArray();
        int refused = 0, failed = 0;
        // Heartbeats from the start (a viewer connected early is not silent through the whole connection
        // storm), every 25 s as the page sends them: each second a 25th of the viewers, so the cycle
        // stays 25 s however busy this process is.
        _ = Task.Run(async () =>
        {
            var beat = SignalRSockets.LiveEventHeartbeat(eventId, device);
            using var second = new PeriodicTimer(TimeSpan.FromSeconds(1));
            var next = 0;
            var perSecond = (viewers.Length + 24) / 25;
            while (await second.WaitForNextTickAsync(ct))
            {
                for (var k = 0; k < perSecond; k++, next = (next + 1) % viewers.Length)
                    if (viewers[next].Open) _ = SendAsync(viewers[next], beat, ct);
            }
        }, ct);
        var started = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(parallel))
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    for (var attempt = 0; attempt < 4; attempt++)
                    {
                        var outcome = await ConnectAsync(viewers[i], hub, invoker, eventId, device, ct);
                        if (outcome == 0) return;
                        if (outcome == 503) { Interlocked.Increment(ref refused); return; } // the node is full: counted, not retried here
                        await Task.Delay(200 * (attempt + 1), ct);
                    }
                    Interlocked.Increment(ref failed);
                }
                finally { gate.Release(); }
            }));
        }
        var open = viewers.Count(v => v.Open);
        Console.WriteLine($"connected {open} refused {refused} failed {failed} in {started.Elapsed.TotalSeconds:F1}");


        long windowStart = long.MaxValue;
        string? line;
        while ((line = await Console.In.ReadLineAsync(ct)) is not null)
        {
            var parts = line.Split(' ');
            switch (parts[0])
            {
                case "window":
                    windowStart = long.Parse(parts[1], CultureInfo.InvariantCulture);
                    foreach (var v in viewers) lock (v.Snapshots) v.Snapshots.Clear();
                    break;
                case "report":
                    var windowEnd = long.Parse(parts[1], CultureInfo.InvariantCulture);
                    Console.WriteLine(Report(viewers, windowStart, windowEnd, refused, failed));
                    break;
                case "quit":
                    foreach (var v in viewers.Where(v => v.Open)) v.Socket.Abort();
                    return 0;
            }
        }
        return 0;
    }

    private static string Report(Viewer[] viewers, long windowStart, long windowEnd, int refused, int failed)
    {
        var union = new HashSet<long>();
        var counts = new List<int>();
        foreach (var v in viewers)
        {
            lock (v.Snapshots)
            {
                var inWindow = v.Snapshots.Where(at => at >= windowStart && at <= windowEnd).ToList();
                union.UnionWith(inWindow);
                if (v.Open) counts.Add(inWindow.Count);
            }
        }
        var markers = viewers.SelectMany(v => v.Markers).GroupBy(m => m.Key).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Select(m => m.Value).ToList());
        return JsonSerializer.Serialize(new
        {
            open = viewers.Count(v => v.Open), refused, failed, closed = viewers.Count(v => v.Socket is not null && !v.Open && v.Socket.State != WebSocketState.None),
            union = union.ToList(), counts, markers,
        });
    }

    /// <returns>0 when watching, 503 when the node refused, else -1.</returns>
    private static async Task<int> ConnectAsync(Viewer v, Uri hub, HttpMessageInvoker invoker, long eventId, string device, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // SignalR has its own pings
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(hub, invoker, ct);
        }
        catch (WebSocketException)
        {
            var status = (int)socket.HttpStatusCode;
            socket.Dispose();
            return status == 503 ? 503 : -1;
        }
        catch (HttpRequestException) { socket.Dispose(); return -1; }
        v.Socket = socket;
        await SignalRSockets.WatchLiveEventAsync(socket, eventId, device, ct);
        v.Open = true;
        _ = Task.Run(() => ReceiveAsync(v, ct), ct);
        return 0;
    }

    private static async Task SendAsync(Viewer v, byte[] message, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref v.Sending, 1) == 1) return;
        try { await v.Socket.SendAsync(message, WebSocketMessageType.Text, true, ct); }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException) { v.Open = false; }
        finally { Volatile.Write(ref v.Sending, 0); }
    }

    private static async Task ReceiveAsync(Viewer v, CancellationToken ct)
    {
        await SignalRSockets.ReadRecordsAsync(v.Socket, record => Handle(v, record.Span, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ct);
        v.Open = false;
    }

    private static void Handle(Viewer v, ReadOnlySpan<byte> record, long receivedAt)
    {
        // The first time each marked question shows up (in a snapshot or the Watch answer).
        var rest = record;
        int at;
        while ((at = rest.IndexOf(MarkerPrefix)) >= 0)
        {
            rest = rest[(at + MarkerPrefix.Length)..];
            var digits = 0;
            while (digits < rest.Length && rest[digits] is >= (byte)'0' and <= (byte)'9') digits++;
            if (digits > 0 && int.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var marker))
                v.Markers.TryAdd(marker, receivedAt);
        }
        if (record.IndexOf(SnapshotTarget) < 0) return;
        var field = record.IndexOf(AtField);
        if (field < 0) return;
        var value = record[(field + AtField.Length)..];
        var end = value.IndexOf((byte)'"');
        if (end > 0 && DateTimeOffset.TryParse(Encoding.ASCII.GetString(value[..end]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var snapshotAt))
            lock (v.Snapshots) v.Snapshots.Add(snapshotAt.ToUnixTimeMilliseconds());
    }
}
