using CityHall.Web.Modules.LiveEvents.Questions;

namespace CityHall.Web.Modules.LiveEvents.Live;

/// <summary>A question as viewers see it.</summary>
public sealed record SnapshotQuestion(long Id, string Text, string Sender, string Channel, int Supports, string? Answer = null);

/// <summary>
/// What a viewer's page shows, sent whole (never as one message per vote): the event's state, the
/// question on stage, the most supported approved questions, counts and viewers.
/// </summary>
public sealed record LiveSnapshot(
    long EventId,
    string State,
    SnapshotQuestion? OnStage,
    IReadOnlyList<SnapshotQuestion> Top,
    int Received,
    int Approved,
    int Answered,
    int ViewersPc,
    int ViewersMobile,
    DateTime At)
{
    public int Viewers => ViewersPc + ViewersMobile;
}

/// <summary>A question as moderators see it: everything, sent on every change.</summary>
public sealed record ModeratedQuestion(long Id, long EventId, string Text, string? OriginalText, string Sender, string Channel,
    string State, string? HeldFor, long? MergedIntoId, int Supports, bool OnStage, DateTime ReceivedAt, string? DecidedBy, string? Answer)
{
    public static ModeratedQuestion From(LiveQuestion q, long? onStageId) => new(q.Id, q.EventId, q.Text, q.OriginalText, q.SenderLabel,
        q.Channel.ToString(), q.State.ToString(), q.HeldFor, q.MergedIntoId, q.Supports, q.Id == onStageId, q.ReceivedAt, q.DecidedBy, q.Answer);
}

/// <summary>The messages the hub sends; the browser script and the bench's clients handle these names.</summary>
public interface ILiveEventClient
{
    /// <summary>To viewers: the whole current state, at most every <see cref="LiveEventsOptions.SnapshotSeconds"/>.</summary>
    Task Snapshot(LiveSnapshot snapshot);

    /// <summary>To moderators: a question arrived or a moderator decided on it.</summary>
    Task Question(ModeratedQuestion question);
}
