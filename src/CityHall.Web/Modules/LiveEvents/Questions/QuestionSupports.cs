using CityHall.Web.Modules.LiveEvents.Live;

namespace CityHall.Web.Modules.LiveEvents.Questions;

public enum SupportOutcome { Supported, AlreadySupported, NoQuestion, NotLive, OwnQuestion }

/// <summary>
/// "I want this answered too": one support per person per question (a unique row, so two clicks at
/// once still count once), only for approved questions of a live event, never one's own. The count
/// goes up by a conditional update and reaches viewers with the next snapshot.
/// </summary>
public sealed class QuestionSupports(AppDbContext db, LiveEventDirectory events, LiveUpdates updates, TimeProvider clock)
{
    public async Task<SupportOutcome> SupportAsync(long eventId, long questionId, string supporterKey, CancellationToken ct = default)
    {
        if (await events.FindAsync(eventId, ct) is not { State: LiveEventState.Live }) return SupportOutcome.NotLive;
        var question = await db.Set<LiveQuestion>().AsNoTracking().Where(q => q.Id == questionId && q.EventId == eventId)
            .Select(q => new { q.State, q.SenderKey }).FirstOrDefaultAsync(ct);
        if (question is null || question.State != QuestionState.Approved) return SupportOutcome.NoQuestion;
        if (question.SenderKey == supporterKey) return SupportOutcome.OwnQuestion;
        if (await db.Set<QuestionSupport>().AnyAsync(s => s.QuestionId == questionId && s.SupporterKey == supporterKey, ct))
            return SupportOutcome.AlreadySupported;
        db.Add(new QuestionSupport { QuestionId = questionId, SupporterKey = supporterKey, SupportedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return SupportOutcome.AlreadySupported; // the same person's other click won
        }
        await db.Set<LiveQuestion>().Where(q => q.Id == questionId).ExecuteUpdateAsync(s => s.SetProperty(q => q.Supports, q => q.Supports + 1), ct);
        updates.SupportsChanged(eventId);
        return SupportOutcome.Supported;
    }

    /// <summary>The questions of an event this person supports (to show "supported" on the page).</summary>
    public async Task<HashSet<long>> MineAsync(long eventId, string supporterKey, CancellationToken ct = default) =>
        (await (from s in db.Set<QuestionSupport>().AsNoTracking()
                join q in db.Set<LiveQuestion>().AsNoTracking() on s.QuestionId equals q.Id
                where q.EventId == eventId && s.SupporterKey == supporterKey
                select s.QuestionId).ToListAsync(ct)).ToHashSet();
}
