using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CityHall.Bench;

/// <summary>
/// Cars' phones on the taxi hub (/hubs/taxi), one connection each as in the street: a raw WebSocket speaking SignalR's
/// JSON protocol (handshake, Share with the shift's token, then Report invocations), not a client-library object each,
/// so 70,000 fit in this process. Connections leave from source addresses of their own (127.0.0.x, 20,000 each), so
/// the ephemeral ports of one address are not the limit. A report is done when its completion comes back: taken
/// (a null result) or refused (a result or an error).
/// </summary>
public sealed class TaxiHubCars : IAsyncDisposable
{
    private const int PerSourceAddress = 20_000;

    private sealed class Phone(ClientWebSocket socket)
    {
        public ClientWebSocket Socket { get; } = socket;
        public SemaphoreSlim Sending { get; } = new(1, 1);
        public ConcurrentDictionary<long, TaskCompletionSource<bool>> Pending { get; } = new();
    }

    private readonly Phone[] phones;
    private readonly CancellationTokenSource stop = new();
    private long nextInvocation;
    private volatile bool keepAlive = true;

    private TaxiHubCars(Phone[] phones) => this.phones = phones;

    public int Count => phones.Length;

    /// <summary>Connects one phone per token, <paramref name="parallel"/> at a time, each sharing its positions with its token.</summary>
    public static async Task<TaxiHubCars> ConnectAsync(Uri baseAddress, IReadOnlyList<string> tokens, int parallel, CancellationToken ct)
    {
        var hub = new UriBuilder(baseAddress) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws", Path = "/hubs/taxi" }.Uri;
        var invokers = Enumerable.Range(0, (tokens.Count + PerSourceAddress - 1) / PerSourceAddress).Select(a => SignalRSockets.FromSource($"127.0.0.{2 + a}")).ToArray();
        var phones = new Phone[tokens.Count];
        var cars = new TaxiHubCars(phones);
        _ = cars.KeepAliveAsync(); // until the reports start, the server hears something every 15 s (it drops a silent client at 30)
        using var gate = new SemaphoreSlim(parallel);
        await Task.WhenAll(Enumerable.Range(0, tokens.Count).Select(async i =>
        {
            await gate.WaitAsync(ct);
            try { phones[i] = await cars.OpenAsync(hub, invokers[i / PerSourceAddress], tokens[i], ct); }
            finally { gate.Release(); }
        }));
        return cars;
    }

    /// <summary>The reports begin: they keep every connection alive from now on.</summary>
    public void Reporting() => keepAlive = false;

    /// <summary>One position from car <paramref name="car"/>; true when the hub took it.</summary>
    public async Task<bool> ReportAsync(int car, double latitude, double longitude, DateTimeOffset at, CancellationToken ct)
    {
        var phone = phones[car];
        var id = Interlocked.Increment(ref nextInvocation);
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        phone.Pending[id] = done;
        var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"Report\",\"arguments\":[{latitude:R},{longitude:R},\"{at:O}\"]}}\u001e"));
        await SendAsync(phone, message, ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await using (timeout.Token.Register(() => done.TrySetCanceled()))
            return await done.Task;
    }

    private async Task<Phone> OpenAsync(Uri hub, HttpMessageInvoker invoker, string token, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // SignalR has its own pings
        await socket.ConnectAsync(hub, invoker, ct);
        var phone = new Phone(socket);
        _ = Task.Run(() => ReceiveAsync(phone, stop.Token), CancellationToken.None);
        await SendAsync(phone, "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray(), ct);
        var id = Interlocked.Increment(ref nextInvocation);
        var shared = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        phone.Pending[id] = shared;
        await SendAsync(phone, Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"Share\",\"arguments\":[\"{token}\"]}}\u001e"), ct);
        if (!await shared.Task.WaitAsync(TimeSpan.FromSeconds(60), ct)) throw new InvalidOperationException("the hub refused a car's token");
        return phone;
    }

    private static async Task SendAsync(Phone phone, byte[] message, CancellationToken ct)
    {
        await phone.Sending.WaitAsync(ct);
        try { await phone.Socket.SendAsync(message, WebSocketMessageType.Text, true, ct); }
        finally { phone.Sending.Release(); }
    }

    private async Task KeepAliveAsync()
    {
        var ping = "{\"type\":6}\u001e"u8.ToArray();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        while (keepAlive && await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            foreach (var phone in phones)
                if (keepAlive && phone is { Socket.State: WebSocketState.Open })
                    try { await SendAsync(phone, ping, stop.Token); } catch (WebSocketException) { }
    }

    private static async Task ReceiveAsync(Phone phone, CancellationToken ct)
    {
        try { await SignalRSockets.ReadRecordsAsync(phone.Socket, record => Complete(phone, record.Span), ct); }
        catch (JsonException) { }
        foreach (var pending in phone.Pending.Values) pending.TrySetResult(false);
    }

    /// <summary>A completion (type 3) settles its invocation: true when it carries neither an error nor a refusal.</summary>
    private static void Complete(Phone phone, ReadOnlySpan<byte> record)
    {
        using var json = JsonDocument.Parse(record.ToArray());
        var root = json.RootElement;
        // The handshake's "{}", pings (6) and anything else but a completion (3) settle nothing.
        if (!root.TryGetProperty("type", out var type) || type.GetInt32() != 3 || !root.TryGetProperty("invocationId", out var id)) return;
        if (!phone.Pending.TryRemove(long.Parse(id.GetString()!, CultureInfo.InvariantCulture), out var done)) return;
        var taken = !root.TryGetProperty("error", out _) && (!root.TryGetProperty("result", out var result) || result.ValueKind == JsonValueKind.Null);
        done.TrySetResult(taken);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        foreach (var phone in phones.Where(p => p is not null)) phone.Socket.Abort();
        stop.Dispose();
    }
}
