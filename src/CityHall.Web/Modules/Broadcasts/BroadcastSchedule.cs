namespace CityHall.Web.Modules.Broadcasts;

/// <summary>One showing of a programme (or a special, or off air) in city time.</summary>
public sealed record Airing(string ChannelCode, long? ProgrammeId, string TitleKo, string? TitleEn, DateTime StartsAt, DateTime EndsAt, bool Special)
{
    public bool IsOnAt(DateTime local) => StartsAt <= local && local < EndsAt;
}

/// <summary>
/// A channel's airings over a span of days, in city time: every weekly slot of its programmes on
/// each day it falls (a slot may run past midnight), less what an exception covers (an exception
/// replaces whatever it overlaps: a special programme, a regular one moved, or off air), plus the
/// exceptions that air something. Sorted by start.
/// </summary>
public static class BroadcastSchedule
{
    /// <param name="exceptions">Their times are UTC; <paramref name="zone"/> is the city's.</param>
    public static IReadOnlyList<Airing> Airings(string channelCode, IReadOnlyList<Programme> programmes, IEnumerable<ScheduleException> exceptions,
        TimeZoneInfo zone, DateTime fromLocal, DateTime toLocal)
    {
        DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var changes = exceptions.Where(e => e.ChannelCode == channelCode)
            .Select(e => (Change: e, StartsAt: Local(e.StartsAt), EndsAt: Local(e.EndsAt)))
            .Where(c => c.StartsAt < toLocal && c.EndsAt > fromLocal).ToList();
        var airings = new List<Airing>();
        // A slot that starts the day before the span may still be on at its start.
        for (var day = DateOnly.FromDateTime(fromLocal).AddDays(-1); day.ToDateTime(TimeOnly.MinValue) < toLocal; day = day.AddDays(1))
        {
            foreach (var programme in programmes.Where(p => p.ChannelCode == channelCode))
            {
                foreach (var slot in programme.Slots.Where(s => s.Day == day.DayOfWeek))
                {
                    var starts = day.ToDateTime(slot.Start);
                    var ends = starts.AddMinutes(slot.Minutes);
                    if (ends <= fromLocal || starts >= toLocal) continue;
                    if (changes.Any(c => c.StartsAt < ends && c.EndsAt > starts)) continue;
                    airings.Add(new Airing(channelCode, programme.Id, programme.TitleKo, programme.TitleEn, starts, ends, false));
                }
            }
        }
        foreach (var (change, starts, ends) in changes.Where(c => !c.Change.OffAir))
        {
            var programme = change.ProgrammeId is { } id ? programmes.FirstOrDefault(p => p.Id == id) : null;
            airings.Add(new Airing(channelCode, programme?.Id, change.TitleKo ?? programme?.TitleKo ?? "", change.TitleEn ?? programme?.TitleEn,
                starts, ends, programme is null));
        }
        airings.Sort((a, b) => a.StartsAt.CompareTo(b.StartsAt));
        return airings;
    }
}
