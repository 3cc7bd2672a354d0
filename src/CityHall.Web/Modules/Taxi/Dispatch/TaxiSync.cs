using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text.Json;
using CityHall.Web.Platform.Hosting;
using StackExchange.Redis;

namespace CityHall.Web.Modules.Taxi.Dispatch;

/// <summary>What happened to a driver or a call, as one node tells the others.</summary>
public sealed record TaxiEvent(TaxiEventKind Kind, long DriverId = 0, long CallId = 0, CarFeatures Features = CarFeatures.None, string? Language = null,
    string? Languages = null, double Latitude = 0, double Longitude = 0, DateTimeOffset At = default, double RadiusMeters = 0, DriverState State = DriverState.Free);

public enum TaxiEventKind { OnDuty, OffDuty, DriverState, CallOpened, CallClosed, CallWidened, OfferAccepted, OfferDeclined }

/// <summary>
/// Keeps every node's view of the taxis in step. Whatever a request changes — a driver on or off duty, a position, a
/// car freed at a trip's end, a call opened, cancelled or widened, an offer accepted or declined — is applied here at
/// once and, with Redis configured, published to the other nodes, which apply it too. So every node's
/// <see cref="DriverMap"/> knows every car (estimates anywhere, and a node taking over dispatch starts warm), and the
/// node holding the dispatch lease hears of every call and answer whichever node took the request.
/// <para>
/// Positions, the bulk (14,000 a second in Seoul), travel in binary batches every <see cref="BatchMilliseconds"/>; the
/// rest as JSON events. A message lost while Redis is away is made good by the dispatcher's periodic reconciliation
/// with the database (<see cref="DispatchLoop"/>), which also holds what was decided: offers, acceptances, assignments.
/// </para>
/// </summary>
public sealed class TaxiSync(DriverMap map, DispatchInbox inbox, IServiceProvider services, ILogger<TaxiSync> logger) : BackgroundService
{
    public const int BatchMilliseconds = 100;
    private const int PositionBytes = 32; // driver id, latitude, longitude, time (ticks)

    private readonly IConnectionMultiplexer? redis = services.GetService<IConnectionMultiplexer>();
    // The multiplexer puts the installation's prefix before every channel (RedisRegistration).
    private static readonly RedisChannel EventsChannel = RedisChannel.Literal("taxi:events");
    private static readonly RedisChannel PositionsChannel = RedisChannel.Literal("taxi:positions");
    /// <summary>This node's name on the channels, so it does not apply its own messages twice.</summary>
    private readonly byte[] node = Guid.NewGuid().ToByteArray();
    private readonly ConcurrentQueue<(long DriverId, double Latitude, double Longitude, DateTimeOffset At)> positions = new();

    /// <summary>Whether other nodes are told (Redis is configured).</summary>
    public bool Shared => redis is not null;

    public void OnDuty(long driverId, CarTraits traits) =>
        Publish(new TaxiEvent(TaxiEventKind.OnDuty, DriverId: driverId, Features: traits.Features, Languages: string.Join(' ', traits.Languages)));

    public void OffDuty(long driverId) => Publish(new TaxiEvent(TaxiEventKind.OffDuty, DriverId: driverId));

    /// <summary>A car is free again (its trip ended or was cancelled) or busy.</summary>
    public void DriverState(long driverId, DriverState state) => Publish(new TaxiEvent(TaxiEventKind.DriverState, DriverId: driverId, State: state));

    public void CallOpened(TaxiCall call) => Publish(new TaxiEvent(TaxiEventKind.CallOpened, CallId: call.Id, Latitude: call.PickupLatitude,
        Longitude: call.PickupLongitude, Features: call.Needs, Language: call.Language, At: new DateTimeOffset(call.CalledAt, TimeSpan.Zero),
        RadiusMeters: call.SearchRadiusMeters));

    public void CallClosed(long callId) => Publish(new TaxiEvent(TaxiEventKind.CallClosed, CallId: callId));

    public void CallWidened(TaxiCall call) => Publish(new TaxiEvent(TaxiEventKind.CallWidened, CallId: call.Id, Latitude: call.PickupLatitude,
        Longitude: call.PickupLongitude, Features: call.Needs, Language: call.Language, At: new DateTimeOffset(call.CalledAt, TimeSpan.Zero),
        RadiusMeters: call.SearchRadiusMeters));

    public void OfferAccepted(long callId, long driverId) => Publish(new TaxiEvent(TaxiEventKind.OfferAccepted, DriverId: driverId, CallId: callId));

    public void OfferDeclined(long callId, long driverId) => Publish(new TaxiEvent(TaxiEventKind.OfferDeclined, DriverId: driverId, CallId: callId));

    /// <summary>A position this node accepted (it is on this node's map already): the other nodes get it with the next batch.</summary>
    public void PositionReported(long driverId, double latitude, double longitude, DateTimeOffset at)
    {
        if (redis is not null) positions.Enqueue((driverId, latitude, longitude, at));
    }

    private void Publish(TaxiEvent e)
    {
        Apply(e);
        if (redis is null) return;
        var body = JsonSerializer.SerializeToUtf8Bytes(e);
        var message = new byte[node.Length + body.Length];
        node.CopyTo(message, 0);
        body.CopyTo(message, node.Length);
        // Fire and forget, and never the request's failure: with Redis away the change stands on this node, and a lost
        // message is made good by the dispatcher's reconciliation with the database.
        try { redis.GetSubscriber().Publish(EventsChannel, message, CommandFlags.FireAndForget); }
        catch (Exception ex) when (ex is RedisException or TimeoutException) { logger.LogDebug(ex, "Taxi: a {Kind} message was not shared", e.Kind); }
    }

    private void Apply(TaxiEvent e)
    {
        switch (e.Kind)
        {
            case TaxiEventKind.OnDuty:
                map.OnDuty(e.DriverId, CarTraits.Of(e.Features, e.Languages ?? ""));
                break;
            case TaxiEventKind.OffDuty:
                map.OffDuty(e.DriverId);
                break;
            case TaxiEventKind.DriverState:
                map.SetState(e.DriverId, e.State);
                break;
            case TaxiEventKind.OfferAccepted:
                map.SetState(e.DriverId, Dispatch.DriverState.Busy, e.CallId);
                inbox.Post(e);
                break;
            default:
                inbox.Post(e); // the dispatcher's business, if this node dispatches
                break;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (redis is null) return;
        var subscriber = redis.GetSubscriber();
        // Redis may be away at start: keep trying (an exception here would stop the whole app), sharing nothing meanwhile.
        while (true)
        {
            try
            {
                await subscriber.SubscribeAsync(EventsChannel, (_, value) => Receive(value, events: true));
                await subscriber.SubscribeAsync(PositionsChannel, (_, value) => Receive(value, events: false));
                break;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning(ex, "Taxi: not listening to the other nodes yet (Redis away); trying again in 5 s");
                while (positions.TryDequeue(out _)) { } // nobody to tell
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(BatchMilliseconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (positions.IsEmpty) continue;
            var count = positions.Count;
            var buffer = new byte[node.Length + count * PositionBytes];
            node.CopyTo(buffer, 0);
            var written = 0;
            while (written < count && positions.TryDequeue(out var p))
            {
                var at = buffer.AsSpan(node.Length + written * PositionBytes, PositionBytes);
                BinaryPrimitives.WriteInt64LittleEndian(at, p.DriverId);
                BinaryPrimitives.WriteDoubleLittleEndian(at[8..], p.Latitude);
                BinaryPrimitives.WriteDoubleLittleEndian(at[16..], p.Longitude);
                BinaryPrimitives.WriteInt64LittleEndian(at[24..], p.At.UtcTicks);
                written++;
            }
            try { await subscriber.PublishAsync(PositionsChannel, buffer.AsMemory(0, node.Length + written * PositionBytes)); }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Positions are superseded within seconds: a lost batch is not sent again.
                logger.LogDebug(ex, "Taxi: a batch of {Count} positions was not shared", written);
            }
        }
    }

    private void Receive(RedisValue value, bool events)
    {
        ReadOnlyMemory<byte> message = (byte[])value!;
        if (message.Length < node.Length || message.Span[..node.Length].SequenceEqual(node)) return; // our own
        var body = message.Span[node.Length..];
        try
        {
            if (events)
            {
                if (JsonSerializer.Deserialize<TaxiEvent>(body) is { } e) Apply(e);
                return;
            }
            for (var offset = 0; offset + PositionBytes <= body.Length; offset += PositionBytes)
            {
                var p = body.Slice(offset, PositionBytes);
                // Checked again here as on the node that took it; a refusal (crossed with a newer report) changes nothing.
                map.Report(BinaryPrimitives.ReadInt64LittleEndian(p), BinaryPrimitives.ReadDoubleLittleEndian(p[8..]), BinaryPrimitives.ReadDoubleLittleEndian(p[16..]),
                    new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(p[24..]), TimeSpan.Zero));
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Taxi: a message from another node could not be read");
        }
    }
}

/// <summary>
/// Calls and answers waiting for the dispatcher: posted by <see cref="TaxiSync"/> from any node, taken by
/// <see cref="DispatchLoop"/> while this node holds the dispatch lease (and dropped while it does not: the holder reloads
/// what it needs from the database when it takes the lease).
/// </summary>
public sealed class DispatchInbox : IDisposable
{
    private readonly ConcurrentQueue<TaxiEvent> queue = new();
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Post(TaxiEvent e)
    {
        queue.Enqueue(e);
        Wake();
    }

    /// <summary>Asks the dispatch loop to look at its schedule again (no message).</summary>
    public void Wake()
    {
        try { if (signal.CurrentCount == 0) signal.Release(); }
        catch (SemaphoreFullException) { } // already signalled
    }

    public bool TryTake(out TaxiEvent e) => queue.TryDequeue(out e!);

    public void Dispose() => signal.Dispose();

    /// <summary>Waits until something is posted or the time is up.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        if (!queue.IsEmpty) return;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var posted = signal.WaitAsync(waiting.Token);
        await Task.WhenAny(posted, Task.Delay(timeout, clock, waiting.Token));
        await waiting.CancelAsync();
        try { await posted; } catch (OperationCanceledException) { }
        ct.ThrowIfCancellationRequested();
    }
}
