using System.Net;
using CityHall.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CityHall.Tests.Platform;

/// <summary>An installation on the test Redis under a prefix of its own, so what it finds there is its own doing.</summary>
public sealed class RedisApp() : CityHallApp(new Dictionary<string, string?>
{
    ["ConnectionStrings:Redis"] = RequiresRedisFactAttribute.Server ?? "127.0.0.1:1",
    ["Redis:Prefix"] = NewPrefix(),
})
{
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];
}

public sealed class UnreachableRedisApp() : CityHallApp(new Dictionary<string, string?>
{
    // Port 1 on loopback: nothing listens, so Redis is down from the app's point of view.
    ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=500",
});

public sealed class RedisTests(RedisApp app) : IClassFixture<RedisApp>
{
    [RequiresRedisFact]
    public async Task With_Redis_configured_readiness_checks_it_and_the_key_ring_still_lives_in_the_database()
    {
        var client = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-up")).StatusCode); // issues an antiforgery token: needs a data-protection key
        // In the database, where backups carry it and a node started while Redis is away still reads it.
        Assert.True(await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync()) >= 1);
        var redis = (IConnectionMultiplexer)app.Services.GetService(typeof(IConnectionMultiplexer))!;
        Assert.False(await redis.GetDatabase().KeyExistsAsync(app.Settings["Redis:Prefix"] + ":data-protection-keys"));
    }
}

/// <summary>Nodes of one installation share their key ring through its database; another installation on the same Redis does not read it.</summary>
public sealed class RedisSharingTests : IDisposable
{
    private readonly RedisApp first = new();

    public void Dispose() => first.Dispose();

    [RequiresRedisFact]
    public async Task A_sign_in_on_one_node_holds_on_another_node_and_not_on_a_node_of_another_installation()
    {
        using var second = new OtherNode(first);
        using var stranger = new RedisApp(); // its own database and prefix, the same Redis
        var email = $"redis-{Guid.NewGuid():N}@example.org";
        await first.SignedUpCitizenAsync(email);
        var (_, cookie) = await CityHall.Tests.Accounts.SessionTests.SignInAsync(first, email);

        Assert.Equal(HttpStatusCode.OK, await CityHall.Tests.Accounts.SessionTests.ProfileWithAsync(second, cookie));
        // Other installation, other key ring: the cookie cannot be read, so the profile asks for a sign-in.
        Assert.Equal(HttpStatusCode.Redirect, await CityHall.Tests.Accounts.SessionTests.ProfileWithAsync(stranger, cookie));
    }
}

public sealed class UnreachableRedisTests(UnreachableRedisApp app) : IClassFixture<UnreachableRedisApp>
{
    [Fact]
    public async Task When_Redis_is_down_the_node_stays_in_the_load_balancer_and_readiness_says_degraded()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        // Still ready: a Redis outage must not take every node out of the load balancer at once.
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
