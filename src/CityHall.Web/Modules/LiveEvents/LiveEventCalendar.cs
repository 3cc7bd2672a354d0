using CityHall.Web.Platform.City;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CityHall.Web.Modules.LiveEvents;

/// <summary>
/// Events as iCalendar (RFC 5545, written by Ical.Net): one file per event to add to a calendar
/// app, and a feed of the upcoming ones to subscribe to. Times are written in the city's zone.
/// </summary>
public static class LiveEventCalendar
{
    public const int FeedSize = 100;

    public static void Map(WebApplication app)
    {
        app.MapGet("/live/{id:long}.ics", async Task<IResult> (long id, HttpContext http, AppDbContext db, CityClock clock, IStringLocalizer<Text> t, CancellationToken ct) =>
        {
            if (await db.Set<LiveEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } ev)
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["LiveEvents.NoEvent"]);
            return Calendar(Write([ev], clock, http.Request, t["LiveEvents.Title"]), $"live-event-{id}.ics");
        }).WithTags("Live events").WithSummary("One event as an iCalendar file");

        app.MapGet("/live/upcoming.ics", async (HttpContext http, AppDbContext db, CityClock clock, TimeProvider time, IStringLocalizer<Text> t, CancellationToken ct) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var upcoming = await db.Set<LiveEvent>().AsNoTracking()
                .Where(e => e.State == LiveEventState.Live || (e.State == LiveEventState.Scheduled && e.EndsAt > now))
                .OrderBy(e => e.StartsAt).Take(FeedSize).ToListAsync(ct);
            return Calendar(Write(upcoming, clock, http.Request, t["LiveEvents.Title"]), null);
        }).WithTags("Live events").WithSummary("Upcoming and live events as an iCalendar feed");
    }

    private static IResult Calendar(string text, string? downloadName) => downloadName is null
        ? TypedResults.Text(text, "text/calendar; charset=utf-8")
        : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", downloadName);

    internal static string Write(IEnumerable<LiveEvent> events, CityClock clock, HttpRequest request, string calendarName)
    {
        var zone = clock.CurrentZone.Id;
        var calendar = new Calendar();
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, clock.Now.DateTime.AddYears(-1), includeHistoricalData: false));
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        var site = request.PublicOrigin();
        foreach (var ev in events)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"live-event-{ev.Id}@{request.PublicHost()}",
                Summary = ev.TitleEn is { Length: > 0 } en ? $"{ev.TitleKo} ({en})" : ev.TitleKo,
                Description = string.Join("\n\n", new[] { ev.DescriptionKo, ev.DescriptionEn, $"{site}/live/{ev.Id}" }.Where(s => !string.IsNullOrWhiteSpace(s))),
                Url = new Uri($"{site}/live/{ev.Id}"),
                Start = new CalDateTime(clock.ToLocal(ev.StartsAt).DateTime, zone),
                End = new CalDateTime(clock.ToLocal(ev.EndsAt).DateTime, zone),
                LastModified = new CalDateTime(ev.UpdatedAt),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
