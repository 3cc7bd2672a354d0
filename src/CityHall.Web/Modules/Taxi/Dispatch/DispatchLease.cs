using System.Diagnostics;
using CityHall.Web.Platform.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CityHall.Web.Modules.Taxi.Dispatch;

/// <summary>
/// The right to dispatch the city's taxis, held by one node at a time: a Redis key naming the holder, taken when
/// free and extended by its holder, expiring <see cref="TaxiOptions.DispatchLeaseSeconds"/> after the last extension.
/// The holder counts its lease as lapsed a fifth of that earlier than Redis does, timed from before each request
/// (a node stalled by a pause or cut off from Redis stops dispatching before anyone else can start), and checks it
/// before every round. Without Redis (one node) the lease is always held.
/// </summary>
public sealed class DispatchLease(IServiceProvider services, IOptionsMonitor<TaxiOptions> options, ILogger<DispatchLease> logger)
{
    // Takes the key if free, extends it if ours; 1 when held after the call.
    private const string TakeOrExtend = """
        local holder = redis.call('GET', KEYS[1])
        if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
        if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
        return 0
        """;

    private const string ReleaseIfOurs = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly IConnectionMultiplexer? redis = services.GetService<IConnectionMultiplexer>();
    private readonly RedisKey key = (services.GetService<RedisPrefix>() ?? new("cityhall")).Key("taxi:dispatch-lease:city");
    private readonly string node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private long heldUntil; // Stopwatch timestamp

    private TimeSpan Term => TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.DispatchLeaseSeconds));

    /// <summary>How often the holder extends it (and others try to take it).</summary>
    public TimeSpan RenewEvery => Term / 5;

    /// <summary>Whether this node may dispatch now.</summary>
    public bool Held => redis is null || Stopwatch.GetTimestamp() < Volatile.Read(ref heldUntil);

    /// <summary>Takes the lease if it is free, or extends it if it is this node's; whether this node holds it now.</summary>
    public async Task<bool> RefreshAsync()
    {
        if (redis is null) return true;
        var asked = Stopwatch.GetTimestamp();
        var term = Term;
        try
        {
            var result = await redis.GetDatabase().ScriptEvaluateAsync(TakeOrExtend, [key], [node, (long)term.TotalMilliseconds]);
            var until = (int)result == 1 ? asked + (long)(term.TotalSeconds * 0.8 * Stopwatch.Frequency) : 0;
            var before = Interlocked.Exchange(ref heldUntil, until);
            if (until != 0 && before == 0) logger.LogInformation("Taxi: this node ({Node}) dispatches now", node);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Held until its local end: no other node can take it sooner, and this one stops in time.
            logger.LogWarning(ex, "Taxi: the dispatch lease could not be refreshed");
        }
        return Held;
    }

    /// <summary>Gives the lease up (shutting down), so another node takes over at once rather than when it expires.</summary>
    public async Task ReleaseAsync()
    {
        if (redis is null || Interlocked.Exchange(ref heldUntil, 0) == 0) return;
        try { await redis.GetDatabase().ScriptEvaluateAsync(ReleaseIfOurs, [key], [node]); }
        catch (Exception ex) when (ex is RedisException or TimeoutException) { logger.LogWarning(ex, "Taxi: the dispatch lease could not be released"); }
    }
}
