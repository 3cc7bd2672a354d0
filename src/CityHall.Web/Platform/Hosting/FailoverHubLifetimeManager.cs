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
/// A connection that leaves while its registration is under way (or while Redis is away) is
/// unregistered once the registration has ended and Redis answers, by the same check: connection
/// storms leave nothing behind in the backplane. A message whose publication is slow is not also
/// delivered locally (it would reach this node's viewers twice when Redis catches up): only one
/// that Redis certainly did not take is.
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
        /// <summary>The backplane registration under way or done (it may finish after this node stopped waiting for it).</summary>
        public Task? Joining;
        /// <summary>The connection has gone: no registration starts after this, and one started is undone.</summary>
        public bool Left;
        public Lock Gate { get; } = new();
    }

    private readonly RedisHubLifetimeManager<THub> backplane;
    private readonly DefaultHubLifetimeManager<THub> local;
    private readonly IConnectionMultiplexer redis;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, Tracked> connections = new();
    /// <summary>Connections gone whose backplane registration is still to be removed (it was under way, or Redis was away, when they left).</summary>
    private readonly ConcurrentDictionary<string, Tracked> leaving = new();
    private readonly SemaphoreSlim resync = new(1, 1);

    public FailoverHubLifetimeManager(RedisHubLifetimeManager<THub> backplane, IConnectionMultiplexer redis,
        ILogger<FailoverHubLifetimeManager<THub>> logger, ILoggerFactory loggers)
    {
        this.backplane = backplane;
        this.redis = redis;
        this.logger = logger;
        local = new DefaultHubLifetimeManager<THub>(loggers.CreateLogger<DefaultHubLifetimeManager<THub>>());
        redis.ConnectionRestored += (_, _) => _ = Task.Run(ReconcileAsync);
        checker = new Timer(_ => _ = ReconcileAsync(), null, CheckEvery, CheckEvery);
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
        if (StartJoining(tracked) is { } joining && await TryAsync(() => joining, "join")) tracked.InBackplane = true;
    }

    /// <summary>Starts registering the connection with the backplane, unless it has left; null when it has.</summary>
    private Task? StartJoining(Tracked tracked)
    {
        lock (tracked.Gate)
        {
            if (tracked.Left) return null;
            var joining = backplane.OnConnectedAsync(tracked.Context);
            // This node may stop waiting for it: a later failure is seen here, not left unobserved.
            _ = joining.ContinueWith(t => logger.LogDebug(t.Exception, "A backplane registration failed after this node stopped waiting"),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return tracked.Joining = joining;
        }
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        connections.TryRemove(connection.ConnectionId, out var tracked);
        await local.OnDisconnectedAsync(connection);
        if (tracked is null) return;
        Task? joining;
        lock (tracked.Gate)
        {
            tracked.Left = true;
            joining = tracked.Joining;
        }
        if (joining is null) return; // never offered to the backplane
        if (joining.IsCompleted && RedisUp && await TryAsync(() => backplane.OnDisconnectedAsync(connection), "leave")) return;
        // Still registering, or Redis away or slow: the check removes it once it can.
        leaving[connection.ConnectionId] = tracked;
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

    /// <summary>
    /// Through the backplane while Redis answers; else to this node's own connections. A publication
    /// still under way when this node stops waiting may yet reach everyone, this node's viewers
    /// included, so it is not delivered locally too; only when Redis certainly did not take it
    /// (down, or the connection failed before sending) do this node's viewers get it directly.
    /// </summary>
    private async Task SendAsync(Func<HubLifetimeManager<THub>, Task> send)
    {
        if (!RedisUp)
        {
            await send(local);
            return;
        }
        try
        {
            await send(backplane).WaitAsync(RedisWait);
            return;
        }
        catch (TimeoutException)
        {
            // This node's wait, or Redis's own (RedisTimeoutException is one): sent but unanswered, it may yet be
            // published, and delivering it here too could show it twice.
            logger.LogWarning("The SignalR backplane did not confirm a message in time; it goes out if Redis takes it, and is not delivered again locally");
            return;
        }
        catch (Exception ex) when (ex is RedisException or ObjectDisposedException)
        {
            // Refused or never sent (the connection failed, a server error): nobody got it through Redis.
            logger.LogWarning("The SignalR backplane failed (send): {Message}; serving this node's connections alone", ex.Message);
        }
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

    /// <summary>
    /// The two-second check (and the moment Redis is back): unregisters the connections that left while
    /// their registration was under way or Redis was away, and registers, with their groups, the
    /// connections that are not (yet): joined while Redis was away, or slowly. It runs from a timer,
    /// with nobody to throw to: every failure is logged here.
    /// </summary>
    private async Task ReconcileAsync()
    {
        try
        {
            // The dictionary is enumerated as it is: its Values would copy every connection under all its locks, every two seconds.
            if (!RedisUp || (leaving.IsEmpty && connections.All(c => c.Value.InBackplane)) || !await resync.WaitAsync(0)) return;
            try
            {
                await UnregisterLeftAsync();
                await RegisterMissedAsync();
            }
            finally { resync.Release(); }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Reconciling this node's connections with the SignalR backplane failed; the next check tries again");
        }
    }

    private async Task UnregisterLeftAsync()
    {
        var removed = 0;
        foreach (var (id, tracked) in leaving)
        {
            if (!RedisUp) return;
            if (tracked.Joining is { IsCompleted: false }) continue; // still registering: undone at a later check
            if (!await TryAsync(() => backplane.OnDisconnectedAsync(tracked.Context), "late leave")) continue;
            leaving.TryRemove(id, out _);
            removed++;
        }
        if (removed > 0) logger.LogInformation("{Count} departed connections unregistered from the backplane late (they left while registering, or Redis was away)", removed);
    }

    private async Task RegisterMissedAsync()
    {
        var registered = 0;
        foreach (var (_, tracked) in connections)
        {
            if (tracked.InBackplane) continue;
            if (!RedisUp) return;
            if (tracked.Joining is { IsCompleted: false }) continue; // still under way: next check
            if (tracked.Joining is not { IsCompletedSuccessfully: true })
            {
                if (StartJoining(tracked) is not { } joining) continue; // it left meanwhile
                if (!await TryAsync(() => joining, "rejoin")) continue;
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
