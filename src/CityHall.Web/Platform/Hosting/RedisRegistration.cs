using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// Scale-out is switched on by configuration only: with ConnectionStrings:Redis set, the
/// data-protection keys (cookies, antiforgery) are shared through Redis and readiness checks it;
/// without it, keys live in the database and one node needs nothing else. SignalR is registered here
/// too: with Redis, its backplane carries hub messages between nodes on the same connection.
/// </summary>
public static class RedisRegistration
{
    public static IServiceCollection AddCityHallDataProtectionAndRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("CityHall");
        CachingDataProtectionProvider.Decorate(services);
        var signalR = services.AddSignalR(o => o.EnableDetailedErrors = false);
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            dataProtection.PersistKeysToDbContext<AppDbContext>();
            return services;
        }
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false; // start even if Redis is down; readiness reports it
        var multiplexer = ConnectionMultiplexer.Connect(options);
        services.AddSingleton<IConnectionMultiplexer>(multiplexer);
        dataProtection.PersistKeysToStackExchangeRedis(multiplexer, "cityhall:data-protection-keys");
        signalR.AddStackExchangeRedis(o =>
        {
            o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(multiplexer);
            o.Configuration.ChannelPrefix = RedisChannel.Literal("cityhall:signalr");
        });
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }
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
            return HealthCheckResult.Unhealthy("Redis does not answer", ex);
        }
    }
}
