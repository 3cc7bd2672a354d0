namespace CityHall.Web.Modules.ServiceRequests.Public;

/// <summary>Reporting, step 1: what is the problem? Every active service, in the catalogue's order.</summary>
[Authorize]
public sealed class NewModel(ServiceDirectory directory, IStringLocalizer<Text> t) : PageModel
{
    public IReadOnlyList<ServiceDefinition> Services { get; private set; } = [];
    public string? Chosen { get; private set; }

    public async Task OnGetAsync(string? service, bool missing = false)
    {
        Services = (await directory.GetAsync(HttpContext.RequestAborted)).Services;
        Chosen = service;
        if (missing) ModelState.AddModelError("service", t["ServiceRequests.Error.ServiceMissing"]);
    }
}
