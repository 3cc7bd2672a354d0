using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Platform.City;

/// <summary>A country or territory of ISO 3166-1: its two-letter code, numeric code (the world map's feature ids) and names.</summary>
public sealed record Country(string Code, string Numeric, string NameEn, string NameKo)
{
    public string Name(CultureInfo culture) => LocalizedText.Pick(culture, NameKo, NameEn);
}

/// <summary>
/// The countries of the world with their English and Korean names, from the npm package i18n-iso-countries (copied to
/// wwwroot/lib/world/countries by the build, so the names stay a maintained dependency rather than a list in our code).
/// .NET's RegionInfo names a country only in English here, which is why the names come from that package.
/// Read once, on first use.
/// </summary>
public sealed class Countries(IWebHostEnvironment environment)
{
    private FrozenDictionary<string, Country>? byCode;

    public FrozenDictionary<string, Country> ByCode => byCode ??= Load(environment.WebRootFileProvider);

    /// <summary>The country with this two-letter code (any case), or null for a code that is not one.</summary>
    public Country? Find(string? code) =>
        code is { Length: 2 } && ByCode.TryGetValue(code.ToUpperInvariant(), out var country) ? country : null;

    /// <summary>The name of the country in the reader's language, or the code itself when it is not known.</summary>
    public string NameOf(string? code, CultureInfo culture) => Find(code)?.Name(culture) ?? code ?? "";

    /// <summary>Every country as choices of a select, in the reader's alphabetical order, after an empty first choice.</summary>
    public IReadOnlyList<SelectListItem> Choices(CultureInfo culture, string emptyText, string? selected = null)
    {
        var compare = StringComparer.Create(culture, ignoreCase: true);
        return [new(emptyText, ""), .. ByCode.Values.OrderBy(c => c.Name(culture), compare)
            .Select(c => new SelectListItem(c.Name(culture), c.Code, string.Equals(c.Code, selected, StringComparison.OrdinalIgnoreCase)))];
    }

    private static FrozenDictionary<string, Country> Load(Microsoft.Extensions.FileProviders.IFileProvider files)
    {
        JsonDocument Read(string name)
        {
            var file = files.GetFileInfo("lib/world/countries/" + name);
            if (!file.Exists) throw new InvalidOperationException($"lib/world/countries/{name} is missing: the build copies it from the npm package i18n-iso-countries.");
            using var stream = file.CreateReadStream();
            return JsonDocument.Parse(stream);
        }
        // A name is a string, or a list whose first entry is the usual name ("KR": ["South Korea", "Korea, Republic of", …]).
        static Dictionary<string, string> Names(JsonDocument doc) => doc.RootElement.GetProperty("countries").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Array ? p.Value[0].GetString()! : p.Value.GetString()!);

        using var codes = Read("codes.json");
        using var en = Read("en.json");
        using var ko = Read("ko.json");
        var english = Names(en);
        var korean = Names(ko);
        return codes.RootElement.EnumerateArray()
            .Select(row => (Code: row[0].GetString()!, Numeric: row[2].GetString()!))
            .Where(c => english.ContainsKey(c.Code))
            .ToFrozenDictionary(c => c.Code, c => new Country(c.Code, c.Numeric, english[c.Code], korean.GetValueOrDefault(c.Code, english[c.Code])));
    }
}
