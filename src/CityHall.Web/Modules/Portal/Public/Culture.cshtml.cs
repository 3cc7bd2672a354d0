using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Portal.Public;

/// <summary>The language switch: remembered in a cookie, and in the profile when signed in.</summary>
public sealed class CultureModel(IOptions<RequestLocalizationOptions> localization, UserManager<CityHallUser> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var match = CultureSetup.Match(localization.Value.SupportedUICultures ?? [], culture)
            ?? localization.Value.DefaultRequestCulture.UICulture;
        CultureSetup.WriteCookie(Response, match.Name);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            user.PreferredCulture = match.Name;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
