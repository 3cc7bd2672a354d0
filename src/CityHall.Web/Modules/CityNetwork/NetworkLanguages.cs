using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.CityNetwork;

/// <summary>
/// Languages as the network's pages offer and name them: the neutral cultures .NET knows through ICU (the tags a page
/// may put in a <c>lang</c> attribute), each named in the reader's language and in its own.
/// </summary>
public static class NetworkLanguages
{
    /// <summary>A language's name in the reader's language, and in its own when that differs.</summary>
    public static string Name(string tag)
    {
        var c = CultureInfo.GetCultureInfo(tag);
        return c.DisplayName == c.NativeName ? c.DisplayName : $"{c.DisplayName} — {c.NativeName}";
    }

    /// <summary>Every language, sorted for the reader, after a first choice with the empty value (<paramref name="firstText"/>); English left out when <paramref name="withEnglish"/> is false.</summary>
    public static IReadOnlyList<SelectListItem> Choices(string firstText, bool withEnglish)
    {
        var languages = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
            .Where(c => c.Name.Length is 2 or 3 && c.Name != "iv" && (withEnglish || c.Name != "en"))
            .Select(c => new SelectListItem(Name(c.Name), c.Name))
            .OrderBy(i => i.Text, StringComparer.Create(CultureInfo.CurrentCulture, true));
        return [new(firstText, ""), .. languages];
    }
}
