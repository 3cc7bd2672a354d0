using System.Globalization;
using CityHall.Web.Modules.Places.Import;
using CityHall.Web.Platform.Import;
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
    [BindProperty] public ImportInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> MappingItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> EncodingItems { get; private set; } = [];

    public async Task OnGetAsync(string? kind) { Input.Kind = kind ?? ""; await LoadAsync(); }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync();
        if (!KindItems.Any(k => k.Value == Input.Kind)) ModelState.AddModelError("Input.Kind", t["Places.Admin.Import.ChooseKind"]);
        var (mapping, mappingName) = await ImportForm.CheckAsync(ModelState, t, Input.File, Input.Encoding, Input.Mapping, Input.MappingFile, PlaceMapping.Presets(),
            PlaceMapping.Parse, PlaceMapping.Load, ct);
        if (mapping is null) return Page();

        using var buffer = new MemoryStream();
        await Input.File!.CopyToAsync(buffer, ct);
        var id = await jobs.StartAsync(buffer.ToArray(), Input.File.FileName, Input.Kind, mapping, mappingName!, Input.Encoding, User, ct);
        return Redirect($"/admin/places/imports/{id}");
    }

    private async Task LoadAsync()
    {
        var culture = CultureInfo.CurrentUICulture;
        KindItems = (await index.GetAsync(HttpContext.RequestAborted)).Kinds.Select(k => new SelectListItem(k.Name(culture), k.Code)).ToList();
        MappingItems = ImportForm.PresetItems(PlaceMapping.Presets());
        EncodingItems = ImportForm.EncodingItems(t);
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
