using CityHall.Web.Modules.ServiceRequests.Open311;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.ServiceRequests.Developers;

/// <summary>
/// The Open311 endpoint explained for developers (the discovery's human-readable form), and, for a
/// signed-in user, their API keys: request one (shown once, never again), see them, revoke them.
/// </summary>
public sealed class Open311Model(ApiKeys keys, IOptionsMonitor<ServiceRequestOptions> options, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public NewKeyInput Input { get; set; } = new();

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public IReadOnlyList<JurisdictionSetting> Jurisdictions { get; private set; } = [];
    /// <summary>The key just issued: shown in this response only.</summary>
    public string? IssuedKey { get; private set; }
    public bool Revoked { get; private set; }
    public string Origin => Request.PublicOrigin();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostIssueAsync()
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (ModelState.IsValid && await keys.LiveCountAsync(UserId) >= ApiKeys.MaxKeysPerOwner)
            ModelState.AddModelError("Input.Name", t["Open311.Keys.TooMany", ApiKeys.MaxKeysPerOwner]);
        if (ModelState.IsValid)
        {
            IssuedKey = await keys.IssueAsync(User, Input.Name.Trim());
            Input = new();
            ModelState.Clear();
        }
        // The key is in this page and nowhere else: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        Revoked = await keys.RevokeAsync(User, id);
        await LoadAsync();
        return Page();
    }

    private string UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;

    private async Task LoadAsync()
    {
        Jurisdictions = options.CurrentValue.Open311.Jurisdictions;
        if (User.Identity?.IsAuthenticated == true) Keys = await keys.OfOwnerAsync(UserId);
    }
}

public sealed class NewKeyInput
{
    [Display(Name = "Open311.Keys.Name")]
    [Required(ErrorMessage = "Open311.Keys.NameRequired")]
    [StringLength(100, ErrorMessage = "Open311.Keys.NameLength")]
    public string Name { get; set; } = "";
}
