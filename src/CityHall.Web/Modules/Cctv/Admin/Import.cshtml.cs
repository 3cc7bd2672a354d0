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
    public const int MaxMappingBytes = 64 * 1024;

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
        if (Input.File is not { Length: > 0 }) ModelState.AddModelError("Input.File", t["Cctv.Import.ChooseFile"]);
        else if (Input.File.Length > MappedCsvReader.MaxBytes) ModelState.AddModelError("Input.File", t["Import.TooLarge", MappedCsvReader.MaxBytes / (1024 * 1024)]);
        if (!EncodingItems.Any(e => e.Value == Input.Encoding)) ModelState.AddModelError("Input.Encoding", t["Cctv.Import.ChooseEncoding"]);
        CameraMapping? mapping = null;
        var mappingName = Input.Mapping;
        if (Input.MappingFile is { Length: > 0 } mappingFile)
        {
            if (mappingFile.Length > MaxMappingBytes) ModelState.AddModelError("Input.MappingFile", t["Cctv.Import.MappingTooLarge"]);
            else
            {
                using var reader = new StreamReader(mappingFile.OpenReadStream());
                (mapping, var problem) = CameraMapping.Parse(await reader.ReadToEndAsync(ct));
                if (mapping is null) ModelState.AddModelError("Input.MappingFile", t["Cctv.Import.MappingProblem", problem!]);
                mappingName = Path.GetFileName(mappingFile.FileName);
            }
        }
        else if (!MappingItems.Any(m => m.Value == Input.Mapping)) ModelState.AddModelError("Input.Mapping", t["Cctv.Import.ChooseMapping"]);
        else (mapping, _) = CameraMapping.Load(Input.Mapping!);
        if (!ModelState.IsValid || mapping is null) return Page();

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
        DepartmentItems = await CameraChoices.DepartmentsAsync(db, null, User.ActsForDepartment, ct);
        if (string.IsNullOrEmpty(Input.Department)) Input.Department = (DepartmentItems.Count > 0 ? DepartmentItems[0].Value : "");
        MappingItems = CameraMapping.Presets().Select(p => new SelectListItem(p, p)).ToList();
        EncodingItems = [new(t["Cctv.Import.EncodingAuto"], "auto"), new("UTF-8", "utf-8"), new("CP949 (EUC-KR)", "cp949")];
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
