using CityHall.Web.Platform.City;
using System.Globalization;
using CityHall.Web.Modules.Cctv.Registry;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Import;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Cctv.Admin;

/// <summary>
/// Upload a camera list (Korea's national CCTV standard data, as Seoul's districts publish it, or another file with a
/// mapping): the department the cameras are, the mapping (a shipped preset or a mapping file), the encoding. A camera
/// list is a few thousand rows, so it is imported while the page waits and the summary shows at once: rows read,
/// created, updated, unchanged, every skipped row by line and reason — or why the file was refused, nothing written.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CctvModule.Manage)]
[RequestSizeLimit(MappedCsvReader.MaxBytes + 2 * 1_048_576)]
[RequestFormLimits(MultipartBodyLengthLimit = MappedCsvReader.MaxBytes + 1_048_576)]
public sealed class ImportModel(AppDbContext db, CameraImporter importer, AuditLog audit, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public ImportInput Input { get; set; } = new();
    public ImportSummary? Summary { get; private set; }
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> MappingItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> EncodingItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!DepartmentItems.Any(d => d.Value == Input.Department)) ModelState.AddModelError("Input.Department", t["Cctv.Error.Department"]);
        var (mapping, mappingName) = await ImportForm.CheckAsync(ModelState, t, Input.File, Input.Encoding, Input.Mapping, Input.MappingFile, CameraMapping.Presets(),
            CameraMapping.Parse, CameraMapping.Load, ct);
        if (mapping is null) return Page();

        await using var file = Input.File!.OpenReadStream();
        Summary = await importer.ImportAsync(file, Input.Department!, mapping, Input.Encoding!, ct: ct);
        await audit.RecordAsync(User, "cctv.import", "cctv-import", Input.File.FileName, new
        {
            Input.Department, mapping = mappingName, Summary.Problem, Summary.Read, Summary.Created, Summary.Updated, Summary.Unchanged, skipped = Summary.Skipped.Count,
        }, ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        DepartmentItems = await DepartmentChoices.ItemsAsync(db, include: User.ActsForDepartment, ct: ct);
        if (string.IsNullOrEmpty(Input.Department)) Input.Department = (DepartmentItems.Count > 0 ? DepartmentItems[0].Value : "");
        MappingItems = ImportForm.PresetItems(CameraMapping.Presets());
        EncodingItems = ImportForm.EncodingItems(t);
    }

    public sealed class ImportInput
    {
        [Display(Name = "Cctv.Import.File")] public IFormFile? File { get; set; }
        [Display(Name = "Cctv.Department")] public string? Department { get; set; }
        [Display(Name = "Cctv.Import.Mapping")] public string? Mapping { get; set; } = "korea-cctv-standard";
        [Display(Name = "Cctv.Import.MappingFile")] public IFormFile? MappingFile { get; set; }
        [Display(Name = "Cctv.Import.Encoding")] public string? Encoding { get; set; } = "auto";
    }
}
