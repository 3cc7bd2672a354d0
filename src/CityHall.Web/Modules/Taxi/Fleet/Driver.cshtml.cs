using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Fleet;

/// <summary>
/// Registers a driver with their car for a company, or corrects them: the driver's own account (by e-mail), licence,
/// phone, plate, model, what the car offers (wheelchair access, non-smoking, pets), languages and a photo riders see.
/// Licence, plate and account are each one driver's. Audited; only the company's staff and the city's operators.
/// </summary>
[Authorize]
public sealed class DriverModel(AppDbContext db, UserManager<CityHallUser> users, AuditLog audit, TimeProvider clock,
    IOptions<TaxiOptions> options, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public DriverInput Input { get; set; } = new();
    [BindProperty, Display(Name = "Taxi.Field.Photo")] public IFormFile? Photo { get; set; }

    public TaxiCompany Company { get; private set; } = null!;
    public TaxiDriver? Driver { get; private set; }
    public string? AccountEmail { get; private set; }
    public IReadOnlyList<SelectListItem> LanguageItems { get; private set; } = [];
    public static readonly CarFeatures[] FeatureChoices = [CarFeatures.WheelchairAccessible, CarFeatures.NonSmokingDriver, CarFeatures.PetsWelcome];

    public async Task<IActionResult> OnGetAsync(long companyId, string id, CancellationToken ct)
    {
        if (!FleetRules.TryRecordId(id, out var driverId)) return NotFound();
        if (await LoadAsync(companyId, driverId, ct) is { } missing) return missing;
        if (Driver is { } d)
            Input = new DriverInput
            {
                Name = d.Name, LicenceNumber = d.LicenceNumber, Phone = d.Phone, Plate = d.Plate, CarModel = d.CarModel,
                Features = [.. FeatureChoices.Where(f => d.Features.HasFlag(f)).Select(f => f.ToString())],
                Languages = [.. d.Languages.Split(' ', StringSplitOptions.RemoveEmptyEntries)], Active = d.Active,
            };
        return Page();
    }

    /// <summary>The driver's photo, for the fleet's own pages.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(long companyId, long id, CancellationToken ct)
    {
        if (await LoadAsync(companyId, id, ct) is { } missing) return missing;
        if (Driver!.Photo is not { } photo) return NotFound();
        Response.Headers.CacheControl = "private, max-age=300";
        return File(photo, Driver.PhotoType ?? "image/jpeg");
    }

    public async Task<IActionResult> OnPostAsync(long companyId, string id, CancellationToken ct)
    {
        if (!FleetRules.TryRecordId(id, out var existingId)) return NotFound();
        if (await LoadAsync(companyId, existingId, ct) is { } missing) return missing;
        var licence = FleetRules.LicenceNumber(Input.LicenceNumber);
        if (licence is null) ModelState.AddModelError("Input.LicenceNumber", t["Taxi.Error.Licence"]);
        var plate = FleetRules.TaxiPlate(Input.Plate);
        if (plate is null) ModelState.AddModelError("Input.Plate", t["Taxi.Error.Plate"]);
        var phone = FleetRules.Phone(Input.Phone);
        if (phone is null) ModelState.AddModelError("Input.Phone", t["Taxi.Error.Phone"]);
        var features = CarFeatures.None;
        foreach (var chosen in Input.Features)
        {
            if (Enum.TryParse<CarFeatures>(chosen, out var f) && FeatureChoices.Contains(f)) features |= f;
            else ModelState.AddModelError("Input.Features", t["Taxi.Error.Feature"]);
        }
        var known = options.Value.Languages;
        if (Input.Languages.Any(l => !known.Contains(l, StringComparer.Ordinal))) ModelState.AddModelError("Input.Languages", t["Taxi.Error.Language"]);

        var driverId = Driver?.Id ?? 0;
        CityHallUser? account = null;
        if (Driver is null)
        {
            account = string.IsNullOrWhiteSpace(Input.AccountEmail) ? null : await users.FindByEmailAsync(Input.AccountEmail.Trim());
            if (account is null) ModelState.AddModelError("Input.AccountEmail", t["Taxi.Error.NoAccount"]);
            else if (await db.Set<TaxiDriver>().AnyAsync(d => d.UserId == account.Id, ct)) ModelState.AddModelError("Input.AccountEmail", t["Taxi.Error.AlreadyDriver"]);
        }
        if (licence is not null && await db.Set<TaxiDriver>().AnyAsync(d => d.LicenceNumber == licence && d.Id != driverId, ct))
            ModelState.AddModelError("Input.LicenceNumber", t["Taxi.Error.LicenceTaken"]);
        if (plate is not null && await db.Set<TaxiDriver>().AnyAsync(d => d.Plate == plate && d.Id != driverId, ct))
            ModelState.AddModelError("Input.Plate", t["Taxi.Error.PlateTaken"]);
        PreparedPhoto? prepared = null;
        if (Photo is { Length: > 0 })
        {
            await using var stream = Photo.OpenReadStream();
            var (image, problem) = UploadedPhotos.Prepare(stream, Photo.Length, options.Value.MaxPhotoBytes);
            if (image is null) ModelState.AddModelError(nameof(Photo), t[problem == PhotoProblem.TooLarge ? "Taxi.Error.PhotoTooLarge" : "Taxi.Error.PhotoUnreadable"]);
            prepared = image;
        }
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var driver = Driver is null ? null : await db.Set<TaxiDriver>().SingleAsync(d => d.Id == driverId, ct);
        var before = driver is null ? null : Snapshot(driver);
        if (driver is null)
        {
            driver = new TaxiDriver
            {
                CompanyId = companyId, UserId = account!.Id, Name = "", LicenceNumber = "", Phone = "", Plate = "", CarModel = "",
                RegisteredAt = now, RegisteredBy = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
            };
            db.Add(driver);
        }
        (driver.Name, driver.LicenceNumber, driver.Phone, driver.Plate, driver.CarModel, driver.Features, driver.Languages, driver.Active) =
            (Input.Name!.Trim(), licence!, phone!, plate!, Input.CarModel!.Trim(), features,
             string.Join(' ', known.Where(Input.Languages.Contains)), Input.Active);
        if (!driver.Active) driver.OnDutySince = null;
        if (prepared is not null) (driver.Photo, driver.PhotoType) = (prepared.Bytes, "image/jpeg");
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, before is null ? "taxi.driver.register" : "taxi.driver.edit", "taxi-driver", driver.Id.ToString(CultureInfo.InvariantCulture),
            new { company = companyId, before, after = Snapshot(driver), photo = prepared is not null }, ct);
        return Redirect($"/taxi/fleet/{companyId}");
    }

    private static object Snapshot(TaxiDriver d) => new { d.Name, d.LicenceNumber, d.Phone, d.Plate, d.CarModel, Features = d.Features.ToString(), d.Languages, d.Active };

    private async Task<IActionResult?> LoadAsync(long companyId, long? id, CancellationToken ct)
    {
        if (!await FleetRules.MayManageAsync(db, User, companyId, ct)) return NotFound();
        if (await db.Set<TaxiCompany>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == companyId, ct) is not { } company) return NotFound();
        Company = company;
        if (id is { } driverId)
        {
            Driver = await db.Set<TaxiDriver>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == driverId && d.CompanyId == companyId, ct);
            if (Driver is null) return NotFound();
            AccountEmail = await db.Users.Where(u => u.Id == Driver.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        }
        LanguageItems = [.. options.Value.Languages.Select(l => new SelectListItem(t[$"Taxi.Language.{l}"], l))];
        return null;
    }

    public sealed class DriverInput
    {
        [Display(Name = "Taxi.Field.AccountEmail"), StringLength(256, ErrorMessage = "Form.TooLong")] public string? AccountEmail { get; set; }
        [Display(Name = "Taxi.Field.DriverName"), Required(ErrorMessage = "Taxi.Error.DriverName"), StringLength(100, ErrorMessage = "Form.TooLong")] public string? Name { get; set; }
        [Display(Name = "Taxi.Field.Licence"), Required(ErrorMessage = "Taxi.Error.Licence"), StringLength(20, ErrorMessage = "Form.TooLong")] public string? LicenceNumber { get; set; }
        [Display(Name = "Taxi.Field.Phone"), Required(ErrorMessage = "Taxi.Error.Phone"), StringLength(20, ErrorMessage = "Form.TooLong")] public string? Phone { get; set; }
        [Display(Name = "Taxi.Field.Plate"), Required(ErrorMessage = "Taxi.Error.Plate"), StringLength(20, ErrorMessage = "Form.TooLong")] public string? Plate { get; set; }
        [Display(Name = "Taxi.Field.CarModel"), Required(ErrorMessage = "Taxi.Error.CarModel"), StringLength(60, ErrorMessage = "Form.TooLong")] public string? CarModel { get; set; }
        public List<string> Features { get; set; } = [];
        public List<string> Languages { get; set; } = [];
        [Display(Name = "Taxi.Field.Active")] public bool Active { get; set; } = true;
    }
}
