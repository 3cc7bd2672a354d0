using System.Globalization;
using CityHall.Web.Modules.Transparency.Figures;
using CityHall.Web.Platform.Figures;

namespace CityHall.Web.Modules.Transparency.Public;

/// <summary>
/// One figure in full: what it counts (definition, unit, period, the module answering for it), the query its values
/// came from, the months as a line with their table, the groups as bars with theirs, and each table as CSV
/// (<c>?handler=csv&amp;part=months|groups</c>) so a spreadsheet gets exactly what the page shows.
/// </summary>
public sealed class FigureModel(FigureBoard board, IStringLocalizer<Text> t) : PageModel
{
    [FromRoute(Name = "code")] public string Code { get; set; } = "";
    [FromQuery(Name = "year")] public int? Year { get; set; }

    public string Module { get; private set; } = "";
    public FigureDefinition Definition { get; private set; } = null!;
    public FigurePeriod Period { get; private set; } = null!;
    public FigureResult? Result { get; private set; }

    public IReadOnlyList<int> Years => board.Years;

    public string YearQuery => Year is { } y ? $"year={y}&" : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync([FromQuery] string? part, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Result is null) return NotFound();
        // A CSV names its period: a year out of range is refused rather than answered with another period's figures.
        if (!ModelState.IsValid) return BadRequest();
        var culture = CultureInfo.InvariantCulture;
        string Value(double? v) => v is { } x ? Math.Round(x, 4).ToString(culture) : "";
        if (part == "groups")
            return File(CsvExport.ToBytes(["group_code", "group_name", "value", "unit", "basis"],
                Result.ByGroup.Select(g => new[] { g.Group.Code, g.Group.Name(CultureInfo.CurrentUICulture), Value(g.Point.Value), Definition.Unit.ToString().ToLowerInvariant(), g.Point.Basis.ToString(culture) })),
                "text/csv; charset=utf-8", $"{Code}-groups.csv");
        if (part != "months" || Definition.Snapshot) return NotFound();
        return File(CsvExport.ToBytes(["month", "value", "unit", "basis"],
            Result.Months.Select(p => new[] { p.Month!.Value.ToString("yyyy-MM", culture), Value(p.Value), Definition.Unit.ToString().ToLowerInvariant(), p.Basis.ToString(culture) })),
            "text/csv; charset=utf-8", $"{Code}-{Period.FirstMonth:yyyy-MM}.csv");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (board.Find(Code) is not { } found) return false;
        (Module, Definition) = found;
        if (Year is { } year && !board.Years.Contains(year))
        {
            ModelState.AddModelError(nameof(Year), t["Transparency.Error.Year", board.Years[^1], board.Years[0]]);
            Year = null;
        }
        Period = Year is { } y ? board.Year(y) : board.LastTwelveMonths;
        Result = await board.ComputeAsync(Definition, Period, ct);
        return true;
    }
}
