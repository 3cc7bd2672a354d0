using CityHall.Web.Platform.Import;

namespace CityHall.Web.Modules.Cctv.Registry;

/// <summary>
/// How a source file's columns become cameras (<see cref="CsvMapping"/>, the places importer's mapping): the fields a
/// camera has, and the source's purposes as the city's codes. Presets ship in Registry/Presets/*.json.
/// </summary>
public sealed class CameraMapping : CsvMapping
{
    private const string PresetPrefix = "CityHall.Cctv.Presets.";

    private static readonly string[] Required = ["latitude", "longitude", "purpose"];
    private static readonly string[] Known =
    [
        "code", "latitude", "longitude", "district", "address", "lotAddress", "purpose", "count", "installedOn", "view", "viewDirection", "viewAngle",
        "retentionDays", "operatorName", "operatorContact", "notice",
    ];

    protected override IReadOnlyCollection<string> RequiredFields => Required;
    protected override IReadOnlyCollection<string> KnownFields => Known;
    protected override IReadOnlyDictionary<string, IReadOnlyCollection<string>> KnownValues =>
        new Dictionary<string, IReadOnlyCollection<string>> { ["purpose"] = CameraPurposes.All };

    public static (CameraMapping? Mapping, string? Problem) Load(string presetOrFile) => Load<CameraMapping>(presetOrFile, PresetPrefix);

    public static (CameraMapping? Mapping, string? Problem) Parse(string json) => Parse<CameraMapping>(json);

    public static IEnumerable<string> Presets() => Presets(PresetPrefix);
}
