using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.Places.Contracts;
using CityHall.Web.Modules.Taxi.Dispatch;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Calls;

/// <summary>
/// Calling a taxi: the pickup from the phone's location (wwwroot/js/taxi-call.js) or a typed address, an optional
/// destination, what the car must offer; then the estimated pickup time, and the call once the rider confirms.
/// Works without JavaScript (the address is placed from the addresses the city knows).
/// </summary>
[Authorize]
public sealed class CallModel(CallDesk desk, IAddressPoints addresses, AppDbContext db, IOptions<TaxiOptions> options,
    IOptionsMonitor<CityHall.Web.Platform.City.CityOptions> city, IStringLocalizer<Text> t) : PageModel
{
    /// <summary>The city's map settings (the pickup's map).</summary>
    public CityHall.Web.Platform.City.CityOptions City => city.CurrentValue;
    [BindProperty] public CallInput Input { get; set; } = new();
    public (int CarsNear, double? Seconds)? Estimated { get; private set; }
    public long? OpenCallId { get; private set; }
    public IReadOnlyList<SelectListItem> LanguageItems { get; private set; } = [];
    public static readonly CarFeatures[] FeatureChoices = [CarFeatures.WheelchairAccessible, CarFeatures.NonSmokingDriver, CarFeatures.PetsWelcome];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostEstimateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (await ReadAsync(ct) is not { } request) return Page();
        Estimated = desk.Estimate(request.Latitude, request.Longitude, request.Needs);
        (Input.Latitude, Input.Longitude, Input.DestinationLatitude, Input.DestinationLongitude) =
            (request.Latitude, request.Longitude, request.DestinationLatitude, request.DestinationLongitude);
        ModelState.Clear(); // the form shows the placed points
        return Page();
    }

    public async Task<IActionResult> OnPostCallAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (await ReadAsync(ct) is not { } request) return Page();
        var (call, refusal) = await desk.OpenAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, request, ct);
        if (call is null)
        {
            ModelState.AddModelError(refusal == CallRefusal.OutsideCity ? "Input.PickupAddress" : string.Empty, t[$"Taxi.Call.Refused.{refusal}"]);
            return Page();
        }
        return Redirect($"/taxi/calls/{call.Id}");
    }

    /// <summary>The request the form describes, with typed addresses placed; null (and the problems in the model state) when it cannot be made.</summary>
    private async Task<CallRequest?> ReadAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return null;
        var (lat, lon) = (Input.Latitude, Input.Longitude);
        if (lat is null || lon is null)
        {
            if (await addresses.FindAsync(Input.PickupAddress!, ct) is { } found) (lat, lon) = (found.Latitude, found.Longitude);
            else { ModelState.AddModelError("Input.PickupAddress", t["Taxi.Call.AddressNotFound"]); return null; }
        }
        var (toLat, toLon) = (Input.DestinationLatitude, Input.DestinationLongitude);
        if ((toLat is null || toLon is null) && !string.IsNullOrWhiteSpace(Input.DestinationAddress))
        {
            if (await addresses.FindAsync(Input.DestinationAddress, ct) is { } found) (toLat, toLon) = (found.Latitude, found.Longitude);
            else { ModelState.AddModelError("Input.DestinationAddress", t["Taxi.Call.AddressNotFound"]); return null; }
        }
        if (!desk.InCity(lat.Value, lon.Value)) { ModelState.AddModelError("Input.PickupAddress", t["Taxi.Call.Refused.OutsideCity"]); return null; }
        if (toLat is { } dLat && toLon is { } dLon && !desk.InCity(dLat, dLon)) { ModelState.AddModelError("Input.DestinationAddress", t["Taxi.Call.DestinationOutside"]); return null; }
        var features = CarFeatures.None;
        foreach (var chosen in Input.Features)
        {
            if (Enum.TryParse<CarFeatures>(chosen, out var f) && FeatureChoices.Contains(f)) features |= f;
            else { ModelState.AddModelError("Input.Features", t["Taxi.Error.Feature"]); return null; }
        }
        var language = string.IsNullOrEmpty(Input.Language) ? null : Input.Language;
        if (language is not null && !options.Value.Languages.Contains(language, StringComparer.Ordinal)) { ModelState.AddModelError("Input.Language", t["Taxi.Error.Language"]); return null; }
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return new CallRequest(lat.Value, lon.Value, Clean(Input.PickupAddress), toLat, toLon, Clean(Input.DestinationAddress), new CallNeeds(features, language));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        OpenCallId = await db.Set<TaxiCall>().Where(c => c.RiderId == me && CallDesk.Open.Contains(c.State)).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        LanguageItems = [new SelectListItem(t["Taxi.Call.AnyLanguage"], ""), .. options.Value.Languages.Select(l => new SelectListItem(t[$"Taxi.Language.{l}"], l))];
    }

    public static string Minutes(double seconds) => Math.Max(1, (int)Math.Ceiling(seconds / 60)).ToString(CultureInfo.CurrentCulture);

    public sealed class CallInput
    {
        [Display(Name = "Taxi.Call.Pickup"), Required(ErrorMessage = "Taxi.Call.PickupRequired"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? PickupAddress { get; set; }
        [Range(-90, 90, ErrorMessage = "Taxi.Call.PointInvalid")] public double? Latitude { get; set; }
        [Range(-180, 180, ErrorMessage = "Taxi.Call.PointInvalid")] public double? Longitude { get; set; }
        [Display(Name = "Taxi.Call.Destination"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? DestinationAddress { get; set; }
        [Range(-90, 90, ErrorMessage = "Taxi.Call.PointInvalid")] public double? DestinationLatitude { get; set; }
        [Range(-180, 180, ErrorMessage = "Taxi.Call.PointInvalid")] public double? DestinationLongitude { get; set; }
        public List<string> Features { get; set; } = [];
        [Display(Name = "Taxi.Call.Language")] public string? Language { get; set; }
    }
}
