using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace CityHall.Bench;

/// <summary>
/// What the raw-WebSocket SignalR clients of the benchmarks (live-event viewers, taxi phones) share: connections from a
/// source address of their own (127.0.0.x), so one address's ephemeral ports are not the limit, and reading the JSON
/// protocol's records (each ends with 0x1e) as frames arrive.
/// </summary>
public static class SignalRSockets
{
    private const byte RecordSeparator = 0x1e;

    /// <summary>An invoker whose connections leave from <paramref name="source"/>.</summary>
    public static HttpMessageInvoker FromSource(string source) => new(new SocketsHttpHandler
    {
        ConnectCallback = ConnectFrom(source),
        PooledConnectionLifetime = TimeSpan.Zero,
    });

    /// <summary>A SocketsHttpHandler.ConnectCallback whose connections leave from <paramref name="source"/> (127.0.x.y; null: any).</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectFrom(string? source) => async (context, token) =>
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (source is not null) socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
            await socket.ConnectAsync(context.DnsEndPoint, token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };

    /// <summary>What a live event's viewer sends once connected: the JSON protocol's handshake, then Watch (as live-event.js does).</summary>
    public static async Task WatchLiveEventAsync(ClientWebSocket socket, long eventId, string device, CancellationToken ct)
    {
        await socket.SendAsync("{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray(), WebSocketMessageType.Text, true, ct);
        await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Watch\",\"arguments\":[{eventId},\"{device}\"]}}\u001e"),
            WebSocketMessageType.Text, true, ct);
    }

    /// <summary>The heartbeat a viewer sends every 25 s (live-event.js), so the event counts it.</summary>
    public static byte[] LiveEventHeartbeat(long eventId, string device) =>
        System.Text.Encoding.UTF8.GetBytes($"{{\"type\":1,\"target\":\"Heartbeat\",\"arguments\":[{eventId},\"{device}\"]}}\u001e");

    /// <summary>Hands each record the socket receives to <paramref name="record"/> until it closes, fails or is cancelled.</summary>
    public static async Task ReadRecordsAsync(ClientWebSocket socket, Action<ReadOnlyMemory<byte>> record, CancellationToken ct)
    {
        var buffer = new byte[8192];
        var message = new ArrayBufferWriter<byte>(8192);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage) continue;
                var frame = message.WrittenMemory;
                var start = 0;
                for (var i = 0; i < frame.Length; i++)
                {
                    if (frame.Span[i] != RecordSeparator) continue;
                    record(frame[start..i]);
                    start = i + 1;
                }
                message.ResetWrittenCount();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException) { }
    }
}
