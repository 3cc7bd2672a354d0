using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// The Redis backplane, made to survive Redis going away. SignalR's Redis lifetime manager delivers
/// even this node's own messages through Redis, so without Redis nobody would hear anything. This
/// manager also keeps every local connection and group in a local (in-memory) manager: while Redis
/// answers, messages go through the backplane and reach every node; while it does not, they go to
/// this node's own connections, and new viewers can still join. A connection whose registration with
/// the backplane failed or is still under way (Redis away, or slow while thousands join at once) is
/// registered, with its groups, by a check every two seconds and as soon as Redis is back; so
/// cross-node delivery resumes and no viewer is left hearing only this node.
/// </summary>
public sealed class FailoverHubLifetimeManager<THub> : HubLifetimeManager<THub>, IDisposable where THub : Hub
{
    /// <summary>How long a backplane operation may take before this node stops waiting for it.</summary>
    private static readonly TimeSpan RedisWait = TimeSpan.FromSeconds(2);

    private sealed class Tracked(HubConnectionContext context)
    {
        public HubConnectionContext Context { get; } = context;
        public HashSet<string> Groups { get; } = [];
        public volatile bool InBackplane;
        /// <summary>The backplane registration under way (it may finish after this node stopped waiting for it).</summary>
        public Task? Joining;
    }

    private readonly RedisHubLifetimeManager<THub> backplane;
    private readonly DefaultHubLifetimeManager<THub> local;
    private readonly IConnectionMultiplexer redis;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, Tracked> connections = new();
    private readonly SemaphoreSlim resync = new(1, 1);

    public FailoverHubLifetimeManager(RedisHubLifetimeManager<THub> backplane, IConnectionMultiplexer redis,
        ILogger<FailoverHubLifetimeManager<THub>> logger, ILoggerFactory loggers)
    {
        this.backplane = backplane;
        this.redis = redis;
        this.logger = logger;
        local = new DefaultHubLifetimeManager<THub>(loggers.CreateLogger<DefaultHubLifetimeManager<THub>>());
        redis.ConnectionRestored += (_, _) => _ = Task.Run(RegisterMissedAsync);
        checker = new Timer(_ => _ = RegisterMissedAsync(), null, CheckEvery, CheckEvery);
    }

    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);
    private readonly Timer checker;

    /// <summary>Until subscriptions are back too (not only commands), this node serves its own connections.</summary>
    private bool RedisUp => redis.CarriesMessages();

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        var tracked = new Tracked(connection);
        connections[connection.ConnectionId] = tracked;
        await local.OnConnectedAsync(connection);
        if (!RedisUp) return;
        tracked.Joining = backplane.OnConnectedAsync(connection);
        if (await TryAsync(() => tracked.Joining, "join")) tracked.InBackplane = true;
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        connections.TryRemove(connection.ConnectionId, out var tracked);
        await local.OnDisconnectedAsync(connection);
        if (tracked?.InBackplane == true) await TryAsync(() => backplane.OnDisconnectedAsync(connection), "leave");
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        if (!connections.TryGetValue(connectionId, out var tracked))
        {
            await backplane.AddToGroupAsync(connectionId, groupName, cancellationToken); // another node's connection
            return;
        }
        lock (tracked.Groups) tracked.Groups.Add(groupName);
        await local.AddToGroupAsync(connectionId, groupName, cancellationToken);
        // Not (yet) registered, or the backplane failed: the two-second check registers the group.
        if (tracked.InBackplane && RedisUp && !await TryAsync(() => backplane.AddToGroupAsync(connectionId, groupName, cancellationToken), "group"))
            tracked.InBackplane = false;
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        if (!connections.TryGetValue(connectionId, out var tracked))
        {
            await backplane.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
            return;
        }
        lock (tracked.Groups) tracked.Groups.Remove(groupName);
        await local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        if (tracked.InBackplane && RedisUp) await TryAsync(() => backplane.RemoveFromGroupAsync(connectionId, groupName, cancellationToken), "ungroup");
    }

    /// <summary>Through the backplane while Redis answers; else to this node's own connections.</summary>
    private async Task SendAsync(Func<HubLifetimeManager<THub>, Task> send)
    {
        if (RedisUp && await TryAsync(() => send(backplane), "send")) return;
        await send(local);
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendAllAsync(methodName, args, cancellationToken));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        connections.ContainsKey(connectionId)
            ? local.SendConnectionAsync(connectionId, methodName, args, cancellationToken)
            : SendAsync(m => m.SendConnectionAsync(connectionId, methodName, args, cancellationToken));

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken));

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupAsync(groupName, methodName, args, cancellationToken));

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupsAsync(groupNames, methodName, args, cancellationToken));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendUserAsync(userId, methodName, args, cancellationToken));

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendUsersAsync(userIds, methodName, args, cancellationToken));

    /// <summary>Registers with the backplane, with their groups, the connections that are not (yet): joined while Redis was away, or slowly.</summary>
    private async Task RegisterMissedAsync()
    {
        // The dictionary is enumerated as it is: its Values would copy every connection under all its locks, every two seconds.
        if (!RedisUp || connections.All(c => c.Value.InBackplane) || !await resync.WaitAsync(0)) return;
        try
        {
            var registered = 0;
            foreach (var (_, tracked) in connections)
            {
                if (tracked.InBackplane) continue;
                if (!RedisUp) return;
                if (tracked.Joining is { IsCompleted: false }) continue; // still under way: next check
                if (tracked.Joining is not { IsCompletedSuccessfully: true })
                {
                    tracked.Joining = backplane.OnConnectedAsync(tracked.Context);
                    if (!await TryAsync(() => tracked.Joining, "rejoin")) continue;
                }
                string[] groups;
                lock (tracked.Groups) groups = [.. tracked.Groups];
                var grouped = true;
                foreach (var group in groups)
                    grouped &= await TryAsync(() => backplane.AddToGroupAsync(tracked.Context.ConnectionId, group), "regroup");
                if (!grouped) continue;
                tracked.InBackplane = true;
                registered++;
            }
            if (registered > 0) logger.LogInformation("{Count} local connections registered with the backplane late (Redis was away or slow)", registered);
        }
        finally { resync.Release(); }
    }

    private async Task<bool> TryAsync(Func<Task> operation, string what)
    {
        try
        {
            await operation().WaitAsync(RedisWait);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogWarning("The SignalR backplane failed ({What}): {Message}; serving this node's connections alone", what, ex.Message);
            return false;
        }
    }

    public void Dispose()
    {
        checker.Dispose();
        backplane.Dispose();
        resync.Dispose();
    }
}
