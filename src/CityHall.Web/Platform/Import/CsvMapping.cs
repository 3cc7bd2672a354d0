using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CityHall.Web.Platform.Import;

/// <summary>
/// How a source file's columns become records (places, cameras): which column holds each field, which rows to take,
/// how a source's words become the city's codes, and how yes/no facts are read (a non-empty cell, a value among
/// several, a pattern). Written as JSON; presets ship with the app, and a city writes its own for another file. Each
/// kind of record says which fields it knows and needs; the reading (<see cref="MappedCsvReader"/>) is the same.
/// </summary>
public abstract class CsvMapping
{
    public string Description { get; set; } = "";
    /// <summary>The source's name: with each row's id it identifies a record across imports.</summary>
    public string Source { get; set; } = "";
    public string Attribution { get; set; } = "";
    /// <summary>Only rows whose column holds one of these values (e.g. Use = Y); all rows when absent.</summary>
    public RowFilter? Include { get; set; }
    /// <summary>Field → source column.</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>
    /// Columns that together identify a row, for files with no id column (Korea's national CCTV standard data has
    /// none): their values joined make the id. Used when the fields name no "sourceId".
    /// </summary>
    public List<string> IdColumns { get; set; } = [];
    /// <summary>Field → the source's word → the city's code (a camera's purpose "생활방범" → "crime-prevention").</summary>
    public Dictionary<string, Dictionary<string, string>> Values { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Yes/no fact → how to read it.</summary>
    public Dictionary<string, FlagRule> Flags { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fields a mapping must name, "sourceId" aside (which <see cref="IdColumns"/> can stand for).</summary>
    protected abstract IReadOnlyCollection<string> RequiredFields { get; }
    protected abstract IReadOnlyCollection<string> KnownFields { get; }
    protected virtual IReadOnlyCollection<string> KnownFlags => [];
    /// <summary>For each field with <see cref="Values"/>, the codes it may map to.</summary>
    protected virtual IReadOnlyDictionary<string, IReadOnlyCollection<string>> KnownValues => new Dictionary<string, IReadOnlyCollection<string>>();

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>A shipped preset by name (an embedded resource <paramref name="presetPrefix"/>NAME.json), or a mapping file by path; null with the reason when neither works.</summary>
    public static (T? Mapping, string? Problem) Load<T>(string presetOrFile, string presetPrefix) where T : CsvMapping
    {
        string json;
        using (var preset = typeof(CsvMapping).Assembly.GetManifestResourceStream($"{presetPrefix}{presetOrFile}.json"))
        {
            if (preset is not null) json = new StreamReader(preset).ReadToEnd();
            else if (File.Exists(presetOrFile)) json = File.ReadAllText(presetOrFile);
            else return (null, $"No preset or mapping file '{presetOrFile}'. Presets: {string.Join(", ", Presets(presetPrefix))}.");
        }
        return Parse<T>(json);
    }

    /// <summary>A mapping from its JSON text (an uploaded mapping file); null with the reason when it does not work.</summary>
    public static (T? Mapping, string? Problem) Parse<T>(string json) where T : CsvMapping
    {
        T? mapping;
        try { mapping = JsonSerializer.Deserialize<T>(json, Json); }
        catch (JsonException ex) { return (null, $"The mapping is not valid JSON: {ex.Message}"); }
        if (mapping is null) return (null, "The mapping is empty.");
        return mapping.Problems() is { } problem ? (null, problem) : (mapping, null);
    }

    public static IEnumerable<string> Presets(string presetPrefix) => typeof(CsvMapping).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(presetPrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[presetPrefix.Length..^".json".Length]);

    private string? Problems()
    {
        if (string.IsNullOrWhiteSpace(Source) || Source.Length > 64) return "The mapping needs a \"source\" name of up to 64 characters.";
        if (!Fields.ContainsKey("sourceId") && IdColumns.Count == 0) return "The mapping does not say which column holds \"sourceId\" (or which \"idColumns\" make it).";
        if (RequiredFields.FirstOrDefault(f => !Fields.ContainsKey(f)) is { } missing) return $"The mapping does not say which column holds \"{missing}\".";
        if (Fields.Keys.FirstOrDefault(f => f != "sourceId" && !KnownFields.Contains(f, StringComparer.OrdinalIgnoreCase)) is { } unknown) return $"Unknown field \"{unknown}\" in the mapping.";
        if (Flags.Keys.FirstOrDefault(f => !KnownFlags.Contains(f, StringComparer.OrdinalIgnoreCase)) is { } flag) return $"Unknown fact \"{flag}\" in the mapping.";
        foreach (var (field, words) in Values)
        {
            if (!Fields.ContainsKey(field)) return $"\"values\" are given for \"{field}\", which the mapping does not read.";
            if (KnownValues.GetValueOrDefault(field) is not { } codes) return $"The field \"{field}\" takes no \"values\".";
            if (words.Values.FirstOrDefault(code => !codes.Contains(code, StringComparer.OrdinalIgnoreCase)) is { } bad)
                return $"\"{bad}\" is not a value of \"{field}\" (one of: {string.Join(", ", codes)}).";
        }
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
        Fields.Values.Concat(IdColumns).Concat(Flags.Values.Select(f => f.Column)).Concat(Include is { } i ? [i.Column] : []).Distinct();
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
