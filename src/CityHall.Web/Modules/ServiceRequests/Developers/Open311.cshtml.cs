using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.ServiceRequests.Developers;

/// <summary>
/// The Open311 endpoint explained for developers (the discovery's human-readable form). Its keys are the developer
/// portal's: one per app for every city API, with the Open311 scope; this page leads there.
/// </summary>
public sealed class Open311Model(IOptionsMonitor<ServiceRequestOptions> options) : PageModel
{
    public IReadOnlyList<JurisdictionSetting> Jurisdictions { get; private set; } = [];
    public string Origin => Request.PublicOrigin();

    public void OnGet() => Jurisdictions = options.CurrentValue.Open311.Jurisdictions;
}
