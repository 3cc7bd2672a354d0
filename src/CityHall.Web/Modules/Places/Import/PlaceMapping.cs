using CityHall.Web.Platform.Import;

namespace CityHall.Web.Modules.Places.Import;

/// <summary>
/// How a source file's columns become places (<see cref="CsvMapping"/>): the fields a place has and the accessibility
/// facts read from yes/no columns. Presets ship in Presets/*.json; a city writes its own for another file.
/// </summary>
public sealed class PlaceMapping : CsvMapping
{
    private const string PresetPrefix = "CityHall.Places.Presets.";

    public static readonly string[] Required = ["name", "latitude", "longitude"];
    public static readonly string[] Known =
        ["name", "nameEn", "description", "descriptionEn", "district", "roadAddress", "lotAddress", "latitude", "longitude", "phone", "website", "openingHours"];
    public static readonly string[] Facts = ["wheelchairAccess", "accessibleToilet", "babyChanging", "emergencyBell", "cctv"];

    protected override IReadOnlyCollection<string> RequiredFields => Required;
    protected override IReadOnlyCollection<string> KnownFields => Known;
    protected override IReadOnlyCollection<string> KnownFlags => Facts;

    /// <summary>A shipped preset by name, or a mapping file by path; null with the reason when neither works.</summary>
    public static (PlaceMapping? Mapping, string? Problem) Load(string presetOrFile) => Load<PlaceMapping>(presetOrFile, PresetPrefix);

    /// <summary>A mapping from its JSON text (an uploaded mapping file); null with the reason when it does not work.</summary>
    public static (PlaceMapping? Mapping, string? Problem) Parse(string json) => Parse<PlaceMapping>(json);

    public static IEnumerable<string> Presets() => Presets(PresetPrefix);
}
