using CityHall.Web.Modules.LiveEvents.Questions;
using Microsoft.AspNetCore.SignalR;

namespace CityHall.Web.Modules.LiveEvents.Live;

/// <summary>
/// The real-time side of an event, one group per event for viewers and one for its moderators.
/// Viewers join with <see cref="Watch"/> (which also answers with a fresh snapshot, so a client that
/// reconnects catches up at once) and send <see cref="Heartbeat"/>s; moderators join with
/// <see cref="Moderate"/>. Everything a client may change goes through the pages' form posts.
/// </summary>
public sealed class LiveEventHub(LiveUpdates updates, ViewerCounter viewers, LiveEventDirectory events) : Hub<ILiveEventClient>
{
    public const string Path = "/hubs/live-events";
    /// <summary>The cookie naming a viewing session (one per browser), shared by the page and the hub.</summary>
    public const string SessionCookie = "ch_live";

    public static string ViewersGroup(long eventId) => $"live:{eventId}";
    public static string ModeratorsGroup(long eventId) => $"live:{eventId}:moderators";

    public async Task<LiveSnapshot> Watch(long eventId, string? device)
    {
        if (await events.FindAsync(eventId, Context.ConnectionAborted) is null) throw new HubException("no-event");
        await Groups.AddToGroupAsync(Context.ConnectionId, ViewersGroup(eventId), Context.ConnectionAborted);
        Context.Features.Set(new WatchedEvent(eventId));
        Heartbeat(eventId, device);
        return await updates.CurrentAsync(eventId, Context.ConnectionAborted) ?? throw new HubException("no-event");
    }

    /// <summary>"I am still watching" (every 25 s from the page): keeps the session in the viewer count.</summary>
    public void Heartbeat(long eventId, string? device)
    {
        var mobile = device is null ? ViewerCounter.IsMobile(Context.GetHttpContext()?.Request.Headers.UserAgent) : device == "mobile";
        viewers.Seen(eventId, Session, mobile);
    }

    /// <summary>Joins the event's moderators (every question and decision, as it happens) and answers with the queue.</summary>
    [Authorize(Policy = PermissionPolicyProvider.Prefix + LiveEventsModule.Moderate)]
    public async Task<IReadOnlyList<ModeratedQuestion>> Moderate(long eventId, [FromServices] AppDbContext db)
    {
        // From the database, not the directory: the stage changes with every moderator's decision.
        var ev = await db.Set<LiveEvent>().AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.OnStageQuestionId })
            .FirstOrDefaultAsync(Context.ConnectionAborted) ?? throw new HubException("no-event");
        await Groups.AddToGroupAsync(Context.ConnectionId, ModeratorsGroup(eventId), Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, ViewersGroup(eventId), Context.ConnectionAborted);
        var queue = await db.Set<LiveQuestion>().AsNoTracking().Where(q => q.EventId == eventId)
            .OrderByDescending(q => q.Id).Take(ModerationQueue.PageSize).ToListAsync(Context.ConnectionAborted);
        return queue.Select(q => ModeratedQuestion.From(q, ev.OnStageQuestionId)).ToList();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Features.Get<WatchedEvent>() is { } watched) viewers.Left(watched.EventId, Session);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// The event a connection watches, kept among the connection's features: <c>Context.Items</c> would make a
    /// dictionary per viewer (about 0.5 KB) to hold one number.
    /// </summary>
    private sealed record WatchedEvent(long EventId);

    private string Session =>
        Context.GetHttpContext()?.Request.Cookies[SessionCookie] is { Length: > 0 and <= 64 } cookie ? cookie : Context.ConnectionId;
}
