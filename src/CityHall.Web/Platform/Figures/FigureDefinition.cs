namespace CityHall.Web.Platform.Figures;

/// <summary>What a figure's values are counted in; the dashboard writes each value with its unit.</summary>
public enum FigureUnit { Count, Percent, Hours, Days, Minutes }

/// <summary>
/// A figure a module publishes for the transparency dashboard and the open data (proposals answered on time, complaint
/// resolution hours, …). The module owns its tables and its query: <see cref="ComputeAsync"/> reads them (scoped
/// services) for a run of months and returns the values with the SQL it ran, so the dashboard never reads another
/// module's tables and every published value can be traced to its query. Title, definition and topic are text keys
/// in the module's texts; <see cref="GroupsKey"/> names what the figure is broken down by ("by category"), or is null.
/// A <see cref="Snapshot"/> figure is counted as it stands now (how fresh the places data is), not month by month.
/// Registered in the module's <c>ModuleDescriptor.Figures</c>, so switching the module off removes its figures.
/// </summary>
public sealed record FigureDefinition(string Code, string TopicKey, string TitleKey, string DefinitionKey, FigureUnit Unit,
    Func<IServiceProvider, FigurePeriod, CancellationToken, Task<FigureResult>> ComputeAsync, int Order = 100)
{
    public string? GroupsKey { get; init; }
    public bool Snapshot { get; init; }
}

/// <summary>
/// The values of one figure: one per month and in all (<see cref="FigurePoint.Month"/> null), for the whole city
/// (<see cref="FigurePoint.Group"/> null) and per group; the groups' names in both languages (the result is kept and
/// shown to readers of either); and the query the values came from, as the database ran it.
/// </summary>
public sealed record FigureResult(IReadOnlyList<FigurePoint> Points, IReadOnlyList<FigureGroup> Groups, string SourceQuery)
{
    public FigurePoint? Total => Points.FirstOrDefault(p => p.Month is null && p.Group is null);

    public IEnumerable<FigurePoint> Months => Points.Where(p => p.Month is not null && p.Group is null).OrderBy(p => p.Month);

    /// <summary>Each group's value over the whole period, in the groups' order.</summary>
    public IEnumerable<(FigureGroup Group, FigurePoint Point)> ByGroup =>
        Groups.Select(g => (g, Points.FirstOrDefault(p => p.Month is null && p.Group == g.Code))).Where(x => x.Item2 is not null)!;
}

/// <summary>
/// One value: its month (first day; null for the whole period), its group (null for the whole city), the value
/// (null when there was nothing to measure: no case closed, no pickup) and its basis, how many records it was
/// computed from, so a reader can tell 100% of 2 from 100% of 2,000.
/// </summary>
public sealed record FigurePoint(DateOnly? Month, string? Group, double? Value, int Basis);

/// <summary>A group a figure is broken down by (a category, a district, a programme) with its names.</summary>
public sealed record FigureGroup(string Code, string NameKo, string NameEn)
{
    public string Name(System.Globalization.CultureInfo culture) => City.LocalizedText.Pick(culture, NameKo, NameEn);
}
