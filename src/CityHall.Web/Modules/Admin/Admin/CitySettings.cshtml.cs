using System.Globalization;
using System.Text.Json;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Admin.Admin;

/// <summary>
/// Administrators change the city's name, contact and licence text, time zone, default language,
/// map centre, logo and home-page sectors. Saved over configuration (city_settings), audited with
/// the fields that changed, in effect on this node at once and on others within the refresh period.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PlatformPermissions.ManageCity)]
public sealed class CitySettingsModel(AppDbContext db, AuditLog audit, CitySettingsStore store, IOptionsMonitor<CityOptions> city,
    Platform.Modules.ModuleRegistry modules, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    /// <summary>Blank rows offered for new sectors.</summary>
    public const int BlankSectorRows = 2;

    [BindProperty] public CitySettingsInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Languages { get; private set; } = [];
    public bool Overridden { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? done = null)
    {
        var row = await db.Set<CitySettingsRecord>().AsNoTracking().FirstOrDefaultAsync();
        Overridden = row?.Json is not null;
        Input = CitySettingsInput.From(CitySettingsDocument.From(city.CurrentValue), row?.Version ?? 0, modules);
        Prepare();
        Message = done switch { "saved" => t["Admin.City.Saved"].Value, "reset" => t["Admin.City.ResetDone"].Value, _ => null };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Validate();
        var row = await db.Set<CitySettingsRecord>().FirstOrDefaultAsync();
        if ((row?.Version ?? 0) != Input.Version)
            ModelState.AddModelError("", t["Admin.City.Conflict"]);
        if (!ModelState.IsValid)
        {
            Overridden = row?.Json is not null;
            Prepare();
            return Page();
        }
        var before = CitySettingsDocument.From(city.CurrentValue);
        var after = Input.ToDocument(modules);
        var changed = ChangedFields(before, after);
        if (changed.Count == 0) return Redirect("/admin/city?done=saved");
        Save(row, ReadableJson.Serialize(after));
        return await AuditAndReloadAsync("city-settings.changed", new { changed }, "saved");
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        var row = await db.Set<CitySettingsRecord>().FirstOrDefaultAsync();
        if (row?.Json is null) return Redirect("/admin/city?done=reset");
        Save(row, null);
        return await AuditAndReloadAsync("city-settings.reset", new { previousVersion = row.Version - 1 }, "reset");
    }

    private void Save(CitySettingsRecord? row, string? json)
    {
        if (row is null) db.Add(row = new CitySettingsRecord());
        row.Json = json;
        row.Version++;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = User.Identity?.Name;
    }

    private async Task<IActionResult> AuditAndReloadAsync(string action, object details, string done)
    {
        try
        {
            await audit.RecordAsync(User, action, "CitySettings", null, details);
        }
        catch (DbUpdateException)
        {
            // Another administrator saved in between (the version or the first row moved): nothing of ours was written.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", t["Admin.City.Conflict"]);
            Prepare();
            return Page();
        }
        await store.RefreshAsync(db);
        return Redirect($"/admin/city?done={done}");
    }

    private void Validate()
    {
        if (!string.IsNullOrWhiteSpace(Input.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(Input.TimeZone.Trim(), out _))
            ModelState.AddModelError("Input.TimeZone", t["Admin.City.TimeZoneUnknown"]);
        if (!city.CurrentValue.SupportedCultures.Contains(Input.DefaultCulture, StringComparer.OrdinalIgnoreCase))
            ModelState.AddModelError("Input.DefaultCulture", t["Admin.City.LanguageUnsupported"]);
        if (!string.IsNullOrWhiteSpace(Input.LogoUrl) && !IsSafeLink(Input.LogoUrl))
            ModelState.AddModelError("Input.LogoUrl", t["Admin.City.LinkFormat"]);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Input.Sectors.Count; i++)
        {
            var s = Input.Sectors[i];
            if (string.IsNullOrWhiteSpace(s.Code)) continue; // a blank or cleared row: no sector
            var prefix = $"Input.Sectors[{i}].";
            if (!codes.Add(s.Code.Trim()))
                ModelState.AddModelError(prefix + nameof(s.Code), t["Admin.City.SectorCodeTaken"]);
            if (string.IsNullOrWhiteSpace(s.NameKo))
                ModelState.AddModelError(prefix + nameof(s.NameKo), t["Admin.City.SectorNameRequired"]);
            // An empty link lets the module that serves the sector (or its content page) decide.
            if (!string.IsNullOrWhiteSpace(s.Href) && !IsSafeLink(s.Href))
                ModelState.AddModelError(prefix + nameof(s.Href), t["Admin.City.LinkFormat"]);
        }
    }

    /// <summary>A page of this site or a secure address elsewhere: never javascript: or plain http.</summary>
    private static bool IsSafeLink(string value)
    {
        value = value.Trim();
        if (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)) return true;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
    }

    private void Prepare()
    {
        Languages = city.CurrentValue.SupportedCultures
            .Select(c => new SelectListItem(new CultureInfo(c).NativeName, c)).ToList();
        while (Input.Sectors.Count(s => string.IsNullOrWhiteSpace(s.Code)) < BlankSectorRows) Input.Sectors.Add(new());
        // The services' titles, for their rows' labels (a row posted back keeps its key; its title comes from the module).
        var titles = modules.SectorServices.DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => t[x.Service.TitleKey].Value);
        foreach (var service in Input.Sectors.SelectMany(s => s.Services)) service.Title = titles.GetValueOrDefault(service.Key ?? "", service.Key ?? "");
    }

    private static List<string> ChangedFields(CitySettingsDocument before, CitySettingsDocument after)
    {
        var a = JsonSerializer.SerializeToElement(before);
        var b = JsonSerializer.SerializeToElement(after);
        return a.EnumerateObject()
            .Where(p => p.Value.GetRawText() != b.GetProperty(p.Name).GetRawText())
            .Select(p => p.Name).ToList();
    }
}

public sealed class CitySettingsInput
{
    public long Version { get; set; }

    [Display(Name = "Admin.City.NameKo"), Required(ErrorMessage = "Admin.City.NameRequired"), StringLength(100, ErrorMessage = "Admin.City.TooLong")]
    public string NameKo { get; set; } = "";

    [Display(Name = "Admin.City.NameEn"), StringLength(100, ErrorMessage = "Admin.City.TooLong")]
    public string NameEn { get; set; } = "";

    [Display(Name = "Admin.City.ContactKo"), Required(ErrorMessage = "Admin.City.ContactRequired"), StringLength(200, ErrorMessage = "Admin.City.TooLong")]
    public string ContactKo { get; set; } = "";

    [Display(Name = "Admin.City.ContactEn"), StringLength(200, ErrorMessage = "Admin.City.TooLong")]
    public string ContactEn { get; set; } = "";

    [Display(Name = "Admin.City.LicenceKo"), StringLength(500, ErrorMessage = "Admin.City.TooLong")]
    public string LicenceKo { get; set; } = "";

    [Display(Name = "Admin.City.LicenceEn"), StringLength(500, ErrorMessage = "Admin.City.TooLong")]
    public string LicenceEn { get; set; } = "";

    [Display(Name = "Admin.City.TimeZone"), Required(ErrorMessage = "Admin.City.TimeZoneRequired")]
    public string TimeZone { get; set; } = "";

    [Display(Name = "Admin.City.DefaultLanguage")]
    public string DefaultCulture { get; set; } = "";

    [Display(Name = "Admin.City.Latitude"), Required(ErrorMessage = "Admin.City.LatitudeRange"), Range(-90.0, 90.0, ErrorMessage = "Admin.City.LatitudeRange")]
    public double? MapCenterLatitude { get; set; }

    [Display(Name = "Admin.City.Longitude"), Required(ErrorMessage = "Admin.City.LongitudeRange"), Range(-180.0, 180.0, ErrorMessage = "Admin.City.LongitudeRange")]
    public double? MapCenterLongitude { get; set; }

    [Display(Name = "Admin.City.LogoUrl"), StringLength(500, ErrorMessage = "Admin.City.TooLong")]
    public string? LogoUrl { get; set; }

    [Display(Name = "Admin.City.ShortNameKo"), StringLength(20, ErrorMessage = "Admin.City.TooLong")]
    public string? ShortNameKo { get; set; }

    [Display(Name = "Admin.City.ShortNameEn"), StringLength(20, ErrorMessage = "Admin.City.TooLong")]
    public string? ShortNameEn { get; set; }

    [Display(Name = "Admin.City.AppColor"), Required(ErrorMessage = "Admin.City.AppColorFormat"),
     RegularExpression(CityOptions.AppColorPattern, ErrorMessage = "Admin.City.AppColorFormat")]
    public string AppColor { get; set; } = "";

    public List<SectorInput> Sectors { get; set; } = [];

    public static CitySettingsInput From(CitySettingsDocument d, long version, Platform.Modules.ModuleRegistry modules) => new()
    {
        Version = version,
        NameKo = d.Name.Ko, NameEn = d.Name.En,
        ContactKo = d.Contact.Ko, ContactEn = d.Contact.En,
        LicenceKo = d.Licence.Ko, LicenceEn = d.Licence.En,
        TimeZone = d.TimeZone, DefaultCulture = d.DefaultCulture,
        MapCenterLatitude = d.MapCenterLatitude, MapCenterLongitude = d.MapCenterLongitude,
        LogoUrl = d.LogoUrl,
        ShortNameKo = d.ShortName?.Ko, ShortNameEn = d.ShortName?.En,
        AppColor = d.AppColor ?? "",
        Sectors = d.Sectors.Select(s => new SectorInput
        {
            Code = s.Code, NameKo = s.Name.Ko, NameEn = s.Name.En,
            DescriptionKo = s.Description.Ko, DescriptionEn = s.Description.En, Href = s.Href,
            Services = modules.ServicesIn(s, withHidden: true)
                .Select((x, i) => new SectorServiceInput { Key = x.Key, Position = i + 1, Hidden = s.HiddenServices.Contains(x.Key) }).ToList(),
        }).ToList(),
    };

    public CitySettingsDocument ToDocument(Platform.Modules.ModuleRegistry modules) => new()
    {
        Name = new() { Ko = NameKo.Trim(), En = NameEn.Trim() },
        Contact = new() { Ko = ContactKo.Trim(), En = ContactEn.Trim() },
        Licence = new() { Ko = LicenceKo.Trim(), En = LicenceEn.Trim() },
        TimeZone = TimeZone.Trim(),
        DefaultCulture = DefaultCulture,
        MapCenterLatitude = MapCenterLatitude ?? 0,
        MapCenterLongitude = MapCenterLongitude ?? 0,
        LogoUrl = string.IsNullOrWhiteSpace(LogoUrl) ? null : LogoUrl.Trim(),
        ShortName = new() { Ko = ShortNameKo?.Trim() ?? "", En = ShortNameEn?.Trim() ?? "" },
        AppColor = AppColor.Trim().ToLowerInvariant(),
        Sectors = Sectors.Where(s => !string.IsNullOrWhiteSpace(s.Code)).Select(s => new SectorSetting
        {
            Code = s.Code!.Trim(),
            Name = new() { Ko = s.NameKo?.Trim() ?? "", En = s.NameEn?.Trim() ?? "" },
            Description = new() { Ko = s.DescriptionKo?.Trim() ?? "", En = s.DescriptionEn?.Trim() ?? "" },
            Href = s.Href?.Trim() ?? "",
            // Only keys of services that exist: a posted key is a form field like any other.
            ServiceOrder = [.. s.Services.Select((x, i) => (x, i)).Where(v => Known(modules, v.x.Key)).OrderBy(v => v.x.Position ?? int.MaxValue).ThenBy(v => v.i).Select(v => v.x.Key!)],
            HiddenServices = [.. s.Services.Where(x => x.Hidden && Known(modules, x.Key)).Select(x => x.Key!)],
        }).ToList(),
    };

    private static bool Known(Platform.Modules.ModuleRegistry modules, string? key) =>
        key is not null && modules.SectorServices.Any(x => x.Key == key);
}

/// <summary>One home-page tile; a row whose code is cleared is removed.</summary>
public sealed class SectorInput
{
    [Display(Name = "Admin.City.SectorCode"), StringLength(32, ErrorMessage = "Admin.City.TooLong")]
    public string? Code { get; set; }

    [Display(Name = "Admin.City.SectorNameKo"), StringLength(100, ErrorMessage = "Admin.City.TooLong")]
    public string? NameKo { get; set; }

    [Display(Name = "Admin.City.SectorNameEn"), StringLength(100, ErrorMessage = "Admin.City.TooLong")]
    public string? NameEn { get; set; }

    [Display(Name = "Admin.City.SectorDescriptionKo"), StringLength(300, ErrorMessage = "Admin.City.TooLong")]
    public string? DescriptionKo { get; set; }

    [Display(Name = "Admin.City.SectorDescriptionEn"), StringLength(300, ErrorMessage = "Admin.City.TooLong")]
    public string? DescriptionEn { get; set; }

    [Display(Name = "Admin.City.SectorHref"), StringLength(500, ErrorMessage = "Admin.City.TooLong")]
    public string? Href { get; set; }

    /// <summary>The modules' services in this sector: where each stands, and whether it is shown.</summary>
    public List<SectorServiceInput> Services { get; set; } = [];
}

/// <summary>One service of a sector as staff arrange it: its place (1 first) and whether it is hidden.</summary>
public sealed class SectorServiceInput
{
    public string? Key { get; set; }

    [Display(Name = "Admin.City.ServicePosition"), Range(1, 99, ErrorMessage = "Admin.City.ServicePositionRange")]
    public int? Position { get; set; }

    [Display(Name = "Admin.City.ServiceHidden")]
    public bool Hidden { get; set; }

    /// <summary>For the labels only (never bound from the form).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public string Title { get; set; } = "";
}
