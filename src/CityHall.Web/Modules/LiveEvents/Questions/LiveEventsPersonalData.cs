namespace CityHall.Web.Modules.LiveEvents.Questions;

/// <summary>
/// What live events keep about an account: the questions it asked and the questions it supported.
/// On erasure a question stays in the event's record (it may have been answered on stage) but no
/// longer names or points to the person; their supports are removed (the counts stay).
/// </summary>
public sealed class LiveEventsPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public string Section => "liveEvents";

    public async Task<object?> ExportAsync(string userId, CancellationToken ct)
    {
        var supporter = "user:" + userId;
        return new
        {
            asked = await (from q in db.Set<LiveQuestion>().AsNoTracking()
                           join e in db.Set<LiveEvent>().AsNoTracking() on q.EventId equals e.Id
                           where q.UserId == userId
                           orderby q.Id
                           select new { eventTitle = e.TitleKo, q.Text, q.OriginalText, state = q.State.ToString(), q.ReceivedAt, q.Answer }).ToListAsync(ct),
            supported = await (from s in db.Set<QuestionSupport>().AsNoTracking()
                               join q in db.Set<LiveQuestion>().AsNoTracking() on s.QuestionId equals q.Id
                               where s.SupporterKey == supporter
                               orderby s.Id
                               select new { q.Text, s.SupportedAt }).ToListAsync(ct),
        };
    }

    public async Task EraseAsync(string userId, CancellationToken ct)
    {
        var key = "user:" + userId;
        await db.Set<LiveQuestion>().Where(q => q.UserId == userId || q.SenderKey == key)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.UserId, (string?)null).SetProperty(q => q.SenderKey, "erased")
                .SetProperty(q => q.SenderLabel, "—"), ct);
        await db.Set<QuestionSupport>().Where(s => s.SupporterKey == key).ExecuteDeleteAsync(ct);
    }
}
