using CityHall.Web.Platform.City;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CityHall.Web.Modules.Broadcasts;

/// <summary>
/// A programme as an iCalendar file (RFC 5545, written by Ical.Net) to add to a calendar app: one
/// weekly event per slot in the city's time zone, with the weeks a schedule change replaces it left
/// out (EXDATE) for the next <see cref="Horizon"/>, and its moved showings as events of their own.
/// </summary>
public static class ProgrammeCalendar
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(180);

    public static void Map(WebApplication app) =>
        app.MapGet("/broadcasts/programmes/{id:long}.ics", async Task<IResult> (long id, HttpContext http, AppDbContext db, BroadcastGuide guide, CityClock clock, IStringLocalizer<Text> t, CancellationToken ct) =>
        {
            if (await db.Set<Programme>().AsNoTracking().Include(p => p.Slots).FirstOrDefaultAsync(p => p.Id == id, ct) is not { } programme)
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["Broadcasts.NoProgramme"]);
            var channel = await db.Set<BroadcastChannel>().AsNoTracking().FirstAsync(c => c.Code == programme.ChannelCode, ct);
            var now = clock.Now.DateTime;
            var airings = await guide.AiringsAsync(programme.ChannelCode, now.Date, now.Date + Horizon, ct);
            var text = Write(programme, channel, airings, clock.CurrentZone.Id, now, http.Request.PublicHost());
            return TypedResults.Text(text, "text/calendar; charset=utf-8");
        }).WithTags("Broadcasts").WithSummary("A programme's showings as an iCalendar file");

    /// <param name="airings">The channel's airings over the horizon, as the guide computes them.</param>
    internal static string Write(Programme programme, BroadcastChannel channel, IReadOnlyList<Airing> airings, string zoneId, DateTime nowLocal, string host)
    {
        var calendar = new Calendar();
        // The zone's rules from a year back, so calendar apps that do not know the zone by name still place the times right.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zoneId, nowLocal.AddYears(-1), includeHistoricalData: false));
        calendar.AddProperty("X-WR-CALNAME", $"{channel.NameKo} · {programme.TitleKo}");
        var mine = airings.Where(a => a.ProgrammeId == programme.Id).ToList();
        foreach (var slot in programme.Slots.OrderBy(s => s.Day).ThenBy(s => s.Start))
        {
            // The first showing from today on; the rule repeats it every week.
            var first = nowLocal.Date.AddDays(((int)slot.Day - (int)nowLocal.DayOfWeek + 7) % 7) + slot.Start.ToTimeSpan();
            var weekly = new CalendarEvent
            {
                Uid = $"programme-{programme.Id}-slot-{slot.Id}@{host}",
                Summary = programme.TitleEn is { Length: > 0 } en ? $"{programme.TitleKo} ({en})" : programme.TitleKo,
                Description = programme.DescriptionKo,
                Location = $"{channel.NameKo} {channel.Frequency}".Trim(),
                Start = new CalDateTime(first, zoneId),
                End = new CalDateTime(first.AddMinutes(slot.Minutes), zoneId),
                RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly, 1),
            };
            // A week whose showing a schedule change replaced is left out.
            for (var week = first; week < nowLocal.Date + Horizon; week = week.AddDays(7))
            {
                if (!mine.Any(a => a.StartsAt == week && !a.Special && a.EndsAt == week.AddMinutes(slot.Minutes)))
                    weekly.ExceptionDates.Add(new CalDateTime(week, zoneId));
            }
            calendar.Events.Add(weekly);
        }
        // Showings at other times than the weekly slots (moved by a schedule change).
        var regular = programme.Slots.Select(s => (s.Day, s.Start, s.Minutes)).ToHashSet();
        foreach (var moved in mine.Where(a => !regular.Contains((a.StartsAt.DayOfWeek, TimeOnly.FromDateTime(a.StartsAt), (int)(a.EndsAt - a.StartsAt).TotalMinutes))))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"programme-{programme.Id}-{moved.StartsAt:yyyyMMddHHmm}@{host}",
                Summary = programme.TitleKo,
                Location = $"{channel.NameKo} {channel.Frequency}".Trim(),
                Start = new CalDateTime(moved.StartsAt, zoneId),
                End = new CalDateTime(moved.EndsAt, zoneId),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
