using System.Globalization;
using System.Runtime.CompilerServices;
using CityHall.Web.Modules.Transparency.Budget;
using CityHall.Web.Modules.Transparency.Figures;
using CityHall.Web.Platform.Figures;
using CityHall.Web.Platform.OpenData;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Transparency;

/// <summary>
/// The dashboard as open data: the informatization budget (a row per programme and year, with the city's budget and
/// the share) and every registered figure (a row per month and group for the last
/// <see cref="TransparencyOptions.OpenDataMonths"/> months, or as it stands for a snapshot figure), each described
/// by its definition, so a figure downloaded says what it counts.
/// </summary>
public sealed class TransparencyOpenData(AppDbContext db, BudgetBook book, FigureBoard board, IOptionsMonitor<TransparencyOptions> options, IStringLocalizer<Text> t) : IOpenDataSource
{
    public const string BudgetCode = "informatization-budget", FigurePrefix = "figure-";

    private static readonly DatasetColumn[] BudgetColumns =
    [
        new("year", DatasetType.Number, "The budget year."),
        new("programme_code", DatasetType.Text, "The programme's code, the same across years."),
        new("programme_name_ko", DatasetType.Text, "The programme's name in Korean."),
        new("programme_name_en", DatasetType.Text, "The programme's name in English (empty when not given)."),
        new("amount_million_won", DatasetType.Number, "The programme's budget, millions of won."),
        new("informatization_million_won", DatasetType.Number, "The year's informatization budget, all programmes, millions of won."),
        new("city_total_million_won", DatasetType.Number, "The city's whole budget that year, millions of won."),
        new("share_percent", DatasetType.Number, "The informatization budget's share of the city's, percent."),
    ];

    private static readonly DatasetColumn[] FigureColumns =
    [
        new("month", DatasetType.Text, "The month counted (yyyy-MM, in the city's time zone); for a figure counted as it stands, the month it was read."),
        new("group_code", DatasetType.Text, "The group the row is for (a service, district, programme, …); empty for the whole city."),
        new("group_name_ko", DatasetType.Text, "The group's name in Korean."),
        new("group_name_en", DatasetType.Text, "The group's name in English."),
        new("value", DatasetType.Number, "The figure's value in its unit; empty when there was nothing to measure."),
        new("basis", DatasetType.Number, "How many records the value was computed from."),
        new("unit", DatasetType.Text, "count, percent, hours, days or minutes."),
    ];

    public async Task<IReadOnlyList<DatasetDescription>> DescribeAsync(CancellationToken ct)
    {
        var datasets = new List<DatasetDescription>();
        if (await db.Set<BudgetYear>().AsNoTracking().OrderByDescending(y => y.UpdatedAt).Select(y => (DateTime?)y.UpdatedAt).FirstOrDefaultAsync(ct) is { } updated)
            datasets.Add(new(BudgetCode, t["Dataset.InformatizationBudget.Title"], t["Dataset.InformatizationBudget.Description"], BudgetColumns, Spatial: false, [],
                new DateTimeOffset(updated, TimeSpan.Zero), await db.Set<BudgetLine>().LongCountAsync(ct), ["budget", "informatization", "transparency"]));
        foreach (var (_, figure) in board.Definitions)
            datasets.Add(new(FigurePrefix + figure.Code, t[figure.TitleKey], t[figure.DefinitionKey], FigureColumns, Spatial: false, [], null, null,
                ["transparency", "figures", t[figure.TopicKey]]));
        return datasets;
    }

    public IAsyncEnumerable<DatasetRow> ReadAsync(string code, CancellationToken ct) =>
        code == BudgetCode ? BudgetAsync(ct) : FigureAsync(code[FigurePrefix.Length..], ct);

    private async IAsyncEnumerable<DatasetRow> BudgetAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var years = (await book.YearsAsync(ct)).ToDictionary(y => y.Year);
        await foreach (var line in db.Set<BudgetLine>().AsNoTracking().OrderBy(l => l.Year).ThenBy(l => l.Code).AsAsyncEnumerable().WithCancellation(ct))
        {
            var year = years[line.Year];
            yield return new DatasetRow([(long)line.Year, line.Code, line.NameKo, line.NameEn, line.Amount, year.Informatization, year.CityTotal, Math.Round(year.Share, 4)]);
        }
    }

    private async IAsyncEnumerable<DatasetRow> FigureAsync(string code, [EnumeratorCancellation] CancellationToken ct)
    {
        if (board.Find(code) is not { } found) yield break;
        var period = board.LastMonths(options.CurrentValue.OpenDataMonths);
        if (await board.ComputeAsync(found.Figure, period, ct) is not { } result) yield break;
        var groups = result.Groups.ToDictionary(g => g.Code);
        var unit = found.Figure.Unit.ToString().ToLowerInvariant();
        var asOf = board.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        foreach (var point in result.Points.Where(p => found.Figure.Snapshot ? p.Month is null : p.Month is not null)
                     .OrderBy(p => p.Month).ThenBy(p => p.Group is null ? 0 : 1).ThenBy(p => p.Group, StringComparer.Ordinal))
        {
            var group = point.Group is null ? null : groups.GetValueOrDefault(point.Group);
            yield return new DatasetRow([point.Month?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? asOf, point.Group, group?.NameKo, group?.NameEn,
                point.Value is { } v ? Math.Round(v, 4) : null, (long)point.Basis, unit]);
        }
    }
}
