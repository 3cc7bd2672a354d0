namespace CityHall.Web.Modules.Cctv;

/// <summary>The purposes' codes as mappings, settings, links and the open data write them ("crime-prevention"), and their names.</summary>
public static class CameraPurposes
{
    private static readonly Dictionary<CameraPurpose, string> Codes = new()
    {
        [CameraPurpose.CrimePrevention] = "crime-prevention",
        [CameraPurpose.Traffic] = "traffic",
        [CameraPurpose.Disaster] = "disaster",
        [CameraPurpose.ChildrenSafety] = "children-safety",
        [CameraPurpose.Parks] = "parks",
        [CameraPurpose.Facilities] = "facilities",
        [CameraPurpose.Other] = "other",
    };

    public static IReadOnlyCollection<string> All => Codes.Values;

    public static string Code(this CameraPurpose purpose) => Codes[purpose];

    public static CameraPurpose? Parse(string? code) =>
        Codes.FirstOrDefault(p => string.Equals(p.Value, code, StringComparison.OrdinalIgnoreCase)) is { Value: not null } match ? match.Key : null;

    /// <summary>The text key of the purpose's name ("Cctv.Purpose.crime-prevention").</summary>
    public static string NameKey(this CameraPurpose purpose) => "Cctv.Purpose." + purpose.Code();
}
