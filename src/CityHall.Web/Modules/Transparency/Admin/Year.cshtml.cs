using CityHall.Web.Modules.Transparency.Budget;

namespace CityHall.Web.Modules.Transparency.Admin;

/// <summary>
/// One budget year: the city's budget and its source, and the informatization programmes — added, changed
/// (<c>?line=ID</c> opens one in the form) or removed. Every change is checked by <see cref="BudgetBook"/> (no negative
/// amount, the programmes never more than the city's budget) and audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + TransparencyModule.Manage)]
public sealed class YearModel(BudgetBook book, IStringLocalizer<Text> t) : PageModel
{
    [FromRoute(Name = "year")] public int BudgetYear { get; set; }
    [FromQuery(Name = "line")] public long? LineId { get; set; }
    [FromQuery(Name = "saved")] public bool Saved { get; set; }

    [BindProperty] public TotalInput Total { get; set; } = new();
    [BindProperty] public LineInput Line { get; set; } = new();

    public BudgetYearSummary Summary { get; private set; } = null!;
    public IReadOnlyList<BudgetLine> Lines { get; private set; } = [];
    public BudgetLine? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Total = new TotalInput { CityTotal = Summary.CityTotal.ToString(System.Globalization.CultureInfo.InvariantCulture), Source = Summary.Source };
        if (Editing is { } line) Line = new LineInput { Code = line.Code, NameKo = line.NameKo, NameEn = line.NameEn, Amount = line.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Page();
    }

    public async Task<IActionResult> OnPostTotalAsync(CancellationToken ct)
    {
        ModelState.CheckOnly("Total.");
        if (!await LoadAsync(ct)) return NotFound();
        if (BudgetFile.Amount(Total.CityTotal) is not { } total) ModelState.AddModelError("Total.CityTotal", t["Transparency.Budget.Error.NotAmount"]);
        else if (ModelState.IsValid && await book.SaveYearAsync(User, BudgetYear, total, Total.Source, ct) is { } refusal)
            ModelState.AddModelError("Total.CityTotal", refusal.Text(t));
        if (!ModelState.IsValid) return Page();
        return Redirect($"/admin/transparency/{BudgetYear}?saved=true");
    }

    public async Task<IActionResult> OnPostLineAsync(CancellationToken ct)
    {
        ModelState.CheckOnly("Line.");
        if (!await LoadAsync(ct)) return NotFound();
        if (LineId is not null && Editing is null) return NotFound();
        if (BudgetFile.Amount(Line.Amount) is not { } amount) ModelState.AddModelError("Line.Amount", t["Transparency.Budget.Error.NotAmount"]);
        else if (ModelState.IsValid && await book.SaveLineAsync(User, BudgetYear, LineId, (Line.Code ?? "").Trim(), Line.NameKo ?? "", Line.NameEn, amount, ct) is { } refusal)
            ModelState.AddModelError(refusal.Key switch
            {
                "Transparency.Budget.Error.Code" or "Transparency.Budget.Error.CodeTaken" => "Line.Code",
                "Transparency.Budget.Error.Name" => "Line.NameKo",
                _ => "Line.Amount",
            }, refusal.Text(t));
        if (!ModelState.IsValid) return Page();
        return Redirect($"/admin/transparency/{BudgetYear}?saved=true");
    }

    public async Task<IActionResult> OnPostDeleteAsync([FromQuery(Name = "id")] long id, CancellationToken ct)
    {
        if (!await book.DeleteLineAsync(User, BudgetYear, id, ct)) return NotFound();
        return Redirect($"/admin/transparency/{BudgetYear}?saved=true");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if ((await book.YearsAsync(ct)).FirstOrDefault(y => y.Year == BudgetYear) is not { } summary) return false;
        Summary = summary;
        Lines = await book.LinesAsync(BudgetYear, ct);
        Editing = LineId is { } id ? Lines.FirstOrDefault(l => l.Id == id) : null;
        return true;
    }

    public sealed class TotalInput
    {
        [Display(Name = "Transparency.Budget.CityTotalInput")] public string? CityTotal { get; set; }
        [Display(Name = "Transparency.Budget.SourceInput")][StringLength(Budget.BudgetYear.SourceMax)] public string? Source { get; set; }
    }

    public sealed class LineInput
    {
        [Display(Name = "Transparency.Budget.Code")] public string? Code { get; set; }
        [Display(Name = "Transparency.Budget.NameKo")] public string? NameKo { get; set; }
        [Display(Name = "Transparency.Budget.NameEn")] public string? NameEn { get; set; }
        [Display(Name = "Transparency.Budget.AmountInput")] public string? Amount { get; set; }
    }
}
