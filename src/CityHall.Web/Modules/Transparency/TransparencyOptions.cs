namespace CityHall.Web.Modules.Transparency;

/// <summary>Transparency dashboard settings (section "Transparency").</summary>
public sealed class TransparencyOptions
{
    public const string Section = "Transparency";

    public bool Enabled { get; set; } = true;

    /// <summary>How long a computed figure is kept before it is counted again (every node keeps its own).</summary>
    public int CacheMinutes { get; set; } = 10;

    /// <summary>The first calendar year a reader may ask figures for (the platform's records start then).</summary>
    public int FirstFigureYear { get; set; } = 2020;

    /// <summary>How many months back the open data of each figure runs, up to this month.</summary>
    public int OpenDataMonths { get; set; } = 24;
}
