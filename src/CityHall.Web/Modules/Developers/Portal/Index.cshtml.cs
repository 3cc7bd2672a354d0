using CityHall.Web.Platform.ApiAccess;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.Developers.Portal;

/// <summary>
/// The developer portal's front page: every API and feed the city's modules publish (as they declare them), the
/// OpenAPI reference, the open data catalogue, the scopes a key can carry, and the way to a key.
/// </summary>
public sealed class IndexModel(ModuleRegistry modules, CityApis apis) : PageModel
{
    public IReadOnlyList<CityApi> Apis { get; private set; } = [];
    public IReadOnlyList<ApiScope> Scopes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Apis = await apis.AllAsync(ct);
        Scopes = [.. modules.ApiScopes.OrderBy(s => s.Code, StringComparer.Ordinal)];
    }
}
