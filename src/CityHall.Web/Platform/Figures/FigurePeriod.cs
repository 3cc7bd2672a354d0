namespace CityHall.Web.Platform.Figures;

/// <summary>
/// A run of whole months in the city's time zone (a calendar year, or the last twelve months): a record belongs to
/// the month its time falls in there, so a case closed at 23:30 on 31 March in Seoul is March's, not April's.
/// </summary>
public sealed record FigurePeriod(DateOnly FirstMonth, int Months, TimeZoneInfo Zone)
{
    public const int MaxMonths = 120;

    public DateOnly EndMonth => FirstMonth.AddMonths(Months);

    /// <summary>The first instant of the period, in UTC (entities keep UTC times).</summary>
    public DateTime FromUtc => Utc(FirstMonth);

    /// <summary>The instant just after the period, in UTC.</summary>
    public DateTime ToUtc => Utc(EndMonth);

    public IEnumerable<DateOnly> EachMonth => Enumerable.Range(0, Months).Select(FirstMonth.AddMonths);

    /// <summary>The month (its first day) a UTC time falls in, or null when it is outside the period.</summary>
    public DateOnly? MonthOf(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        var month = new DateOnly(local.Year, local.Month, 1);
        return month >= FirstMonth && month < EndMonth ? month : null;
    }

    public DateOnly? MonthOf(DateTimeOffset at) => MonthOf(at.UtcDateTime);

    private DateTime Utc(DateOnly month) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(month.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Zone);

    /// <summary>The twelve months up to and including the one <paramref name="today"/> is in.</summary>
    public static FigurePeriod LastTwelveMonths(DateOnly today, TimeZoneInfo zone) => new(new DateOnly(today.Year, today.Month, 1).AddMonths(-11), 12, zone);

    public static FigurePeriod Year(int year, TimeZoneInfo zone) => new(new DateOnly(year, 1, 1), 12, zone);
}
