using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Portal.Public;

/// <summary>
/// The language switch: remembered in a cookie, and in the profile when signed in. Visitors who
/// are not signed in switch with a plain link (GET only sets the cookie), so public pages carry no
/// form token and can be served from the output cache; signed-in people post a form, which also
/// saves the choice in their profile.
/// </summary>
public sealed class CultureModel(IOptions<RequestLocalizationOptions> localization, UserManager<CityHallUser> users) : PageModel
{
    public IActionResult OnGet(string? culture, string? returnUrl)
    {
        if (culture is not null) CultureSetup.WriteCookie(Response, Resolve(culture));
        return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    private string Resolve(string? culture) =>
        (CultureSetup.Match(localization.Value.SupportedUICultures ?? [], culture) ?? localization.Value.DefaultRequestCulture.UICulture).Name;

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var match = new System.Globalization.CultureInfo(Resolve(culture));
        CultureSetup.WriteCookie(Response, match.Name);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            user.PreferredCulture = match.Name;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
