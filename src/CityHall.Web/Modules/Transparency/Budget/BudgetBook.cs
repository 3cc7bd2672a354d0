using System.Security.Claims;
using System.Text.RegularExpressions;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.Transparency.Budget;

/// <summary>A year's informatization budget against the city's: the sum of its programmes, its share and the change from the year before.</summary>
public sealed record BudgetYearSummary(int Year, long CityTotal, long Informatization, int Programmes, string? Source, long? PreviousInformatization)
{
    /// <summary>The informatization budget's share of the city's, in percent.</summary>
    public double Share => CityTotal == 0 ? 0 : 100.0 * Informatization / CityTotal;

    /// <summary>The change from the year before, in percent; null when there is no year before or it had none.</summary>
    public double? YearOnYear => PreviousInformatization is > 0 and var before ? 100.0 * (Informatization - before) / before : null;
}

/// <summary>
/// The informatization budget's book: the years and their programmes, and every change to them with its checks —
/// no amount below zero or beyond <see cref="BudgetYear.MaxAmount"/>, and the programmes of a year never more than
/// the city's whole budget (a share over 100% is a typing error, not a budget). Each change is audited with what it
/// was before; a refusal writes nothing and says why (text key and arguments in <see cref="BudgetRefusal"/>).
/// </summary>
public sealed partial class BudgetBook(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int FirstYear = 1990;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    public static partial Regex CodePattern();

    public async Task<IReadOnlyList<BudgetYearSummary>> YearsAsync(CancellationToken ct = default)
    {
        var years = await db.Set<BudgetYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);
        var sums = await db.Set<BudgetLine>().AsNoTracking().GroupBy(l => l.Year)
            .Select(g => new { Year = g.Key, Sum = g.Sum(l => l.Amount), Count = g.Count() }).ToDictionaryAsync(x => x.Year, ct);
        return [.. years.Select(y => new BudgetYearSummary(y.Year, y.CityTotal, sums.GetValueOrDefault(y.Year)?.Sum ?? 0, sums.GetValueOrDefault(y.Year)?.Count ?? 0,
            y.Source, years.Any(p => p.Year == y.Year - 1) ? sums.GetValueOrDefault(y.Year - 1)?.Sum ?? 0 : null))];
    }

    /// <summary>Every year's programmes in one read, by year (largest first within each).</summary>
    public async Task<ILookup<int, BudgetLine>> AllLinesAsync(CancellationToken ct = default) =>
        (await db.Set<BudgetLine>().AsNoTracking().OrderByDescending(l => l.Amount).ThenBy(l => l.Code).ToListAsync(ct)).ToLookup(l => l.Year);

    public Task<List<BudgetLine>> LinesAsync(int year, CancellationToken ct = default) =>
        db.Set<BudgetLine>().AsNoTracking().Where(l => l.Year == year).OrderByDescending(l => l.Amount).ThenBy(l => l.Code).ToListAsync(ct);

    /// <summary>The latest year a budget can be entered for: next year's is adopted in December.</summary>
    public int LastYear => clock.GetUtcNow().Year + 1;

    public BudgetRefusal? CheckYear(int year) => year < FirstYear || year > LastYear ? new("Transparency.Budget.Error.Year", [FirstYear, LastYear]) : null;

    public static BudgetRefusal? CheckAmount(long amount, string what) =>
        amount < 0 ? new("Transparency.Budget.Error.Negative", [what])
        : amount > BudgetYear.MaxAmount ? new("Transparency.Budget.Error.TooLarge", [what, BudgetYear.MaxAmount]) : null;

    /// <summary>Programmes adding up to more than the city's budget: the share would be over 100%.</summary>
    public static BudgetRefusal? CheckShare(int year, long programmes, long cityTotal) =>
        programmes > cityTotal ? new("Transparency.Budget.Error.OverTotal", [year, programmes, cityTotal]) : null;

    public async Task<BudgetRefusal?> SaveYearAsync(ClaimsPrincipal actor, int year, long cityTotal, string? source, CancellationToken ct = default)
    {
        if (CheckYear(year) is { } badYear) return badYear;
        if (cityTotal <= 0) return new("Transparency.Budget.Error.NoTotal", []);
        if (cityTotal > BudgetYear.MaxAmount) return new("Transparency.Budget.Error.TotalTooLarge", [BudgetYear.MaxAmount]);
        var programmes = await db.Set<BudgetLine>().Where(l => l.Year == year).SumAsync(l => (long?)l.Amount, ct) ?? 0;
        if (CheckShare(year, programmes, cityTotal) is { } over) return over;
        var stored = await db.Set<BudgetYear>().FirstOrDefaultAsync(y => y.Year == year, ct);
        var before = stored is null ? null : new { stored.CityTotal, stored.Source };
        if (stored is null) db.Add(stored = new BudgetYear { Year = year, UpdatedBy = "" });
        stored.CityTotal = cityTotal;
        stored.Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        stored.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        stored.UpdatedBy = actor.Identity?.Name ?? "";
        await audit.RecordAsync(actor, before is null ? "transparency.budget.year.create" : "transparency.budget.year.edit", "budget-year", Key(year),
            new { before, after = new { stored.CityTotal, stored.Source } }, ct);
        return null;
    }

    /// <summary>Adds a programme to a year (id null) or changes one.</summary>
    public async Task<BudgetRefusal?> SaveLineAsync(ClaimsPrincipal actor, int year, long? id, string code, string nameKo, string? nameEn, long amount, CancellationToken ct = default)
    {
        if (await db.Set<BudgetYear>().AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, ct) is not { } budget)
            return new("Transparency.Budget.Error.NoYear", [year]);
        if (CheckLine(code, nameKo, nameEn, amount) is { } bad) return bad;
        var line = id is { } lineId ? await db.Set<BudgetLine>().FirstOrDefaultAsync(l => l.Id == lineId && l.Year == year, ct) : null;
        if (id is not null && line is null) return new("Transparency.Budget.Error.NoLine", []);
        if (await db.Set<BudgetLine>().AnyAsync(l => l.Year == year && l.Code == code && l.Id != (id ?? 0), ct))
            return new("Transparency.Budget.Error.CodeTaken", [code, year]);
        var others = await db.Set<BudgetLine>().Where(l => l.Year == year && l.Id != (id ?? 0)).SumAsync(l => (long?)l.Amount, ct) ?? 0;
        if (CheckShare(year, others + amount, budget.CityTotal) is { } over) return over;
        var before = line is null ? null : new { line.Code, line.NameKo, line.NameEn, line.Amount };
        if (line is null) db.Add(line = new BudgetLine { Year = year, Code = code, NameKo = nameKo });
        line.Code = code;
        line.NameKo = nameKo.Trim();
        line.NameEn = nameEn?.Trim() ?? "";
        line.Amount = amount;
        line.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(actor, before is null ? "transparency.budget.line.create" : "transparency.budget.line.edit", "budget-line", Key(year) + "/" + code,
            new { before, after = new { line.Code, line.NameKo, line.NameEn, line.Amount } }, ct);
        return null;
    }

    public async Task<bool> DeleteLineAsync(ClaimsPrincipal actor, int year, long id, CancellationToken ct = default)
    {
        if (await db.Set<BudgetLine>().FirstOrDefaultAsync(l => l.Id == id && l.Year == year, ct) is not { } line) return false;
        db.Remove(line);
        await audit.RecordAsync(actor, "transparency.budget.line.delete", "budget-line", Key(year) + "/" + line.Code,
            new { before = new { line.Code, line.NameKo, line.NameEn, line.Amount } }, ct);
        return true;
    }

    /// <summary>A programme's code, names and amount as staff or a file give them.</summary>
    public static BudgetRefusal? CheckLine(string code, string nameKo, string? nameEn, long amount)
    {
        if (!CodePattern().IsMatch(code)) return new("Transparency.Budget.Error.Code", [code]);
        if (string.IsNullOrWhiteSpace(nameKo) || nameKo.Trim().Length > BudgetLine.NameMax || (nameEn?.Trim().Length ?? 0) > BudgetLine.NameMax)
            return new("Transparency.Budget.Error.Name", [BudgetLine.NameMax]);
        return CheckAmount(amount, code);
    }

    /// <summary>
    /// Replaces the programmes of every year in a file, and the city's budget where the file gives it, in one
    /// transaction: the file is a year's budget as a whole, so a year's programmes not in it are removed.
    /// </summary>
    public async Task<BudgetRefusal?> ImportAsync(ClaimsPrincipal actor, BudgetFile file, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var years = file.Lines.Select(l => l.Year).Distinct().Order().ToList();
        var stored = await db.Set<BudgetYear>().Where(y => years.Contains(y.Year)).ToDictionaryAsync(y => y.Year, ct);
        foreach (var year in years)
        {
            if (CheckYear(year) is { } badYear) return badYear;
            var total = file.CityTotals.TryGetValue(year, out var given) ? given : stored.GetValueOrDefault(year)?.CityTotal;
            if (total is not > 0) return new("Transparency.Budget.Error.ImportNoTotal", [year]);
            if (CheckShare(year, file.Lines.Where(l => l.Year == year).Sum(l => l.Amount), total.Value) is { } over) return over;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<BudgetLine>().Where(l => years.Contains(l.Year)).ExecuteDeleteAsync(ct);
        foreach (var year in years)
        {
            if (!stored.TryGetValue(year, out var budget)) db.Add(budget = new BudgetYear { Year = year, UpdatedBy = "" });
            if (file.CityTotals.TryGetValue(year, out var total)) budget.CityTotal = total;
            budget.UpdatedAt = now;
            budget.UpdatedBy = actor.Identity?.Name ?? "";
        }
        db.AddRange(file.Lines.Select(l => new BudgetLine { Year = l.Year, Code = l.Code, NameKo = l.NameKo, NameEn = l.NameEn, Amount = l.Amount, UpdatedAt = now }));
        await audit.RecordAsync(actor, "transparency.budget.import", "budget-year", string.Join(",", years),
            new { file.FileName, lines = file.Lines.Count, totals = file.CityTotals }, ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Sets where a year's figures come from (the API sends it beside the programmes); the import that just ran audited the change.</summary>
    public async Task SetSourceAsync(int year, string? source, CancellationToken ct = default) =>
        await db.Set<BudgetYear>().Where(y => y.Year == year)
            .ExecuteUpdateAsync(u => u.SetProperty(y => y.Source, string.IsNullOrWhiteSpace(source) ? null : source.Trim()), ct);

    private static string Key(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Why a budget change was refused: a text key of the module and its arguments.</summary>
public sealed record BudgetRefusal(string Key, object[] Arguments)
{
    public string Text(IStringLocalizer t) => t[Key, Arguments];
}
