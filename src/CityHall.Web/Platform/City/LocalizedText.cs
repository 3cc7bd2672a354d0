using System.Globalization;

namespace CityHall.Web.Platform.City;

/// <summary>A short text a city writes in both of its languages (names, descriptions in settings).</summary>
public sealed class LocalizedText
{
    public string Ko { get; set; } = "";
    public string En { get; set; } = "";

    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(En) ? En : Ko;

    public string Current => For(CultureInfo.CurrentUICulture);

    public override string ToString() => Current;
}
