using CityHall.Web.Modules.LiveEvents.Questions;

namespace CityHall.Web.Modules.LiveEvents.Live;

/// <summary>Reads a snapshot from the database: one query for the top questions, one for the counts.</summary>
public static class SnapshotBuilder
{
    public const int TopCount = 10;

    public static async Task<LiveSnapshot?> BuildAsync(AppDbContext db, long eventId, (int Pc, int Mobile) viewers, DateTime now, CancellationToken ct)
    {
        var ev = await db.Set<LiveEvent>().AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.State, e.OnStageQuestionId }).FirstOrDefaultAsync(ct);
        if (ev is null) return null;
        var top = await db.Set<LiveQuestion>().AsNoTracking()
            .Where(q => q.EventId == eventId && (q.State == QuestionState.Approved || q.Id == ev.OnStageQuestionId))
            .OrderByDescending(q => q.Id == ev.OnStageQuestionId).ThenByDescending(q => q.Supports).ThenBy(q => q.Id)
            .Take(TopCount + 1)
            .Select(q => new SnapshotQuestion(q.Id, q.Text, q.SenderLabel, q.Channel.ToString(), q.Supports, null))
            .ToListAsync(ct);
        var counts = await db.Set<LiveQuestion>().AsNoTracking().Where(q => q.EventId == eventId)
            .GroupBy(q => q.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(params QuestionState[] states) => counts.Where(c => states.Contains(c.State)).Sum(c => c.Count);
        var onStage = top.FirstOrDefault(q => q.Id == ev.OnStageQuestionId);
        return new LiveSnapshot(eventId, ev.State.ToString(), onStage,
            top.Where(q => q.Id != ev.OnStageQuestionId).Take(TopCount).ToList(),
            counts.Sum(c => c.Count), Count(QuestionState.Approved, QuestionState.Answered), Count(QuestionState.Answered),
            viewers.Pc, viewers.Mobile, now);
    }
}
