namespace CityHall.Web.Modules.Cctv;

/// <summary>CCTV registry and monitoring settings (section "Cctv").</summary>
public sealed class CctvOptions
{
    public const string Section = "Cctv";

    public bool Enabled { get; set; } = true;

    /// <summary>How often a new recorder sends heartbeats, in seconds (each recorder has its own, from 10 to 3,600).</summary>
    public int DefaultIntervalSeconds { get; set; } = 30;

    /// <summary>How long past its interval a camera may stay silent before it is offline: network jitter is not an outage.</summary>
    public int GraceSeconds { get; set; } = 10;

    /// <summary>How often the outage watch looks for silent cameras; detection takes at most interval + grace + this.</summary>
    public int SweepSeconds { get; set; } = 5;

    /// <summary>How far a batch's "sentAt" may be from the city hall's clock either way: later is from the future, earlier is stale (a replay).</summary>
    public int ClockSkewSeconds { get; set; } = 300;

    /// <summary>How long a rotated recorder key keeps working beside the new one, so the device can be reconfigured.</summary>
    public int KeyOverlapMinutes { get; set; } = 60;

    /// <summary>The most cameras in one heartbeat batch.</summary>
    public int MaxBatch { get; set; } = 1000;

    /// <summary>
    /// Purposes whose cameras' status (online, offline) the public sees — traffic and disaster cameras are public
    /// infrastructure; a crime-prevention camera known to be off is an invitation. Codes as in the open data.
    /// </summary>
    public List<string> PublicStatusPurposes { get; set; } = ["traffic", "disaster"];

    /// <summary>Whether anyone may see if cameras of this purpose are working (else only their department's officials).</summary>
    public bool StatusIsPublic(CameraPurpose purpose) => PublicStatusPurposes.Contains(purpose.Code(), StringComparer.OrdinalIgnoreCase);

    /// <summary>How far a camera is taken to see, in metres, for the wedges on the map.</summary>
    public int ViewRangeMetres { get; set; } = 50;

    /// <summary>The coverage page's radius by default, in metres: a point is covered within this of a camera.</summary>
    public int CoverageRadiusMetres { get; set; } = 100;

    /// <summary>The service-request catalogue's service citizens ask for a camera with; its open cases show on the coverage map.</summary>
    public string RequestService { get; set; } = "cctv-new";
}
