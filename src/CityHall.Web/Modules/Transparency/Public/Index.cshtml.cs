using CityHall.Web.Modules.Transparency.Budget;
using CityHall.Web.Modules.Transparency.Figures;
using CityHall.Web.Platform.Figures;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Transparency.Public;

/// <summary>
/// The transparency dashboard: the informatization budget over the years, then every module's figures for the
/// chosen period (the last twelve months, or a calendar year), each a server-drawn chart with its table, leading to
/// the figure's page with its definition, groups, source query and CSV.
/// </summary>
public sealed class IndexModel(FigureBoard board, BudgetBook book, IStringLocalizer<Text> t) : PageModel
{
    [FromQuery(Name = "year")] public int? Year { get; set; }

    public FigurePeriod Period { get; private set; } = null!;
    public IReadOnlyList<ShownFigure> Figures { get; private set; } = [];
    public IReadOnlyList<BudgetYearSummary> BudgetYears { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PeriodItems { get; private set; } = [];

    /// <summary>The query string that keeps the chosen year on links ("?year=2025"), or nothing.</summary>
    public string YearQuery => Year is { } y ? $"?year={y}" : "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Year is { } year && !board.Years.Contains(year))
        {
            ModelState.AddModelError(nameof(Year), t["Transparency.Error.Year", board.Years[^1], board.Years[0]]);
            Year = null;
        }
        Period = Year is { } y ? board.Year(y) : board.LastTwelveMonths;
        PeriodItems = [new(t["Transparency.LastTwelveMonths"], ""), .. board.Years.Select(y => new SelectListItem(y.ToString(System.Globalization.CultureInfo.InvariantCulture), y.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        Figures = await board.AllAsync(Period, ct);
        BudgetYears = [.. (await book.YearsAsync(ct)).TakeLast(10)];
    }
}
