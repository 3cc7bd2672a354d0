namespace CityHall.Web.Platform.Localization;

/// <summary>
/// The site's texts, asked for by key with IStringLocalizer&lt;Text&gt;. Shared words (layout, forms, errors,
/// roles) live in Text.resx (Korean, the default) and Text.en.resx here; each module's own texts live in
/// Text.resx and Text.en.resx at the root of its folder (Modules/Places/Text.resx), next to its pages.
/// <see cref="CityTexts"/> finds a key in whichever of those files defines it.
/// </summary>
public sealed class Text;
