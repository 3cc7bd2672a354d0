namespace CityHall.Web.Modules.Developers;

/// <summary>Developer portal settings (section "Developers").</summary>
public sealed class DevelopersOptions
{
    public const string Section = "Developers";

    public bool Enabled { get; set; } = true;

    /// <summary>A new key's calls per minute, for all its APIs together.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>How long a rotated key keeps working beside the new one.</summary>
    public int RotationOverlapMinutes { get; set; } = 60;

    /// <summary>The most live keys one person may hold.</summary>
    public int MaxKeysPerOwner { get; set; } = 10;

    /// <summary>How often counted calls are written to the usage table (every node counts in memory, then adds).</summary>
    public int UsageFlushSeconds { get; set; } = 15;

    /// <summary>The Inclusion programme through which organisations apply for the app-business centre's desks.</summary>
    public string IncubatorProgramme { get; set; } = "app-business-centre";
}
