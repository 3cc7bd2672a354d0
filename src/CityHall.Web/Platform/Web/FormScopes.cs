using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// Pages with several forms over one page model bind every [BindProperty] on each post, so the fields of the forms that
/// were not sent fail their own rules. A handler says which fields are its form's, and only those are checked.
/// </summary>
public static class FormScopes
{
    /// <summary>Keeps only the entries whose key starts with <paramref name="prefix"/> ("Input.", "Seat.").</summary>
    public static void CheckOnly(this ModelStateDictionary state, string prefix)
    {
        foreach (var key in state.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) state.Remove(key);
    }

    /// <summary>Drops the entries whose key starts with <paramref name="prefix"/>: that form was not sent.</summary>
    public static void Forget(this ModelStateDictionary state, string prefix)
    {
        foreach (var key in state.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) state.Remove(key);
    }
}
