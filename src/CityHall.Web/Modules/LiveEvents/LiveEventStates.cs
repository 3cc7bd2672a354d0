using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.LiveEvents.Admin;
using CityHall.Web.Modules.LiveEvents.Live;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.LiveEvents;

/// <summary>
/// Taking an event through scheduled → live → ended → archived (archiving needs the recording's
/// link). Each step is audited, seen by the question channels at once on this node (within two
/// seconds on others) and sent to viewers with the next snapshot.
/// </summary>
public sealed class LiveEventStates(AppDbContext db, AuditLog audit, LiveEventDirectory events, LiveUpdates updates, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<LiveEventState, LiveEventState> Next = new Dictionary<LiveEventState, LiveEventState>
    {
        [LiveEventState.Scheduled] = LiveEventState.Live,
        [LiveEventState.Live] = LiveEventState.Ended,
        [LiveEventState.Ended] = LiveEventState.Archived,
    };

    /// <returns>Null when done, else the resource key of why not.</returns>
    public async Task<string?> MoveAsync(ClaimsPrincipal staff, long eventId, LiveEventState to, string? recordingUrl, CancellationToken ct = default)
    {
        var ev = await db.Set<LiveEvent>().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null) return "LiveEvents.NoEvent";
        if (!Next.TryGetValue(ev.State, out var allowed) || allowed != to) return "LiveEvents.Admin.BadMove";
        var now = clock.GetUtcNow().UtcDateTime;
        if (to == LiveEventState.Archived)
        {
            if (!LiveEventInput.IsWebAddress(recordingUrl)) return "LiveEvents.Admin.RecordingRequired";
            ev.RecordingUrl = recordingUrl!.Trim();
        }
        var from = ev.State;
        ev.State = to;
        if (to == LiveEventState.Live) ev.WentLiveAt = now;
        if (to == LiveEventState.Ended) { ev.EndedAt = now; ev.OnStageQuestionId = null; }
        ev.UpdatedAt = now;
        await audit.RecordAsync(staff, "live.event.state", "live-event", eventId.ToString(CultureInfo.InvariantCulture),
            new { from = from.ToString(), to = to.ToString(), ev.RecordingUrl }, ct);
        events.Forget(eventId);
        updates.EventChanged(eventId);
        return null;
    }
}
