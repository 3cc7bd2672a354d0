using System.Security.Claims;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.ServiceRequests.Public;

/// <summary>
/// Reporting, step 3: the service's questions, photos, a description, whether the report is public
/// and how to hear of progress. Open reports of the same service within 50 m are shown first, each
/// with "this is mine too" to follow it instead of reporting again.
/// </summary>
[Authorize]
[RequestSizeLimit(ServiceRequestIntake.MaxPhotos * 10 * 1024 * 1024 + 1_048_576)] // three phone photos and the text; the configured size is checked per photo
public sealed class DetailsModel(ServiceDirectory directory, ServiceRequestIntake intake, IOptionsMonitor<ServiceRequestOptions> options, IOptionsMonitor<CityOptions> city,
    UserManager<CityHallUser> users, UploadAllowance allowance, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReportPlace Place { get; set; } = new();

    [BindProperty]
    public ReportDetailsInput Input { get; set; } = new();

    public ServiceDefinition Service { get; private set; } = null!;
    public IReadOnlyList<Nearby> NearbyReports { get; private set; } = [];
    public Dictionary<string, List<string>> Answers { get; private set; } = [];
    public string? DistrictName { get; private set; }
    public bool HasPhone { get; private set; }
    /// <summary>The signed-in reporter, read once per request (phone and notification preferences).</summary>
    private CityHallUser? reporter;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } back) return back;
        Input.NotifyByEmail = reporter?.NotifyByEmail ?? true;
        Input.NotifyBySms = reporter?.NotifyBySms == true && HasPhone;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } back) return back;
        Answers = AttributeForm.Read(Request.Form);
        var photos = new List<PreparedPhoto>();
        var files = Request.Form.Files.GetFiles("photos").Where(f => f.Length > 0).ToList();
        if (files.Count > ServiceRequestIntake.MaxPhotos)
            ModelState.AddModelError("photos", t["ServiceRequests.Error.TooManyPhotos", ServiceRequestIntake.MaxPhotos]);
        if (Input.NotifyBySms && !HasPhone) ModelState.AddModelError("Input.NotifyBySms", t["Reports.Details.NoPhone"]);
        var report = new NewServiceRequest
        {
            ServiceCode = Service.Code,
            Latitude = Place.Latitude,
            Longitude = Place.Longitude,
            Address = Place.Address,
            DistrictCode = Place.District,
            Description = Input.Description,
            Attributes = Answers,
            IsPublic = Input.IsPublic,
            Channel = RequestChannel.Web,
            ReporterId = User.FindFirstValue(ClaimTypes.NameIdentifier),
            NotifyByEmail = Input.NotifyByEmail,
            NotifyBySms = Input.NotifyBySms,
            Photos = photos,
        };
        // The photos count against the day's quota, and are decoded, only for a report that will be stored:
        // a form sent back for a missing answer costs the citizen none of it (the files are chosen again anyway).
        IntakeResult? refused = null;
        if (ModelState.IsValid && files.Count > 0)
        {
            var check = await intake.CheckAsync(report, HttpContext.RequestAborted);
            if (check.Errors.Count > 0) refused = check;
            else await PreparePhotosAsync(files, photos);
        }
        // With errors of its own the form still shows the service's problems too, all at once; nothing is stored.
        var result = refused ?? (ModelState.IsValid ? await intake.SubmitAsync(report, HttpContext.RequestAborted) : await intake.CheckAsync(report, HttpContext.RequestAborted));
        if (result.Request is { } stored) return Redirect($"/reports/{stored.Reference ?? stored.Token}?new=true");
        foreach (var error in result.Errors)
        {
            var key = error.Field == "description" ? "Input.Description" : error.Field;
            if (!ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0) ModelState.AddModelError(key, error.Message);
        }
        return Page();
    }

    /// <summary>Counts the photos' bytes against the day's quota, then checks and re-encodes them; problems go to the form.</summary>
    private async Task PreparePhotosAsync(List<IFormFile> files, List<PreparedPhoto> photos)
    {
        if (!await allowance.TryTakeAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, files.Sum(f => f.Length), HttpContext.RequestAborted))
        {
            ModelState.AddModelError("photos", t["Uploads.DailyQuota", allowance.DailyBytes / (1024 * 1024)]);
            return;
        }
        var max = options.CurrentValue.MaxPhotoBytes;
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            var (photo, problem) = UploadedPhotos.Prepare(stream, file.Length, max);
            if (photo is not null) photos.Add(photo);
            else ModelState.AddModelError("photos", problem == PhotoProblem.TooLarge
                ? t["Reports.Details.PhotoTooLarge", file.FileName, max / (1024 * 1024)] : t["Reports.Details.PhotoUnreadable", file.FileName]);
        }
    }

    /// <summary>The service and place from the earlier steps; back to them when something is missing.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        var catalogue = await directory.GetAsync(HttpContext.RequestAborted);
        if (Place.Service is null || !catalogue.ByCode.TryGetValue(Place.Service, out var service)) return Redirect("/reports/new?missing=true");
        if (Place.Problems(t, city.CurrentValue.Bounds).Any()) return Redirect("/reports/new/location" + Place.Query() + "&go=true");
        Service = service;
        DistrictName = Place.District is { } d && catalogue.DistrictByCode.TryGetValue(d, out var district)
            ? district.Name(System.Globalization.CultureInfo.CurrentUICulture) : null;
        if (Place.Latitude is { } lat && Place.Longitude is { } lon)
            NearbyReports = await intake.NearbyOpenAsync(service.Code, lat, lon, ct: HttpContext.RequestAborted);
        reporter = await users.GetUserAsync(User);
        HasPhone = !string.IsNullOrEmpty(reporter?.PhoneNumber);
        return null;
    }
}

public sealed class ReportDetailsInput
{
    [Display(Name = "Reports.Details.Description")]
    [Required(ErrorMessage = "Reports.Details.DescriptionRequired")]
    [StringLength(ServiceRequestIntake.MaxDescription, MinimumLength = 5, ErrorMessage = "Reports.Details.DescriptionLength")]
    public string Description { get; set; } = "";

    [Display(Name = "Reports.Details.IsPublic")]
    public bool IsPublic { get; set; } = true;

    [Display(Name = "Reports.Details.NotifyByEmail")]
    public bool NotifyByEmail { get; set; }

    [Display(Name = "Reports.Details.NotifyBySms")]
    public bool NotifyBySms { get; set; }
}
