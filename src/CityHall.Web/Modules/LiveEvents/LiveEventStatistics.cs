using CityHall.Web.Modules.LiveEvents.Questions;

namespace CityHall.Web.Modules.LiveEvents;

/// <summary>An event's figures for the archive and for staff: viewers by device (distinct sessions and the sampled peak) and questions by channel and outcome.</summary>
public sealed record LiveEventStatistics(
    int TotalPc, int TotalMobile, int PeakPc, int PeakMobile, int PeakTotal, DateTime? PeakAt,
    IReadOnlyDictionary<QuestionChannel, int> ByChannel, IReadOnlyDictionary<QuestionState, int> ByState,
    int Received, int Approved, int Answered, int Hidden, int Merged)
{
    public int TotalViewers => TotalPc + TotalMobile;

    public static async Task<LiveEventStatistics> ForAsync(AppDbContext db, LiveEvent ev, CancellationToken ct)
    {
        var counts = await db.Set<LiveQuestion>().AsNoTracking().Where(q => q.EventId == ev.Id)
            .GroupBy(q => new { q.Channel, q.State }).Select(g => new { g.Key.Channel, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        int In(params QuestionState[] states) => counts.Where(c => states.Contains(c.State)).Sum(c => c.Count);
        var byChannel = Enum.GetValues<QuestionChannel>().ToDictionary(c => c, c => counts.Where(x => x.Channel == c).Sum(x => x.Count));
        var byState = Enum.GetValues<QuestionState>().ToDictionary(s => s, s => In(s));
        return new(ev.TotalPc, ev.TotalMobile, ev.PeakPc, ev.PeakMobile, ev.PeakTotal, ev.PeakAt, byChannel, byState,
            counts.Sum(c => c.Count), In(QuestionState.Approved, QuestionState.Answered), In(QuestionState.Answered),
            In(QuestionState.Hidden), In(QuestionState.Merged));
    }
}
