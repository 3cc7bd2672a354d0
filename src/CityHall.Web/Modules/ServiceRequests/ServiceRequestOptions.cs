namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>The module's settings ("ServiceRequests"): public holidays for working-day deadlines, and the Open311 server.</summary>
public sealed class ServiceRequestOptions
{
    public const string Section = "ServiceRequests";

    /// <summary>Public holidays (the city's own calendar; weekends are always off). Empty in code: binding appends to lists.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>The largest photo a citizen may upload, in bytes (each of up to three).</summary>
    public int MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;

    public Open311Options Open311 { get; set; } = new();
}

/// <summary>The GeoReport v2 server at /open311/v2 ("ServiceRequests:Open311").</summary>
public sealed class Open311Options
{
    /// <summary>
    /// The jurisdictions this endpoint serves (by convention the site's domain without "www"): the
    /// city's own (no district) and each district office's. With more than one, every call must name
    /// one (400 without, 404 for an unknown one); with one or none, jurisdiction_id is ignored.
    /// </summary>
    public List<JurisdictionSetting> Jurisdictions { get; set; } = [];

    /// <summary>"production" or "test", as discovery reports it.</summary>
    public string EndpointType { get; set; } = "production";

    public bool IsMultiJurisdiction => Jurisdictions.Count > 1;
}

public sealed class JurisdictionSetting
{
    public string Id { get; set; } = "";
    /// <summary>The district this jurisdiction covers; empty for the whole city.</summary>
    public string? District { get; set; }
}
