using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CityHall.Web.Modules.Places.Import;

/// <summary>
/// How a source file's columns become places: which column holds each field, which rows to take,
/// and how yes/no facts are read (a non-empty cell, a value among several, a pattern). Written as
/// JSON; presets ship with the app (Presets/*.json), and a city writes its own for another file.
/// </summary>
public sealed class PlaceMapping
{
    public string Description { get; set; } = "";
    /// <summary>The source's name: with each row's id it identifies a place across imports.</summary>
    public string Source { get; set; } = "";
    public string Attribution { get; set; } = "";
    /// <summary>Only rows whose column holds one of these values (e.g. Use = Y); all rows when absent.</summary>
    public RowFilter? Include { get; set; }
    /// <summary>Field → source column. Fields: sourceId, name, nameEn, description, descriptionEn, district, roadAddress, lotAddress, latitude, longitude, phone, website, openingHours.</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Accessibility fact → how to read it: wheelchairAccess, accessibleToilet, babyChanging, emergencyBell, cctv.</summary>
    public Dictionary<string, FlagRule> Flags { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public static readonly string[] RequiredFields = ["sourceId", "name", "latitude", "longitude"];
    public static readonly string[] KnownFields =
        ["sourceId", "name", "nameEn", "description", "descriptionEn", "district", "roadAddress", "lotAddress", "latitude", "longitude", "phone", "website", "openingHours"];
    public static readonly string[] KnownFlags = ["wheelchairAccess", "accessibleToilet", "babyChanging", "emergencyBell", "cctv"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>A shipped preset by name, or a mapping file by path; null with the reason when neither works.</summary>
    public static (PlaceMapping? Mapping, string? Problem) Load(string presetOrFile)
    {
        string json;
        using (var preset = typeof(PlaceMapping).Assembly.GetManifestResourceStream($"CityHall.Places.Presets.{presetOrFile}.json"))
        {
            if (preset is not null) json = new StreamReader(preset).ReadToEnd();
            else if (File.Exists(presetOrFile)) json = File.ReadAllText(presetOrFile);
            else return (null, $"No preset or mapping file '{presetOrFile}'. Presets: {string.Join(", ", Presets())}.");
        }
        return Parse(json);
    }

    /// <summary>A mapping from its JSON text (an uploaded mapping file); null with the reason when it does not work.</summary>
    public static (PlaceMapping? Mapping, string? Problem) Parse(string json)
    {
        PlaceMapping? mapping;
        try { mapping = JsonSerializer.Deserialize<PlaceMapping>(json, Json); }
        catch (JsonException ex) { return (null, $"The mapping is not valid JSON: {ex.Message}"); }
        if (mapping is null) return (null, "The mapping is empty.");
        return mapping.Problems() is { } problem ? (null, problem) : (mapping, null);
    }

    public static IEnumerable<string> Presets() => typeof(PlaceMapping).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("CityHall.Places.Presets.", StringComparison.Ordinal))
        .Select(n => n["CityHall.Places.Presets.".Length..^".json".Length]);

    private string? Problems()
    {
        if (string.IsNullOrWhiteSpace(Source) || Source.Length > 64) return "The mapping needs a \"source\" name of up to 64 characters.";
        if (RequiredFields.FirstOrDefault(f => !Fields.ContainsKey(f)) is { } missing) return $"The mapping does not say which column holds \"{missing}\".";
        if (Fields.Keys.FirstOrDefault(f => !KnownFields.Contains(f, StringComparer.OrdinalIgnoreCase)) is { } unknown) return $"Unknown field \"{unknown}\" in the mapping.";
        if (Flags.Keys.FirstOrDefault(f => !KnownFlags.Contains(f, StringComparer.OrdinalIgnoreCase)) is { } flag) return $"Unknown accessibility fact \"{flag}\" in the mapping.";
        foreach (var (name, rule) in Flags)
        {
            if (string.IsNullOrEmpty(rule.Column)) return $"The fact \"{name}\" has no column.";
            try { rule.Compile(); }
            catch (ArgumentException ex) { return $"The pattern of \"{name}\" is not valid: {ex.Message}"; }
        }
        return null;
    }

    /// <summary>Every source column the mapping reads.</summary>
    public IEnumerable<string> Columns() =>
        Fields.Values.Concat(Flags.Values.Select(f => f.Column)).Concat(Include is { } i ? [i.Column] : []).Distinct();
}

public sealed class RowFilter
{
    public string Column { get; set; } = "";

    /// <summary>The values that keep a row ("equals" in the JSON).</summary>
    [JsonPropertyName("equals")]
    public List<string> Values { get; set; } = [];
}

/// <summary>How a yes/no fact is read from a cell: true when it matches the pattern, or when it is non-empty and not one of the false values; null when the cell is empty.</summary>
public sealed class FlagRule
{
    public string Column { get; set; } = "";
    public bool NonEmpty { get; set; }
    public List<string> FalseValues { get; set; } = [];
    public List<string> TrueValues { get; set; } = [];
    public string? Matches { get; set; }

    private Regex? pattern;

    /// <summary>
    /// Staff write these patterns, so none may run away: the non-backtracking engine matches in linear time whatever the
    /// pattern, with no timeout needed (a wall-clock timeout of 100 ms failed a whole import on a busy machine, where a
    /// pause is no runaway). A pattern that engine cannot take (back-references, lookarounds) runs with a timeout.
    /// </summary>
    internal void Compile()
    {
        if (Matches is null) { pattern = null; return; }
        try { pattern = new Regex(Matches, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking); }
        catch (NotSupportedException) { pattern = new Regex(Matches, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2)); }
    }

    public bool? Read(string? cell)
    {
        var value = cell?.Trim() ?? "";
        if (pattern is not null) return value.Length == 0 ? null : pattern.IsMatch(value);
        if (TrueValues.Count > 0) return value.Length == 0 ? null : TrueValues.Contains(value, StringComparer.OrdinalIgnoreCase);
        if (NonEmpty) return value.Length == 0 ? null : !FalseValues.Contains(value, StringComparer.OrdinalIgnoreCase);
        return null;
    }
}
