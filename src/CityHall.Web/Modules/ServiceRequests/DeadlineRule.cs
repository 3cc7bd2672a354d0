namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>How a deadline is counted: in hours, calendar days, or working days (weekends and the city's holidays skipped).</summary>
public enum DeadlineUnit { Hours = 0, Days = 1, BusinessDays = 2 }

/// <summary>
/// A service's statutory deadline (Korea's complaint law: 7 days for simple questions and
/// grievances, 14 for questions on a law and suggestions), extendable once with notice.
/// </summary>
public sealed class DeadlineRule
{
    public DeadlineUnit Unit { get; set; } = DeadlineUnit.BusinessDays;
    public int Amount { get; set; } = 7;
    public bool Extendable { get; set; } = true;
}

/// <summary>
/// Works out when a case is due. Working days are counted in the city's time zone: a case received
/// on a working day is due at the same local time on the Nth working day after; one received on a
/// weekend or holiday counts from the start of the next working day.
/// </summary>
public sealed class DeadlineCalculator(TimeZoneInfo zone, IReadOnlySet<DateOnly> holidays)
{
    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    public DateTimeOffset DueAt(DateTimeOffset received, DeadlineRule rule) => Add(received, rule);

    /// <summary>The new due time after the one allowed extension: the same length again from the current due time.</summary>
    public DateTimeOffset ExtendedDueAt(DateTimeOffset due, DeadlineRule rule) =>
        rule.Extendable ? Add(due, rule) : throw new InvalidOperationException("This service's deadline cannot be extended.");

    private DateTimeOffset Add(DateTimeOffset from, DeadlineRule rule)
    {
        switch (rule.Unit)
        {
            case DeadlineUnit.Hours: return from.AddHours(rule.Amount);
            case DeadlineUnit.Days: return from.AddDays(rule.Amount);
        }
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!IsWorkingDay(day))
        {
            // Received outside working days: the clock starts at the beginning of the next one.
            while (!IsWorkingDay(day)) day = day.AddDays(1);
            time = TimeOnly.MinValue;
        }
        for (var left = rule.Amount; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) left--;
        }
        var dueLocal = day.ToDateTime(time);
        return new DateTimeOffset(dueLocal, zone.GetUtcOffset(dueLocal)).ToUniversalTime();
    }
}
