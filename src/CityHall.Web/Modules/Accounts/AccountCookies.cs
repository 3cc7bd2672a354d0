namespace CityHall.Web.Modules.Accounts;

internal static class AccountCookies
{
    /// <summary>After sign-in the pages follow the language the person chose in their profile.</summary>
    public static void WriteCulture(HttpResponse response, CityHallUser user)
    {
        if (!string.IsNullOrEmpty(user.PreferredCulture)) CultureSetup.WriteCookie(response, user.PreferredCulture);
    }
}
