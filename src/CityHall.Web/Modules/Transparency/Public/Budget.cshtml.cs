using System.Globalization;
using CityHall.Web.Modules.Transparency.Budget;

namespace CityHall.Web.Modules.Transparency.Public;

/// <summary>
/// The informatization budget in full: every year with the city's budget, the share and the change from the year
/// before (bars of the amount, a line of the share), then one year's programmes (the latest unless asked); each
/// table also as CSV.
/// </summary>
public sealed class BudgetModel(BudgetBook book) : PageModel
{
    [FromQuery(Name = "year")] public int? Year { get; set; }

    public IReadOnlyList<BudgetYearSummary> Years { get; private set; } = [];
    public BudgetYearSummary? Shown { get; private set; }
    public IReadOnlyList<BudgetLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var inv = CultureInfo.InvariantCulture;
        if (Year is null)
            return File(CsvExport.ToBytes(["year", "informatization_million_won", "city_total_million_won", "share_percent", "year_on_year_percent", "programmes"],
                Years.Select(y => new[] { y.Year.ToString(inv), y.Informatization.ToString(inv), y.CityTotal.ToString(inv), Math.Round(y.Share, 4).ToString(inv),
                    y.YearOnYear is { } c ? Math.Round(c, 4).ToString(inv) : "", y.Programmes.ToString(inv) })),
                "text/csv; charset=utf-8", "informatization-budget-years.csv");
        return File(CsvExport.ToBytes(["year", "programme_code", "programme_name_ko", "programme_name_en", "amount_million_won", "share_of_informatization_percent"],
            Lines.Select(l => new[] { l.Year.ToString(inv), l.Code, l.NameKo, l.NameEn, l.Amount.ToString(inv), Math.Round(ShareOf(l), 4).ToString(inv) })),
            "text/csv; charset=utf-8", $"informatization-budget-{Shown!.Year}.csv");
    }

    /// <summary>A programme's share of the year's informatization budget, in percent.</summary>
    public double ShareOf(BudgetLine line) => Shown is { Informatization: > 0 } y ? 100.0 * line.Amount / y.Informatization : 0;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Years = await book.YearsAsync(ct);
        if (Year is { } asked && Years.All(y => y.Year != asked)) return false;
        Shown = Year is { } year ? Years.First(y => y.Year == year) : Years.Count > 0 ? Years[^1] : null;
        if (Shown is not null) Lines = await book.LinesAsync(Shown.Year, ct);
        return true;
    }
}
