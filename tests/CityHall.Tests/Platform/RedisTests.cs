using System.Net;
using CityHall.Tests.Infrastructure;
using StackExchange.Redis;

namespace CityHall.Tests.Platform;

public sealed class RedisApp() : CityHallApp(new Dictionary<string, string?>
{
    ["ConnectionStrings:Redis"] = (RequiresRedisFactAttribute.Server ?? "127.0.0.1:1") + ",defaultDatabase=" + Random.Shared.Next(1, 15),
});

public sealed class UnreachableRedisApp() : CityHallApp(new Dictionary<string, string?>
{
    // Port 1 on loopback: nothing listens, so Redis is down from the app's point of view.
    ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=500",
});

public sealed class RedisTests(RedisApp app) : IClassFixture<RedisApp>
{
    [RequiresRedisFact]
    public async Task With_Redis_configured_readiness_checks_it_and_the_keys_are_shared_through_it()
    {
        var client = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        await client.GetAsync("/account/sign-up"); // issues an antiforgery token: needs a data-protection key
        var redis = (IConnectionMultiplexer)app.Services.GetService(typeof(IConnectionMultiplexer))!;
        var keys = await redis.GetDatabase().ListLengthAsync("cityhall:data-protection-keys");
        Assert.True(keys >= 1);
    }
}

public sealed class UnreachableRedisTests(UnreachableRedisApp app) : IClassFixture<UnreachableRedisApp>
{
    [Fact]
    public async Task When_Redis_is_down_the_app_is_live_but_not_ready()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
