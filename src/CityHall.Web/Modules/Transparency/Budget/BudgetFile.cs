using System.Globalization;
using CityHall.Web.Platform.Import;
using CsvHelper;

namespace CityHall.Web.Modules.Transparency.Budget;

/// <summary>One programme line of a budget file.</summary>
public sealed record BudgetFileLine(int Line, int Year, string Code, string NameKo, string NameEn, long Amount);

/// <summary>
/// A budget file as read: its lines and the city's budget per year where it gives one — or the problems that refuse
/// it, each with its line. A budget is taken whole or not at all: a year with one line missing would publish a
/// wrong share, so unlike a places file no row is skipped.
/// </summary>
public sealed record BudgetFile(string FileName, IReadOnlyList<BudgetFileLine> Lines, IReadOnlyDictionary<int, long> CityTotals, IReadOnlyList<string> Problems)
{
    public const int MaxBytes = 2 * 1024 * 1024, MaxProblems = 20;

    /// <summary>
    /// The columns, by their English or Korean headers (as a budget office's spreadsheet has them): year/연도,
    /// code/사업코드 (optional: "p01", "p02", … by order within the year), name_ko/사업명, name_en/사업명(영문)
    /// (optional), amount_million_won/예산액(백만원), city_total_million_won/총예산(백만원) (optional; the same on every
    /// line of a year).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["year"] = ["year", "연도"],
        ["code"] = ["code", "사업코드"],
        ["name_ko"] = ["name_ko", "사업명"],
        ["name_en"] = ["name_en", "사업명(영문)"],
        ["amount"] = ["amount_million_won", "예산액(백만원)"],
        ["city_total"] = ["city_total_million_won", "총예산(백만원)"],
    };

    private static readonly string[] Required = ["year", "name_ko", "amount"];

    public static async Task<BudgetFile> ReadAsync(Stream stream, string fileName, string encodingName, IStringLocalizer t, CancellationToken ct)
    {
        var (text, _, problem) = await CsvText.ReadAsync(stream, encodingName, MaxBytes, t, ct);
        if (text is null) return Refused(fileName, problem!);
        using var csv = CsvReader.FromText(text, new CsvReaderOptions
        {
            HasHeader = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture,
            FieldCountMismatch = CsvFieldCountHandling.Allow, MissingField = CsvMissingFieldHandling.ReturnEmpty,
        });
        try { csv.ReadHeader(); }
        catch (Exception ex) when (ex is not OperationCanceledException) { return Refused(fileName, t["Import.NoHeader"]); }
        var header = csv.Headers ?? [];
        // Each column by the file's own header (spreadsheets leave spaces around them and vary the case).
        var column = Columns.ToDictionary(c => c.Key, c => c.Value.Select(name => header.FirstOrDefault(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(h => h is not null));
        var missing = Required.Where(r => column[r] is null).Select(r => string.Join("/", Columns[r])).ToList();
        if (missing.Count > 0) return Refused(fileName, t["Import.MissingColumns", string.Join(", ", missing)]);

        var lines = new List<BudgetFileLine>();
        var totals = new Dictionary<int, long>();
        var problems = new List<string>();
        var codes = new HashSet<(int, string)>();
        while (await csv.ReadAsync(ct) && problems.Count < MaxProblems)
        {
            var line = (int)csv.LineNumber;
            string? Cell(string name) => column[name] is { } h && csv.GetStringOrNull(h) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            if (header.All(h => string.IsNullOrWhiteSpace(csv.GetStringOrNull(h)))) continue; // a blank line at the end of a spreadsheet export
            void Problem(string key, params object[] args) => problems.Add(t["Transparency.Import.Line", line, t[key, args]]);
            if (!int.TryParse(Cell("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) { Problem("Transparency.Import.BadYear", Cell("year") ?? ""); continue; }
            if (Amount(Cell("amount")) is not { } amount) { Problem("Transparency.Import.BadAmount", Cell("amount") ?? ""); continue; }
            var code = Cell("code") ?? "p" + (lines.Count(l => l.Year == year) + 1).ToString("00", CultureInfo.InvariantCulture);
            var nameKo = Cell("name_ko") ?? "";
            if (BudgetBook.CheckLine(code, nameKo, Cell("name_en"), amount) is { } refusal) { problems.Add(t["Transparency.Import.Line", line, refusal.Text(t)]); continue; }
            if (!codes.Add((year, code))) { Problem("Transparency.Import.RepeatedCode", code, year); continue; }
            if (Cell("city_total") is { } totalText)
            {
                var total = Amount(totalText) ?? 0;
                if (total <= 0) { Problem("Transparency.Import.BadTotal", totalText); continue; }
                if (totals.TryGetValue(year, out var earlier) && earlier != total) { Problem("Transparency.Import.TotalDiffers", year, earlier, total); continue; }
                if (total > BudgetYear.MaxAmount) { Problem("Transparency.Budget.Error.TotalTooLarge", BudgetYear.MaxAmount); continue; }
                totals[year] = total;
            }
            lines.Add(new(line, year, code, nameKo, Cell("name_en") ?? "", amount));
        }
        if (problems.Count == 0 && lines.Count == 0) problems.Add(t["Transparency.Import.NoLines"]);
        return new(fileName, lines, totals, problems);
    }

    /// <summary>A whole number of millions as a spreadsheet writes it ("129,501", "-5"); null when it is not one.</summary>
    public static long? Amount(string? text) =>
        long.TryParse(text?.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    private static BudgetFile Refused(string fileName, string problem) => new(fileName, [], new Dictionary<int, long>(), [problem]);
}
