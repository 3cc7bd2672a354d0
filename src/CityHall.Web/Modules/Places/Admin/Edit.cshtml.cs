using System.Globalization;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Places.Admin;

/// <summary>
/// Add a place, or correct or remove one (a citizen's report of a wrong entry often leads here).
/// Every change is audited with what it was before, and the near-me index is rebuilt.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PlacesModule.Manage)]
public sealed class EditModel(AppDbContext db, PlaceIndex index, AuditLog audit, IOptionsMonitor<CityOptions> city, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public PlaceInput Input { get; set; } = new();

    public Place? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> FactItems { get; private set; } = [];

    /// <summary>"new" (0), or a place's id; anything else is not a page (-1). Literal routes such as /admin/places/import win over this one.</summary>

    public async Task<IActionResult> OnGetAsync(string id) => EditRoutes.IdOf(id) switch { < 0 => NotFound(), 0 => await ShowAsync(null), var n => await ShowAsync(n) };

    private async Task<IActionResult> ShowAsync(long? id)
    {
        await LoadChoicesAsync();
        if (id is null) return Page();
        if (await db.Set<Place>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id) is not { } place) return NotFound();
        Existing = place;
        Input = PlaceInput.From(place);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id) => EditRoutes.IdOf(id) switch { < 0 => NotFound(), 0 => await SaveAsync(null), var n => await SaveAsync(n) };

    private async Task<IActionResult> SaveAsync(long? id)
    {
        await LoadChoicesAsync();
        Place? place = null;
        if (id is not null && (place = await db.Set<Place>().FirstOrDefaultAsync(p => p.Id == id)) is null) return NotFound();
        Existing = place;
        if (!KindItems.Any(k => k.Value == Input.Kind)) ModelState.AddModelError("Input.Kind", t["Places.Admin.Import.ChooseKind"]);
        if (!string.IsNullOrEmpty(Input.District) && !DistrictItems.Any(d => d.Value == Input.District)) ModelState.AddModelError("Input.District", t["Places.Near.UnknownDistrict"]);
        if (Input.Latitude is not { } lat || Input.Longitude is not { } lon || !city.CurrentValue.Bounds.Contains(lat, lon))
            ModelState.AddModelError("Input.Latitude", t["Places.Admin.OutsideCity"]);
        if (!string.IsNullOrWhiteSpace(Input.Website) && !WebAddress.IsValid(Input.Website))
            ModelState.AddModelError("Input.Website", t["Form.BadWebsite"]);
        var opens = ReadTime(Input.OpensAt, "Input.OpensAt");
        var closes = ReadTime(Input.ClosesAt, "Input.ClosesAt");
        if (opens.HasValue != closes.HasValue) ModelState.AddModelError("Input.OpensAt", t["Places.Admin.BothTimes"]);
        if (!ModelState.IsValid) return Page();

        var before = place is null ? null : PlaceInput.From(place);
        place ??= db.Add(new Place { KindCode = Input.Kind, NameKo = Input.NameKo }).Entity;
        Input.ApplyTo(place, opens, closes);
        place.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (id is null) await db.SaveChangesAsync(); // the id, for the audit entry
        await audit.RecordAsync(User, id is null ? "places.create" : "places.edit", "place", place.Id.ToString(CultureInfo.InvariantCulture),
            new { before, after = PlaceInput.From(place) });
        await index.RebuildAsync(); // "near me" shows the change when staff see the saved page
        return Redirect($"/admin/places/{place.Id}?saved=true");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        var placeId = EditRoutes.IdOf(id);
        if (placeId <= 0 || await db.Set<Place>().FirstOrDefaultAsync(p => p.Id == placeId) is not { } place) return NotFound();
        db.Remove(place);
        await audit.RecordAsync(User, "places.delete", "place", id, PlaceInput.From(place));
        await index.RebuildAsync(); // "near me" shows the change when staff see the saved page
        return Redirect("/admin/places");
    }

    private TimeOnly? ReadTime(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ClockTime.TryParse(text, out var time)) return time;
        ModelState.AddModelError(field, t["Form.BadTime"]);
        return null;
    }

    private async Task LoadChoicesAsync()
    {
        var snapshot = await index.GetAsync(HttpContext.RequestAborted);
        var culture = CultureInfo.CurrentUICulture;
        KindItems = snapshot.Kinds.Select(k => new SelectListItem(k.Name(culture), k.Code)).ToList();
        DistrictItems = snapshot.DistrictItems(t["Places.Admin.NoDistrict"]);
        FactItems = [new(t["Places.Fact.Unknown"], ""), new(t["Places.Fact.Yes"], "true"), new(t["Places.Fact.No"], "false")];
    }

    /// <summary>The form, and the place as it is recorded in the audit log.</summary>
    public sealed class PlaceInput
    {
        [Display(Name = "Places.Admin.Import.Kind")] public string Kind { get; set; } = "";
        [Display(Name = "Field.NameKo"), Required(ErrorMessage = "Field.NameKoRequired"), StringLength(200, ErrorMessage = "Form.TooLong")]
        public string NameKo { get; set; } = "";
        [Display(Name = "Field.NameEn"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? NameEn { get; set; }
        [Display(Name = "Field.DescriptionKo"), StringLength(2000, ErrorMessage = "Form.TooLong")] public string? DescriptionKo { get; set; }
        [Display(Name = "Field.DescriptionEn"), StringLength(2000, ErrorMessage = "Form.TooLong")] public string? DescriptionEn { get; set; }
        [Display(Name = "Places.Detail.RoadAddress"), StringLength(300, ErrorMessage = "Form.TooLong")] public string? RoadAddress { get; set; }
        [Display(Name = "Places.Detail.LotAddress"), StringLength(300, ErrorMessage = "Form.TooLong")] public string? LotAddress { get; set; }
        [Display(Name = "Places.Near.District")] public string? District { get; set; }
        [Display(Name = "Places.Admin.Latitude")] public double? Latitude { get; set; }
        [Display(Name = "Places.Admin.Longitude")] public double? Longitude { get; set; }
        [Display(Name = "Places.Detail.Phone"), StringLength(40, ErrorMessage = "Form.TooLong")] public string? Phone { get; set; }
        [Display(Name = "Field.Website"), StringLength(500, ErrorMessage = "Form.TooLong")] public string? Website { get; set; }
        [Display(Name = "Places.Admin.HoursText"), StringLength(300, ErrorMessage = "Form.TooLong")] public string? OpeningHours { get; set; }
        [Display(Name = "Places.Admin.AlwaysOpen")] public bool AlwaysOpen { get; set; }
        [Display(Name = "Places.Admin.OpensAt")] public string? OpensAt { get; set; }
        [Display(Name = "Places.Admin.ClosesAt")] public string? ClosesAt { get; set; }
        [Display(Name = "Places.Fact.WheelchairAccess")] public bool? WheelchairAccess { get; set; }
        [Display(Name = "Places.Fact.AccessibleToilet")] public bool? AccessibleToilet { get; set; }
        [Display(Name = "Places.Fact.BabyChanging")] public bool? BabyChanging { get; set; }
        [Display(Name = "Places.Fact.EmergencyBell")] public bool? EmergencyBell { get; set; }
        [Display(Name = "Places.Fact.Cctv")] public bool? Cctv { get; set; }

        public static PlaceInput From(Place p) => new()
        {
            Kind = p.KindCode, NameKo = p.NameKo, NameEn = p.NameEn, DescriptionKo = p.DescriptionKo, DescriptionEn = p.DescriptionEn,
            RoadAddress = p.RoadAddress, LotAddress = p.LotAddress, District = p.DistrictCode, Latitude = p.Latitude, Longitude = p.Longitude,
            Phone = p.Phone, Website = p.Website, OpeningHours = p.OpeningHoursText, AlwaysOpen = p.AlwaysOpen,
            OpensAt = p.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture), ClosesAt = p.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
            WheelchairAccess = p.Accessibility.WheelchairAccess, AccessibleToilet = p.Accessibility.AccessibleToilet, BabyChanging = p.Accessibility.BabyChanging,
            EmergencyBell = p.Accessibility.EmergencyBell, Cctv = p.Accessibility.Cctv,
        };

        public void ApplyTo(Place p, TimeOnly? opens, TimeOnly? closes)
        {
            static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
            p.KindCode = Kind; p.NameKo = NameKo.Trim(); p.NameEn = Clean(NameEn); p.DescriptionKo = Clean(DescriptionKo); p.DescriptionEn = Clean(DescriptionEn);
            p.RoadAddress = Clean(RoadAddress); p.LotAddress = Clean(LotAddress); p.DistrictCode = Clean(District);
            p.Latitude = Latitude!.Value; p.Longitude = Longitude!.Value; p.Phone = Clean(Phone); p.Website = Clean(Website);
            p.OpeningHoursText = Clean(OpeningHours); p.AlwaysOpen = AlwaysOpen; p.OpensAt = AlwaysOpen ? null : opens; p.ClosesAt = AlwaysOpen ? null : closes;
            p.Accessibility.WheelchairAccess = WheelchairAccess; p.Accessibility.AccessibleToilet = AccessibleToilet; p.Accessibility.BabyChanging = BabyChanging;
            p.Accessibility.EmergencyBell = EmergencyBell; p.Accessibility.Cctv = Cctv;
        }
    }
}
