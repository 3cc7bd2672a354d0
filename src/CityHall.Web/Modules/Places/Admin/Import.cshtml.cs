using System.Globalization;
using CityHall.Web.Modules.Places.Import;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Places.Admin;

/// <summary>
/// Upload a CSV file of places (Seoul Open Data and the like): the kind they are, the mapping of
/// its columns (a shipped preset or a mapping file), the encoding (detected by default). The
/// import then runs in the background and its page shows the progress, then the summary.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PlacesModule.Manage)]
[RequestSizeLimit(PlaceImporter.MaxBytes + 2 * 1_048_576)]
[RequestFormLimits(MultipartBodyLengthLimit = PlaceImporter.MaxBytes + 1_048_576)]
public sealed class ImportModel(PlaceIndex index, PlaceImportJobs jobs, IStringLocalizer<Text> t) : PageModel
{
    public const int MaxMappingBytes = 64 * 1024;

    [BindProperty] public ImportInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> MappingItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> EncodingItems { get; private set; } = [];

    public async Task OnGetAsync(string? kind) { Input.Kind = kind ?? ""; await LoadAsync(); }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync();
        if (!KindItems.Any(k => k.Value == Input.Kind)) ModelState.AddModelError("Input.Kind", t["Places.Admin.Import.ChooseKind"]);
        if (Input.File is not { Length: > 0 }) ModelState.AddModelError("Input.File", t["Places.Admin.Import.ChooseFile"]);
        else if (Input.File.Length > PlaceImporter.MaxBytes) ModelState.AddModelError("Input.File", t["Import.TooLarge", PlaceImporter.MaxBytes / (1024 * 1024)]);
        if (!EncodingItems.Any(e => e.Value == Input.Encoding)) ModelState.AddModelError("Input.Encoding", t["Places.Admin.Import.ChooseEncoding"]);

        PlaceMapping? mapping = null;
        var mappingName = Input.Mapping;
        if (Input.MappingFile is { Length: > 0 } mappingFile)
        {
            if (mappingFile.Length > MaxMappingBytes) ModelState.AddModelError("Input.MappingFile", t["Places.Admin.Import.MappingTooLarge"]);
            else
            {
                using var reader = new StreamReader(mappingFile.OpenReadStream());
                (mapping, var problem) = PlaceMapping.Parse(await reader.ReadToEndAsync(ct));
                if (mapping is null) ModelState.AddModelError("Input.MappingFile", t["Places.Admin.Import.MappingProblem", problem!]);
                mappingName = Path.GetFileName(mappingFile.FileName);
            }
        }
        else if (!MappingItems.Any(m => m.Value == Input.Mapping)) ModelState.AddModelError("Input.Mapping", t["Places.Admin.Import.ChooseMapping"]);
        else (mapping, _) = PlaceMapping.Load(Input.Mapping);
        if (!ModelState.IsValid || mapping is null) return Page();

        using var buffer = new MemoryStream();
        await Input.File!.CopyToAsync(buffer, ct);
        var id = await jobs.StartAsync(buffer.ToArray(), Input.File.FileName, Input.Kind, mapping, mappingName, Input.Encoding, User, ct);
        return Redirect($"/admin/places/imports/{id}");
    }

    private async Task LoadAsync()
    {
        var culture = CultureInfo.CurrentUICulture;
        KindItems = (await index.GetAsync(HttpContext.RequestAborted)).Kinds.Select(k => new SelectListItem(k.Name(culture), k.Code)).ToList();
        MappingItems = PlaceMapping.Presets().Select(p => new SelectListItem(p, p)).ToList();
        EncodingItems = [new(t["Places.Admin.Import.EncodingAuto"], "auto"), new("UTF-8", "utf-8"), new("CP949 (EUC-KR)", "cp949")];
    }

    public sealed class ImportInput
    {
        [Display(Name = "Places.Admin.Import.File")] public IFormFile? File { get; set; }
        [Display(Name = "Places.Admin.Import.Kind")] public string Kind { get; set; } = "";
        [Display(Name = "Places.Admin.Import.Mapping")] public string Mapping { get; set; } = "seoul-smart-map-toilets";
        [Display(Name = "Places.Admin.Import.MappingFile")] public IFormFile? MappingFile { get; set; }
        [Display(Name = "Places.Admin.Import.Encoding")] public string Encoding { get; set; } = "auto";
    }
}
