using System.Collections.Concurrent;
using System.Globalization;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Platform.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CityHall.Web.Modules.LiveEvents.Live;

/// <summary>
/// Sends what changed. Moderators hear of every question and decision at once. Viewers get a
/// coalesced snapshot: a change only marks its event; a loop sends each marked event's snapshot at
/// most every <see cref="LiveEventsOptions.SnapshotSeconds"/>, so a thousand votes a second cost one
/// message per viewer per period. What viewers wait for (a question approved, put on stage,
/// answered) goes out at the first moment the period allows; changes of counts alone (votes, new
/// questions waiting for review, viewers) wait <see cref="LiveEventsOptions.CountsSeconds"/>, so they
/// seldom hold back a moderator's decision. With several nodes (Redis configured) a short Redis lock per event
/// and period lets one node send for all of them through the backplane, and the nodes add up their
/// viewers in a Redis hash; the peak is sampled every few seconds and written only when it grows.
/// </summary>
public sealed class LiveUpdates(IHubContext<LiveEventHub, ILiveEventClient> hub, IServiceScopeFactory scopes, ViewerCounter viewers,
    TimeProvider clock, IOptions<LiveEventsOptions> options, ILogger<LiveUpdates> logger, IServiceProvider services) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(3);
    /// <summary>Another node's viewer count older than this is left out (the node is gone).</summary>
    private static readonly TimeSpan NodeCountFreshness = TimeSpan.FromSeconds(15);

    /// <summary>What changed per event since its last snapshot.</summary>
    [Flags]
    private enum Change : byte { None = 0, Counts = 1, Content = 2 }

    private readonly ConcurrentDictionary<long, Change> changed = new();
    private readonly ConcurrentDictionary<long, long> lastSent = new();
    private readonly ConcurrentDictionary<long, (LiveSnapshot Snapshot, long BuiltAt)> latest = new();
    private readonly ConcurrentDictionary<long, (int Pc, int Mobile)> allNodesViewers = new();
    private readonly ConcurrentDictionary<long, int> peaks = new();
    private readonly ConcurrentDictionary<long, Lazy<Task<LiveSnapshot?>>> building = new();
    private readonly IConnectionMultiplexer? redis = services.GetService<IConnectionMultiplexer>();
    private readonly RedisPrefix prefix = services.GetService<RedisPrefix>() ?? new("cityhall");
    private readonly string node = Environment.MachineName + ":" + Environment.ProcessId + ":" + Guid.NewGuid().ToString("N")[..8];

    private TimeSpan Period => TimeSpan.FromSeconds(Math.Max(0.1, options.Value.SnapshotSeconds));
    private TimeSpan CountsPeriod => TimeSpan.FromSeconds(Math.Max(options.Value.SnapshotSeconds, options.Value.CountsSeconds));

    /// <summary>
    /// A question arrived (viewers see only the count change: it waits for review) or a moderator
    /// decided on it (viewers see it with the next period); moderators hear of both at once.
    /// </summary>
    public void QuestionChanged(LiveQuestion question, long? onStageId = null, bool decided = true)
    {
        Send(hub.Clients.Group(LiveEventHub.ModeratorsGroup(question.EventId)).Question(ModeratedQuestion.From(question, onStageId)));
        Mark(question.EventId, decided ? Change.Content : Change.Counts);
    }

    /// <summary>The event itself changed (state, stage): viewers get a snapshot with the next period.</summary>
    public void EventChanged(long eventId) => Mark(eventId, Change.Content);

    /// <summary>A question's supports changed: the ranking reaches viewers with the counts.</summary>
    public void SupportsChanged(long eventId) => Mark(eventId, Change.Counts);

    private void Mark(long eventId, Change change)
    {
        changed.AddOrUpdate(eventId, change, (_, before) => before | change);
        // What viewers wait for wakes the loop at once rather than at its next tick.
        if (change.HasFlag(Change.Content) && wake.CurrentCount == 0) wake.Release();
    }

    private readonly SemaphoreSlim wake = new(0);

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    /// <summary>The snapshot a joining viewer gets: the last one built, if it is at most one period old.</summary>
    public async Task<LiveSnapshot?> CurrentAsync(long eventId, CancellationToken ct = default)
    {
        if (latest.TryGetValue(eventId, out var known) && clock.GetElapsedTime(known.BuiltAt) < Period) return known.Snapshot;
        // Thousands join at the start: one build serves them all.
        var lazy = building.GetOrAdd(eventId, id => new Lazy<Task<LiveSnapshot?>>(() => BuildAsync(id, CancellationToken.None)));
        try { return await lazy.Value.WaitAsync(ct); }
        finally { building.TryRemove(new KeyValuePair<long, Lazy<Task<LiveSnapshot?>>>(eventId, lazy)); }
    }

    /// <summary>A snapshot read now (after the reader's own change, so they see it).</summary>
    public Task<LiveSnapshot?> FreshAsync(long eventId, CancellationToken ct = default) => BuildAsync(eventId, ct);

    /// <summary>
    /// Redis is back after an outage: while it was away each node sent only to its own viewers, so
    /// viewers elsewhere missed those decisions. Every node sends its events' snapshots again through
    /// the backplane — once a second after the reconnection and again three seconds after, because
    /// subscriptions are restored a moment after the connection and a message in between is lost.
    /// </summary>
    private void OnRedisRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription) _ = CatchUpAsync();
    }

    private async Task CatchUpAsync()
    {
        try
        {
            foreach (var wait in CatchUpWaits)
            {
                await Task.Delay(wait, stopping);
                foreach (var eventId in viewers.Events) Mark(eventId, Change.Content);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException) { } // shutting down
    }

    private static readonly TimeSpan[] CatchUpWaits = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];
    private CancellationToken stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        if (redis is not null) redis.ConnectionRestored += OnRedisRestored;
        try { await SendLoopAsync(stoppingToken); }
        finally { if (redis is not null) redis.ConnectionRestored -= OnRedisRestored; }
    }

    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        var lastSample = clock.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            await wake.WaitAsync(Tick, stoppingToken);
            try
            {
                if (clock.GetElapsedTime(lastSample) >= SampleEvery)
                {
                    lastSample = clock.GetTimestamp();
                    await SampleViewersAsync(stoppingToken);
                }
                foreach (var (eventId, change) in changed)
                {
                    var gap = change.HasFlag(Change.Content) ? Period : CountsPeriod;
                    if (lastSent.TryGetValue(eventId, out var sent) && clock.GetElapsedTime(sent) < gap) continue;
                    if (!await TakeSendingTurnAsync(eventId)) continue;
                    changed.TryRemove(eventId, out _);
                    lastSent[eventId] = clock.GetTimestamp();
                    if (await BuildAsync(eventId, stoppingToken) is { } snapshot)
                        await hub.Clients.Group(LiveEventHub.ViewersGroup(eventId)).Snapshot(snapshot);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sending live snapshots failed; trying again");
            }
        }
    }

    private async Task<LiveSnapshot?> BuildAsync(long eventId, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counts = allNodesViewers.TryGetValue(eventId, out var all) ? all : viewers.Count(eventId);
        var snapshot = await SnapshotBuilder.BuildAsync(db, eventId, counts, clock.GetUtcNow().UtcDateTime, ct);
        if (snapshot is not null) latest[eventId] = (snapshot, started);
        return snapshot;
    }

    /// <summary>With several nodes, one sends per event and period: the one that sets the Redis key first.</summary>
    private async Task<bool> TakeSendingTurnAsync(long eventId)
    {
        // Alone, or Redis (its commands or its subscriptions) is away: each node serves its own viewers.
        if (redis is null || !redis.CarriesMessages()) return true;
        try
        {
            return await redis.GetDatabase().StringSetAsync(prefix.Key($"live:{eventId}:snapshot-turn"), node,
                Period - TimeSpan.FromMilliseconds(50), When.NotExists);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis is away: each node serves its own viewers.
            return true;
        }
    }

    /// <summary>Counts this node's viewers, adds the other nodes' (Redis), keeps the peak and the totals.</summary>
    private async Task SampleViewersAsync(CancellationToken ct)
    {
        foreach (var eventId in viewers.Events)
        {
            var local = viewers.Count(eventId);
            var total = local;
            if (redis is { IsConnected: true })
            {
                try { total = await AddUpNodesAsync(eventId, local); }
                catch (Exception ex) when (ex is RedisException or TimeoutException) { total = local; }
            }
            var before = allNodesViewers.TryGetValue(eventId, out var b) ? b : (0, 0);
            allNodesViewers[eventId] = total;
            if (before != total) Mark(eventId, Change.Counts);
            var fresh = await CountNewSessionsAsync(eventId, viewers.TakeNew(eventId));
            var now = clock.GetUtcNow().UtcDateTime;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var sum = total.Pc + total.Mobile;
            // Written only past the highest this node has seen (the condition keeps another node's higher peak).
            if (sum > peaks.GetValueOrDefault(eventId))
            {
                peaks[eventId] = sum;
                await db.Set<LiveEvent>().Where(e => e.Id == eventId && e.PeakTotal < sum)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.PeakTotal, sum).SetProperty(e => e.PeakPc, total.Pc)
                        .SetProperty(e => e.PeakMobile, total.Mobile).SetProperty(e => e.PeakAt, now), ct);
            }
            if (fresh != (0, 0))
                await db.Set<LiveEvent>().Where(e => e.Id == eventId)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.TotalPc, e => e.TotalPc + fresh.Pc)
                        .SetProperty(e => e.TotalMobile, e => e.TotalMobile + fresh.Mobile), ct);
            if (sum == 0 && local == (0, 0) && fresh == (0, 0)
                && await db.Set<LiveEvent>().AnyAsync(e => e.Id == eventId && e.State != LiveEventState.Live, ct))
            {
                viewers.Drop(eventId);
                peaks.TryRemove(eventId, out _);
            }
        }
    }

    /// <summary>
    /// How many of the sessions this node saw for the first time are new to the event: with Redis, the
    /// ones no node had added to the event's session sets (a viewer who moves to another node counts
    /// once); alone, or while Redis is away, all of them.
    /// </summary>
    private async Task<(int Pc, int Mobile)> CountNewSessionsAsync(long eventId, IReadOnlyList<(string Session, bool Mobile)> sessions)
    {
        if (sessions.Count == 0) return (0, 0);
        var pc = sessions.Where(s => !s.Mobile).Select(s => (RedisValue)s.Session).ToArray();
        var mobile = sessions.Where(s => s.Mobile).Select(s => (RedisValue)s.Session).ToArray();
        if (redis is not { IsConnected: true }) return (pc.Length, mobile.Length);
        try
        {
            return (await AddSessionsAsync(prefix.Key($"live:{eventId}:sessions:pc"), pc),
                await AddSessionsAsync(prefix.Key($"live:{eventId}:sessions:mobile"), mobile));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return (pc.Length, mobile.Length);
        }
    }

    /// <summary>SADD answers how many were not members yet. In slices, so 20,000 viewers joining at once are not one huge command.</summary>
    private async Task<int> AddSessionsAsync(string key, RedisValue[] sessions)
    {
        if (sessions.Length == 0) return 0;
        var db = redis!.GetDatabase();
        long added = 0;
        foreach (var slice in sessions.Chunk(1000)) added += await db.SetAddAsync(key, slice);
        await db.KeyExpireAsync(key, SessionsKept);
        return (int)added;
    }

    /// <summary>An event's session sets outlive it by this much after the last new viewer (an event runs for hours).</summary>
    private static readonly TimeSpan SessionsKept = TimeSpan.FromDays(1);

    private async Task<(int Pc, int Mobile)> AddUpNodesAsync(long eventId, (int Pc, int Mobile) local)
    {
        var key = prefix.Key($"live:{eventId}:viewers");
        var db = redis!.GetDatabase();
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.HashSetAsync(key, node, string.Create(CultureInfo.InvariantCulture, $"{local.Pc},{local.Mobile},{nowMs}"));
        await db.KeyExpireAsync(key, TimeSpan.FromHours(1));
        int pc = 0, mobile = 0;
        foreach (var entry in await db.HashGetAllAsync(key))
        {
            var parts = entry.Value.ToString().Split(',');
            if (parts.Length != 3 || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var at)) continue;
            if (nowMs - at > NodeCountFreshness.TotalMilliseconds) { await db.HashDeleteAsync(key, entry.Name); continue; }
            pc += int.Parse(parts[0], CultureInfo.InvariantCulture);
            mobile += int.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return (pc, mobile);
    }

    private void Send(Task sending) => sending.ContinueWith(t => logger.LogWarning(t.Exception, "A live message to moderators failed"),
        CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
