using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Platform.Import;

/// <summary>
/// What every import form asks the same way (places, cameras): the CSV file, its encoding and the mapping — a shipped
/// preset or an uploaded mapping file, read and checked here. Problems go into the page's model state under
/// <c>Input.File</c>, <c>Input.Encoding</c>, <c>Input.Mapping</c> and <c>Input.MappingFile</c>.
/// </summary>
public static class ImportForm
{
    public const int MaxMappingBytes = 64 * 1024;

    public static IReadOnlyList<SelectListItem> EncodingItems(IStringLocalizer t) =>
        [new(t["Import.EncodingAuto"], "auto"), new("UTF-8", "utf-8"), new("CP949 (EUC-KR)", "cp949")];

    public static IReadOnlyList<SelectListItem> PresetItems(IEnumerable<string> presets) => presets.Select(p => new SelectListItem(p, p)).ToList();

    /// <summary>The mapping to import with and its name (the preset's or the uploaded file's), or null when the file, the encoding or the mapping is wrong.</summary>
    /// <param name="parse">Reads an uploaded mapping's JSON; <paramref name="load"/> reads a preset by name.</param>
    public static async Task<(T? Mapping, string? Name)> CheckAsync<T>(ModelStateDictionary state, IStringLocalizer t, IFormFile? file, string? encoding,
        string? preset, IFormFile? mappingFile, IEnumerable<string> presets, Func<string, (T?, string?)> parse, Func<string, (T?, string?)> load, CancellationToken ct)
        where T : CsvMapping
    {
        if (file is not { Length: > 0 }) state.AddModelError("Input.File", t["Import.ChooseFile"]);
        else if (file.Length > MappedCsvReader.MaxBytes) state.AddModelError("Input.File", t["Import.TooLarge", MappedCsvReader.MaxBytes / (1024 * 1024)]);
        if (!EncodingItems(t).Any(e => e.Value == encoding)) state.AddModelError("Input.Encoding", t["Import.ChooseEncoding"]);
        T? mapping = null;
        string? name = preset;
        if (mappingFile is { Length: > 0 })
        {
            if (mappingFile.Length > MaxMappingBytes) state.AddModelError("Input.MappingFile", t["Import.MappingTooLarge"]);
            else
            {
                using var reader = new StreamReader(mappingFile.OpenReadStream());
                (mapping, var problem) = parse(await reader.ReadToEndAsync(ct));
                if (mapping is null) state.AddModelError("Input.MappingFile", t["Import.MappingProblem", problem!]);
                name = Path.GetFileName(mappingFile.FileName);
            }
        }
        else if (preset is null || !presets.Contains(preset)) state.AddModelError("Input.Mapping", t["Import.ChooseMapping"]);
        else (mapping, _) = load(preset);
        return state.IsValid && mapping is not null ? (mapping, name) : (null, null);
    }
}
