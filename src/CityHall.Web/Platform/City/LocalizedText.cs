using System.Globalization;

namespace CityHall.Web.Platform.City;

/// <summary>A short text a city writes in both of its languages (names, descriptions in settings).</summary>
public sealed class LocalizedText
{
    public string Ko { get; set; } = "";
    public string En { get; set; } = "";

    public string For(CultureInfo culture) => Pick(culture, Ko, En);

    /// <summary>The English text for English readers when there is one; Korean otherwise (the default language).</summary>
    public static string Pick(CultureInfo culture, string ko, string en) =>
        culture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(en) ? en : ko;

    public string Current => For(CultureInfo.CurrentUICulture);

    public override string ToString() => Current;
}
