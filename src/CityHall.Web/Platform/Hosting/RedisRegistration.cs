using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// Scale-out is switched on by configuration only: with ConnectionStrings:Redis set, SignalR's backplane
/// carries hub messages between nodes and readiness checks Redis. The data-protection keys (cookies,
/// antiforgery, the CCTV recorders' stored keys) live in the database whatever the topology: every node
/// shares it already, a backup carries them (a restored city still reads what it protected), and a node
/// started while Redis is away still reads its key ring.
/// </summary>
public static class RedisRegistration
{
    public static IServiceCollection AddCityHallDataProtectionAndRedis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("CityHall").PersistKeysToDbContext<AppDbContext>();
        CachingDataProtectionProvider.Decorate(services);
        var signalR = services.AddSignalR(o => o.EnableDetailedErrors = false);
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis)) return services;
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false; // start even if Redis is down; readiness reports it
        options.ReconnectRetryPolicy = new ExponentialRetry(500, 5000); // back within seconds of Redis returning
        // Keys and channels carry a prefix, so several installations (or test runs) can share one Redis.
        var prefix = configuration["Redis:Prefix"] is { Length: > 0 } p ? p : "cityhall";
        services.AddSingleton(new RedisPrefix(prefix));
        // On the multiplexer itself: SignalR is given this one (ConnectionFactory below), so a prefix set in
        // its own options was never applied and installations sharing a Redis heard each other's hubs.
        // SignalR is the only user of pub/sub here.
        options.ChannelPrefix = RedisChannel.Literal(prefix + ":");
        var multiplexer = ConnectionMultiplexer.Connect(options);
        services.AddSingleton<IConnectionMultiplexer>(multiplexer);
        signalR.AddStackExchangeRedis(o => o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(multiplexer));
        // The backplane, but each node keeps serving its own viewers while Redis is away.
        services.AddSingleton(typeof(Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisHubLifetimeManager<>));
        services.AddSingleton(typeof(Microsoft.AspNetCore.SignalR.HubLifetimeManager<>), typeof(FailoverHubLifetimeManager<>));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }
}

public static class RedisConnectionState
{
    /// <summary>
    /// Messages published now reach subscribers: both of the multiplexer's connections answer, commands
    /// and subscriptions. After an outage the command connection often comes back first; a message
    /// published then reaches nobody, this node included.
    /// </summary>
    public static bool CarriesMessages(this IConnectionMultiplexer redis) => redis.IsConnected && redis.GetSubscriber().IsConnected();
}

public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Degraded, not unhealthy: without Redis a node still serves everything (its own viewers, every
            // page and write), so a load balancer must keep it. Were it "not ready", a Redis outage would take
            // every node out at once. The body says "Degraded" for monitoring to alert on.
            return HealthCheckResult.Degraded("Redis does not answer: each node serves its own viewers", ex);
        }
    }
}

/// <summary>What this installation's Redis keys and channels start with (Redis:Prefix, "cityhall" by default).</summary>
public sealed record RedisPrefix(string Value)
{
    public string Key(string name) => $"{Value}:{name}";
}
