namespace CityHall.Web.Platform.Figures;

/// <summary>How a figure's records make its value.</summary>
public enum FigureMeasure
{
    /// <summary>How many records.</summary>
    Count,
    /// <summary>The sum of their values (viewers of the month's events).</summary>
    Sum,
    /// <summary>The middle value: a few cases that took months would hide what most people got from a mean.</summary>
    Median,
    /// <summary>The share of records whose value is 1 (answered on time), in percent.</summary>
    Share,
}

/// <summary>
/// Turns the records a module read into a figure's values: per month and in all, for the city and per group, each
/// with how many records it came from. Every month of the period gets a value (a count of 0, or none to measure), so
/// a chart never skips a month silently.
/// </summary>
public static class FigureTally
{
    /// <param name="when">The record's time (UTC); records outside the period are left out.</param>
    /// <param name="value">The record's value (ignored for <see cref="FigureMeasure.Count"/>; 1 or 0 for a share); null leaves the record out.</param>
    /// <param name="groupOf">The record's group code, or null when it belongs to none (it still counts for the city).</param>
    /// <param name="groups">The groups' names; groups are listed in this order and records in a group not named here get the code as name.</param>
    public static FigureResult Of<T>(FigurePeriod period, IEnumerable<T> records, Func<T, DateTime?> when, Func<T, double?> value, FigureMeasure measure,
        string sourceQuery, Func<T, string?>? groupOf = null, IReadOnlyList<FigureGroup>? groups = null)
    {
        var samples = new Dictionary<(DateOnly? Month, string? Group), List<double>>();
        void Add(DateOnly? month, string? group, double v)
        {
            if (!samples.TryGetValue((month, group), out var list)) samples[(month, group)] = list = [];
            list.Add(v);
        }
        var seenGroups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (when(record) is not { } at || period.MonthOf(at) is not { } month) continue;
            if ((measure == FigureMeasure.Count ? 1 : value(record)) is not { } v || !double.IsFinite(v)) continue;
            var group = groupOf?.Invoke(record);
            Add(month, null, v);
            Add(null, null, v);
            if (group is null) continue;
            seenGroups.Add(group);
            Add(month, group, v);
            Add(null, group, v);
        }
        var named = (groups ?? []).Where(g => seenGroups.Contains(g.Code)).ToList();
        named.AddRange(seenGroups.Where(c => named.All(g => g.Code != c)).Order(StringComparer.Ordinal).Select(c => new FigureGroup(c, c, c)));
        var points = new List<FigurePoint>();
        foreach (var group in new string?[] { null }.Concat(named.Select(g => g.Code)))
        {
            points.Add(Point(null, group));
            points.AddRange(period.EachMonth.Select(m => Point(m, group)));
        }
        return new FigureResult(points, named, sourceQuery);

        FigurePoint Point(DateOnly? month, string? group) =>
            samples.TryGetValue((month, group), out var list) ? new(month, group, Measure(list, measure), list.Count)
                : new(month, group, measure is FigureMeasure.Count or FigureMeasure.Sum ? 0 : null, 0);
    }

    /// <summary>A result for a figure counted as it stands now: one value for the city and one per group.</summary>
    public static FigureResult Snapshot<T>(IEnumerable<T> records, Func<T, double?> value, FigureMeasure measure, string sourceQuery,
        Func<T, string?>? groupOf = null, IReadOnlyList<FigureGroup>? groups = null)
    {
        // A period of one month that every record falls in: the values come out as the "whole period" points.
        var now = new FigurePeriod(DateOnly.MinValue, 1, TimeZoneInfo.Utc);
        var all = Of(now, records, _ => DateTime.MinValue, value, measure, sourceQuery, groupOf, groups);
        return all with { Points = [.. all.Points.Where(p => p.Month is null)] };
    }

    private static double? Measure(List<double> values, FigureMeasure measure)
    {
        switch (measure)
        {
            case FigureMeasure.Count: return values.Count;
            case FigureMeasure.Sum: return values.Sum();
            case FigureMeasure.Share: return 100.0 * values.Count(v => v >= 1) / values.Count;
        }
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
