using System.Globalization;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.LiveEvents.Public;

/// <summary>"My city"'s live-events block: the questions the citizen asked from the web while signed in, with the event and what became of each.</summary>
public sealed record MyQuestions(IReadOnlyList<MyQuestions.Question> Latest, int Count)
{
    public sealed record Question(long Id, long EventId, string EventTitleKo, string? EventTitleEn, string Text, QuestionState State)
    {
        public string EventTitle => LocalizedText.Pick(CultureInfo.CurrentUICulture, EventTitleKo, EventTitleEn ?? "");
    }

    public const int Shown = 5;
    public const string View = "/Modules/LiveEvents/Public/_MyQuestions.cshtml";

    public static async Task<object?> LoadAsync(IServiceProvider services, string userId, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var mine = db.Set<LiveQuestion>().AsNoTracking().Where(q => q.UserId == userId);
        var count = await mine.CountAsync(ct);
        if (count == 0) return null;
        var latest = await mine.OrderByDescending(q => q.Id).Take(Shown)
            .Join(db.Set<LiveEvent>(), q => q.EventId, e => e.Id, (q, e) => new Question(q.Id, e.Id, e.TitleKo, e.TitleEn, q.Text, q.State)).ToListAsync(ct);
        return new MyQuestions(latest, count);
    }
}
