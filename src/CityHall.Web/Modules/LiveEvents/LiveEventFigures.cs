using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Platform.Figures;

namespace CityHall.Web.Modules.LiveEvents;

/// <summary>
/// How many people the city's live events reach: viewers of the events that ended in a month (distinct sessions on
/// PCs and phones, as the archive counts them) and the questions citizens sent, by channel, in the month they came.
/// </summary>
public static class LiveEventFigures
{
    private const string Topic = "LiveEvents.Figures.Topic";

    public static IReadOnlyList<FigureDefinition> Definitions { get; } =
    [
        new("live-event-viewers", Topic, "LiveEvents.Figures.Viewers.Title", "LiveEvents.Figures.Viewers.Definition", FigureUnit.Count, ViewersAsync, 400),
        new("live-event-questions", Topic, "LiveEvents.Figures.Questions.Title", "LiveEvents.Figures.Questions.Definition", FigureUnit.Count, QuestionsAsync, 401)
            { GroupsKey = "LiveEvents.Figures.ByChannel" },
    ];

    private static async Task<FigureResult> ViewersAsync(IServiceProvider sp, FigurePeriod period, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        DateTime from = period.FromUtc, to = period.ToUtc;
        var query = db.Set<LiveEvent>().AsNoTracking().Where(e => e.EndedAt >= from && e.EndedAt < to)
            .Select(e => new { e.EndedAt, Viewers = e.TotalPc + e.TotalMobile });
        var rows = await query.ToListAsync(ct);
        return FigureTally.Of(period, rows, e => e.EndedAt, e => e.Viewers, FigureMeasure.Sum, query.ToQueryString());
    }

    private static async Task<FigureResult> QuestionsAsync(IServiceProvider sp, FigurePeriod period, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var t = sp.GetRequiredService<IStringLocalizer<Text>>();
        DateTime from = period.FromUtc, to = period.ToUtc;
        var query = db.Set<LiveQuestion>().AsNoTracking().Where(q => q.ReceivedAt >= from && q.ReceivedAt < to).Select(q => new { q.ReceivedAt, q.Channel });
        var rows = await query.ToListAsync(ct);
        var channels = Enum.GetValues<QuestionChannel>().Select(c => FigureGroupTexts.From(t, Code(c), $"LiveEvents.Channel.{c}")).ToList();
        return FigureTally.Of(period, rows, q => q.ReceivedAt, _ => 1, FigureMeasure.Count, query.ToQueryString(), q => Code(q.Channel), channels);
    }

    private static string Code(QuestionChannel channel) => channel.ToString().ToLowerInvariant();
}
