namespace CityHall.Web.Platform.City;

/// <summary>
/// The city's identity and defaults, bound from the "City" configuration section.
/// One deployment serves one city; another city changes these, not the code.
/// </summary>
public sealed partial class CityOptions
{
    public const string Section = "City";

    public LocalizedText Name { get; set; } = new() { Ko = "서울특별시", En = "Seoul Metropolitan Government" };

    /// <summary>The name under the app's icon on a phone's home screen (about 12 characters at most).</summary>
    public LocalizedText ShortName { get; set; } = new() { Ko = "서울시", En = "Seoul" };

    /// <summary>The app's colour: its icon, and the browser's bar when it is installed (KRDS primary by default).</summary>
    public string AppColor { get; set; } = DefaultAppColor;

    public const string DefaultAppColor = "#256ef4";

    /// <summary>A colour as the app's settings take it: # and six hexadecimal digits.</summary>
    public const string AppColorPattern = "^#[0-9a-fA-F]{6}$";

    /// <summary>The app's colour when it is a #rrggbb colour (configuration is not validated as the settings page is), KRDS primary otherwise.</summary>
    public string AppColorOrDefault => AppColor is not null && AppColorFormat().IsMatch(AppColor) ? AppColor.ToLowerInvariant() : DefaultAppColor;

    [System.Text.RegularExpressions.GeneratedRegex(AppColorPattern)]
    private static partial System.Text.RegularExpressions.Regex AppColorFormat();
    public string? LogoUrl { get; set; }

    /// <summary>Shows the KRDS government identifier banner: only for Korean public bodies.</summary>
    public bool IsKoreanPublicBody { get; set; } = true;

    public string TimeZone { get; set; } = "Asia/Seoul";
    public string DefaultCulture { get; set; } = "ko-KR";
    /// <summary>Empty by default: configuration binding appends to arrays, so defaults live in <see cref="SupportedCultures"/>.</summary>
    public string[] Cultures { get; set; } = [];

    public IReadOnlyList<string> SupportedCultures =>
        Cultures.Length > 0 ? Cultures.Distinct(StringComparer.OrdinalIgnoreCase).ToList() : ["ko-KR", "en-US"];

    public double MapCenterLatitude { get; set; } = 37.5665;
    public double MapCenterLongitude { get; set; } = 126.9780;

    /// <summary>The city's extent (WGS84): imported places outside it are refused as bad coordinates.</summary>
    public GeoBounds Bounds { get; set; } = new();

    /// <summary>
    /// District boundaries (GeoJSON, WGS84; each feature's "code" property is a district code), relative to
    /// the content root: a reported point's district is the one containing it. Empty: districts come from addresses only.
    /// </summary>
    public string DistrictBoundaries { get; set; } = "Platform/City/Data/seoul-districts.geojson";

    /// <summary>Map tiles ({z}/{x}/{y}) for the maps on report pages, and the attribution their licence asks for. The tile host is allowed in the CSP's img-src.</summary>
    public string MapTileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public string MapAttribution { get; set; } = "© OpenStreetMap contributors";

    /// <summary>The tile server's origin ("https://tile.openstreetmap.org"), or null if the URL is not absolute.</summary>
    public string? MapTileOrigin => Uri.TryCreate(MapTileUrl.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http" ? uri.GetLeftPart(UriPartial.Authority) : null;

    /// <summary>Brand colours as KRDS token overrides (CSS custom properties), e.g. "--krds-light-color-border-primary".</summary>
    public Dictionary<string, string> Tokens { get; set; } = [];

    /// <summary>
    /// How an amount of the city's money is written in each language, {0} being the number with its group separators
    /// (Seoul: "1,000,000원", "₩1,000,000"; Nairobi would give "KSh {0}").
    /// </summary>
    public LocalizedText Money { get; set; } = new() { Ko = "{0}원", En = "₩{0}" };

    /// <summary>An amount of the city's money in the reader's language.</summary>
    public string FormatMoney(long amount, System.Globalization.CultureInfo culture) =>
        string.Format(culture, Money.For(culture), amount.ToString("N0", culture));

    public LocalizedText Contact { get; set; } = new() { Ko = "다산콜센터 120", En = "Dasan Call Center 120" };
    public LocalizedText Licence { get; set; } = new()
    {
        Ko = "공공데이터는 공공누리 제1유형(출처표시)에 따라 이용할 수 있습니다.",
        En = "Open data may be used under KOGL Type 1 (attribution).",
    };

    public List<DistrictSetting> Districts { get; set; } = [];
    public List<DepartmentSetting> Departments { get; set; } = [];
    public List<SectorSetting> Sectors { get; set; } = [];

    public TimeZoneInfo FindTimeZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(TimeZone); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}

/// <summary>A latitude/longitude box; Seoul's by default, with a margin.</summary>
public sealed class GeoBounds
{
    public double South { get; set; } = 37.40;
    public double North { get; set; } = 37.72;
    public double West { get; set; } = 126.75;
    public double East { get; set; } = 127.20;

    public bool Contains(double latitude, double longitude) => latitude >= South && latitude <= North && longitude >= West && longitude <= East;
}

public sealed class DistrictSetting
{
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
}

public sealed class DepartmentSetting
{
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
}

/// <summary>A tile on the portal home. Href points at a module's page or a content page.</summary>
public sealed class SectorSetting
{
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public string Href { get; set; } = "";
    /// <summary>The order staff gave the sector's services ("Module/code"); services not named follow in their modules' order.</summary>
    public List<string> ServiceOrder { get; set; } = [];
    /// <summary>Services staff took off this sector's page ("Module/code").</summary>
    public List<string> HiddenServices { get; set; } = [];
}
