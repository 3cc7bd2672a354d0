using CityHall.Web.Modules.Transparency.Budget;
using CityHall.Web.Platform.Import;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Transparency.Admin;

/// <summary>
/// The informatization budget for the budget office: the years entered with their shares, a year added (the city's
/// budget first, then its programmes on the year's page), or a whole file of years imported — taken whole or
/// refused with every problem by line, nothing written.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + TransparencyModule.Manage)]
[RequestSizeLimit(BudgetFile.MaxBytes + 1_048_576)]
[RequestFormLimits(MultipartBodyLengthLimit = BudgetFile.MaxBytes + 524_288)]
public sealed class IndexModel(BudgetBook book, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public YearInput Year { get; set; } = new();
    [BindProperty] public UploadInput Upload { get; set; } = new();

    public IReadOnlyList<BudgetYearSummary> Years { get; private set; } = [];
    public IReadOnlyList<string> ImportProblems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> EncodingItems => ImportForm.EncodingItems(t);

    [FromQuery(Name = "imported")] public string? Imported { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Years = await book.YearsAsync(ct);

    public async Task<IActionResult> OnPostYearAsync(CancellationToken ct)
    {
        ModelState.CheckOnly("Year.");
        var total = BudgetFile.Amount(Year.CityTotal);
        if (Year.Year is null) ModelState.AddModelError("Year.Year", t["Transparency.Budget.Error.NoYearGiven"]);
        if (total is null) ModelState.AddModelError("Year.CityTotal", t["Transparency.Budget.Error.NotAmount"]);
        if (ModelState.IsValid && await book.SaveYearAsync(User, Year.Year!.Value, total!.Value, Year.Source, ct) is { } refusal)
            ModelState.AddModelError(refusal.Key.EndsWith(".Year", StringComparison.Ordinal) ? "Year.Year" : "Year.CityTotal", refusal.Text(t));
        if (!ModelState.IsValid)
        {
            Years = await book.YearsAsync(ct);
            return Page();
        }
        return Redirect($"/admin/transparency/{Year.Year}?saved=true");
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        ModelState.CheckOnly("Upload.");
        if (Upload.File is not { Length: > 0 }) ModelState.AddModelError("Upload.File", t["Import.ChooseFile"]);
        if (!EncodingItems.Any(e => e.Value == Upload.Encoding)) ModelState.AddModelError("Upload.Encoding", t["Import.ChooseEncoding"]);
        if (ModelState.IsValid)
        {
            await using var stream = Upload.File!.OpenReadStream();
            var file = await BudgetFile.ReadAsync(stream, Path.GetFileName(Upload.File.FileName), Upload.Encoding!, t, ct);
            ImportProblems = file.Problems.Count > 0 ? file.Problems
                : await book.ImportAsync(User, file, ct) is { } refusal ? [refusal.Text(t)] : [];
            if (ImportProblems.Count == 0)
                return Redirect($"/admin/transparency?imported={string.Join(",", file.Lines.Select(l => l.Year).Distinct().Order())}");
            ModelState.AddModelError("Upload.File", t["Transparency.Import.Refused"]);
        }
        Years = await book.YearsAsync(ct);
        return Page();
    }

    public sealed class YearInput
    {
        [Display(Name = "Transparency.Budget.Year")] public int? Year { get; set; }
        [Display(Name = "Transparency.Budget.CityTotalInput")] public string? CityTotal { get; set; }
        [Display(Name = "Transparency.Budget.SourceInput")][StringLength(BudgetYear.SourceMax)] public string? Source { get; set; }
    }

    public sealed class UploadInput
    {
        [Display(Name = "Transparency.Import.File")] public IFormFile? File { get; set; }
        [Display(Name = "Transparency.Import.Encoding")] public string? Encoding { get; set; } = "auto";
    }
}
