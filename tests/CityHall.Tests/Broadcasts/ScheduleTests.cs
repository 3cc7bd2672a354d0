using System.Globalization;
using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Broadcasts;
using CityHall.Web.Platform.Identity;
using Ical.Net;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CityHall.Tests.Broadcasts;

/// <summary>The city's clock stopped on Monday 30 November 2026, 07:30 in Seoul.</summary>
public sealed class BroadcastClockApp() : ClockedApp(InSeoul(2026, 11, 30, 7, 30));

/// <summary>Weekly schedules with changes: the airings, on now and next, the channel and programme pages, the .ics, the open data, and staff's editing.</summary>
public sealed class ScheduleTests(BroadcastClockApp app) : IClassFixture<BroadcastClockApp>
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
    private static DateTime Utc(int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Unspecified), Seoul);

    private static Programme Show(long id, string title, params (DayOfWeek Day, int Hour, int Minutes)[] slots) => new()
    {
        Id = id, ChannelCode = "tbs-fm", TitleKo = title, Slots = slots.Select(s => new ProgrammeSlot { Day = s.Day, Start = new TimeOnly(s.Hour, 0), Minutes = s.Minutes }).ToList(),
    };

    [Fact]
    public void Weekly_slots_run_past_midnight_and_changes_replace_what_they_overlap()
    {
        DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        var programmes = new List<Programme>
        {
            Show(1, "아침 뉴스", [.. weekdays.Select(d => (d, 7, 120))]),
            Show(2, "심야 음악", (DayOfWeek.Sunday, 23, 120)),
            Show(3, "정오의 희망곡", [.. weekdays.Select(d => (d, 12, 60))]),
        };
        var changes = new List<ScheduleException>
        {
            // Tuesday: a special from 07:30 takes the morning news's place; Wednesday: off air at noon; Thursday: the noon show moved to 20:00.
            new() { ChannelCode = "tbs-fm", StartsAt = Utc(12, 1, 7, 30), EndsAt = Utc(12, 1, 8, 30), TitleKo = "특별 생방송" },
            new() { ChannelCode = "tbs-fm", StartsAt = Utc(12, 2, 12), EndsAt = Utc(12, 2, 13), OffAir = true },
            new() { ChannelCode = "tbs-fm", StartsAt = Utc(12, 3, 12), EndsAt = Utc(12, 3, 13), OffAir = true },
            new() { ChannelCode = "tbs-fm", StartsAt = Utc(12, 3, 20), EndsAt = Utc(12, 3, 21), ProgrammeId = 3 },
            new() { ChannelCode = "tbs-tv", StartsAt = Utc(11, 30, 7), EndsAt = Utc(11, 30, 9), TitleKo = "다른 채널" },
        };
        List<(string, int, int, bool)> Day(int month, int day) => BroadcastSchedule.Airings("tbs-fm", programmes, changes, Seoul,
                new DateTime(2026, month, day), new DateTime(2026, month, day).AddDays(1))
            .Select(a => (a.TitleKo, a.StartsAt.Day, a.StartsAt.Hour * 100 + a.StartsAt.Minute, a.Special)).ToList();

        // Monday 30 November: Sunday's late show still on until 01:00, then the weekday shows.
        Assert.Equal([("심야 음악", 29, 2300, false), ("아침 뉴스", 30, 700, false), ("정오의 희망곡", 30, 1200, false)], Day(11, 30));
        Assert.Equal([("특별 생방송", 1, 730, true), ("정오의 희망곡", 1, 1200, false)], Day(12, 1));
        Assert.Equal([("아침 뉴스", 2, 700, false)], Day(12, 2));
        Assert.Equal([("아침 뉴스", 3, 700, false), ("정오의 희망곡", 3, 2000, false)], Day(12, 3));
        Assert.Equal([("심야 음악", 6, 2300, false)], Day(12, 6));
    }

    private async Task<Programme> SeedAsync()
    {
        return await app.WithDbAsync(async db =>
        {
            if (await db.Set<Programme>().FirstOrDefaultAsync(p => p.TitleKo == "아침 교통") is { } existing) return existing;
            DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
            var morning = new Programme { ChannelCode = "tbs-fm", TitleKo = "아침 교통", TitleEn = "Morning traffic", UpdatedAt = DateTime.UtcNow,
                Slots = [.. weekdays.Select(d => new ProgrammeSlot { Day = d, Start = new TimeOnly(7, 0), Minutes = 120 })] };
            var noon = new Programme { ChannelCode = "tbs-fm", TitleKo = "정오 뉴스", UpdatedAt = DateTime.UtcNow,
                Slots = [.. weekdays.Select(d => new ProgrammeSlot { Day = d, Start = new TimeOnly(12, 0), Minutes = 60 })] };
            db.AddRange(morning, noon);
            db.Add(new ScheduleException { ChannelCode = "tbs-fm", StartsAt = Utc(12, 2, 7), EndsAt = Utc(12, 2, 9), TitleKo = "창립 기념 특집" });
            await db.SaveChangesAsync();
            return morning;
        });
    }

    [Fact]
    public async Task The_sector_page_shows_what_is_on_now_and_next_and_a_channels_day_its_schedule()
    {
        var morning = await SeedAsync();
        var client = app.CreateClient();
        var sector = await client.GetPageAsync("/broadcasts");
        var fm = sector.QuerySelector("[data-channel=tbs-fm]")!;
        Assert.Contains("아침 교통", fm.QuerySelector("[data-on-now]")!.TextContent, StringComparison.Ordinal); // Monday 07:30
        Assert.Contains("12:00", fm.QuerySelector("[data-next]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, sector.QuerySelectorAll("[data-channel]").Length); // the three TBS channels from the settings
        Assert.Contains(sector.QuerySelectorAll("[data-channel=tbs-efm] p"), p => p.TextContent.Contains("FM 101.3", StringComparison.Ordinal));

        var today = await client.GetPageAsync("/broadcasts/tbs-fm");
        Assert.Equal(["07:00", "12:00"], today.QuerySelectorAll("[data-schedule] tbody tr").Select(r => r.GetAttribute("data-starts")));
        Assert.NotNull(today.QuerySelector("[data-schedule] tr[data-on-now]"));
        var wednesday = await client.GetPageAsync("/broadcasts/tbs-fm?date=2026-12-02");
        Assert.Contains("창립 기념 특집", wednesday.QuerySelector("[data-schedule] tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/broadcasts/no-such-channel")).StatusCode);

        var programme = await client.GetPageAsync($"/broadcasts/programmes/{morning.Id}");
        // Next showings: today's is under way, so Tuesday, then Thursday — Wednesday's was replaced.
        var next = programme.QuerySelectorAll("[data-next-showings] li").Select(li => li.TextContent).ToList();
        Assert.Equal(5, next.Count);
        Assert.DoesNotContain(next, n => n.Contains("12월 2일", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_programme_calendar_repeats_weekly_in_seoul_time_and_leaves_out_replaced_weeks()
    {
        var morning = await SeedAsync();
        var response = await app.CreateClient().GetAsync($"/broadcasts/programmes/{morning.Id}.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(5, calendar.Events.Count);
        Assert.Equal("Asia/Seoul", calendar.TimeZones.Single().TzId);
        var wednesday = calendar.Events.Single(e => e.Start!.Value.DayOfWeek == DayOfWeek.Wednesday);
        Assert.Equal(("Asia/Seoul", 7), (wednesday.Start!.TzId, wednesday.Start.Hour));
        Assert.Equal(FrequencyType.Weekly, wednesday.RecurrenceRule!.Frequency);
        // 2 December's showing was replaced by the special: the weekly event skips that week only.
        var occurrences = wednesday.GetOccurrences(new CalDateTime(2026, 11, 30, 0, 0, 0, "Asia/Seoul")).Take(3)
            .Select(o => o.Period.StartTime.Day).ToList();
        Assert.Equal([9, 16, 23], occurrences);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/broadcasts/programmes/987654.ics")).StatusCode);
    }

    [Fact]
    public async Task Staff_add_a_programme_with_weekday_slots_refuse_overlaps_and_schedule_a_change()
    {
        await SeedAsync();
        var staff = await app.SignedInStaffAsync(Roles.Official, "broadcasts-editor@seoul.go.kr");
        var form = await staff.GetPageAsync("/admin/broadcasts/programmes/new?channel=tbs-efm");
        var created = await staff.SubmitAsync(form, new Dictionary<string, string> { ["Input.Channel"] = "tbs-efm", ["Input.TitleKo"] = "이브닝 쇼", ["Input.TitleEn"] = "Evening Show" }, "form[data-programme-form]");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await staff.GetPageAsync(created.Headers.Location!.OriginalString);
        var added = await staff.SubmitAsync(page, [new("Slot.Days", "Monday"), new("Slot.Days", "Tuesday"), new("Slot.Start", "18:00"), new("Slot.Minutes", "90")], "form[data-slot-form]");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        page = await staff.GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Equal(2, page.QuerySelectorAll("[data-slots] li").Length);
        var clash = await Html.ParseAsync(await staff.SubmitAsync(page, [new("Slot.Days", "Monday"), new("Slot.Start", "19:00"), new("Slot.Minutes", "30")], "form[data-slot-form]"));
        Assert.Single(clash.ErrorSummary()); // Monday 19:00 is inside the 18:00–19:30 slot
        var bad = await Html.ParseAsync(await staff.SubmitAsync(page, [new("Slot.Start", "7pm"), new("Slot.Minutes", "0")], "form[data-slot-form]"));
        Assert.Equal(3, bad.ErrorSummary().Length); // no day, no time, no length

        var change = await staff.GetPageAsync("/admin/broadcasts/changes/new");
        var saved = await staff.SubmitAsync(change, new Dictionary<string, string>
        {
            ["Input.Channel"] = "tbs-efm", ["Input.Date"] = "2026-12-01", ["Input.Start"] = "18:00", ["Input.Minutes"] = "90", ["Input.Kind"] = "off-air", ["Input.Note"] = "송신소 점검",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var tuesday = await app.CreateClient().GetPageAsync("/broadcasts/tbs-efm?date=2026-12-01");
        Assert.Empty(tuesday.QuerySelectorAll("[data-schedule] tbody tr")); // off air instead of the evening show
        var refused = await Html.ParseAsync(await staff.SubmitAsync(change, new Dictionary<string, string>
        {
            ["Input.Channel"] = "tbs-efm", ["Input.Date"] = "1 December", ["Input.Start"] = "18:00", ["Input.Minutes"] = "90", ["Input.Kind"] = "special", ["Input.TitleKo"] = "",
        }));
        Assert.Equal(2, refused.ErrorSummary().Length); // the date, and a special needs a title
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<CityHall.Web.Platform.Audit.AuditEntry>().CountAsync(a => a.Action.StartsWith("broadcasts."))));
        var citizen = await app.SignedUpCitizenAsync("broadcast-citizen@example.org");
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync("/admin/broadcasts")).StatusCode);
    }

    [Fact]
    public async Task The_schedules_are_open_data()
    {
        await SeedAsync();
        var csv = await app.CreateClient().GetStringAsync("/open-data/broadcast-schedules.csv");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("channel,programme_id,title_ko,title_en,starts_at,ends_at,special", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.StartsWith("tbs-fm,,창립 기념 특집,,2026-12-01T22:00:00Z,2026-12-02T00:00:00Z,true", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/open-data/broadcast-schedules.geojson")).StatusCode);
    }
}
