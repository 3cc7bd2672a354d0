namespace CityHall.Web.Platform.Localization;

/// <summary>
/// Marker for the shared resource files Text.resx (Korean, the default) and Text.en.resx.
/// Every user-facing string lives there; pages ask IStringLocalizer&lt;Text&gt; for it by key.
/// </summary>
public sealed class Text;
