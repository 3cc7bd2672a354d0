using System.Globalization;
using CityHall.Web.Modules.Cctv.Registry;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Cctv.Admin;

/// <summary>
/// One camera site, added or corrected by its department: where (a point inside the city; the district from the
/// boundaries when not chosen), why, the view, retention, operator and contact, its own notice words, the recorder
/// that reports for it (one of the department's) and, when taken down, the day. Officials of other departments see it
/// read-only. Its outages are listed below. Every change is audited with what it was before.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CctvModule.Manage)]
public sealed class CameraModel(AppDbContext db, AuditLog audit, DistrictMap districtMap, IOptionsMonitor<CityOptions> city, IOptionsMonitor<CctvOptions> options,
    TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    /// <summary>No public camera of a city's registry is older (the first CCTV systems are from the 1940s–60s).</summary>
    public const int EarliestYear = 1950;

    [BindProperty] public CameraInput Input { get; set; } = new();
    public Camera? Existing { get; private set; }
    public bool MayEdit { get; private set; }
    /// <summary>Whether this official sees the camera's status (<see cref="StaffView"/>); its outages are shown to its department only.</summary>
    public bool SeesStatus { get; private set; }
    public IReadOnlyList<SelectListItem> PurposeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RecorderItems { get; private set; } = [];
    public IReadOnlyList<CameraOutage> Outages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Existing is { } c) Input = CameraInput.From(c);
        else Input = new CameraInput { Department = (DepartmentItems.Count > 0 ? DepartmentItems[0].Value : ""), Count = 1 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayEdit) return NotFound();
        if (CameraPurposes.Parse(Input.Purpose) is not { } purpose) ModelState.AddModelError("Input.Purpose", t["Cctv.Error.Purpose"]);
        if (!DepartmentItems.Any(d => d.Value == Input.Department)) ModelState.AddModelError("Input.Department", t["Cctv.Error.Department"]);
        if (Input.Latitude is not { } lat || Input.Longitude is not { } lon || !city.CurrentValue.Bounds.Contains(lat, lon))
            ModelState.AddModelError("Input.Latitude", t["Cctv.Error.OutsideCity"]);
        if (!string.IsNullOrEmpty(Input.District) && !DistrictItems.Any(d => d.Value == Input.District)) ModelState.AddModelError("Input.District", t["Cctv.Error.District"]);
        int? recorderId = null;
        if (!string.IsNullOrEmpty(Input.Recorder))
        {
            var chosen = int.TryParse(Input.Recorder, NumberStyles.None, CultureInfo.InvariantCulture, out var rid) ? rid : 0;
            var recorder = await db.Set<CameraRecorder>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == chosen && !r.Retired, ct);
            if (recorder is null || recorder.DepartmentCode != Input.Department) ModelState.AddModelError("Input.Recorder", t["Cctv.Error.Recorder"]);
            else recorderId = recorder.Id;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // A day from a date field can be anything (0001-01-01): neither day may be before CCTV or after today.
        if (Input.InstalledOn is { } installedOn && (installedOn > today || installedOn.Year < EarliestYear)) ModelState.AddModelError("Input.InstalledOn", t["Cctv.Error.InstalledLater"]);
        if (Input.RemovedOn is { } removedOn && (removedOn > today || removedOn.Year < EarliestYear)) ModelState.AddModelError("Input.RemovedOn", t["Cctv.Error.RemovedLater"]);
        if (Input.RemovedOn is { } removed && Input.InstalledOn is { } installed && removed < installed) ModelState.AddModelError("Input.RemovedOn", t["Cctv.Error.RemovedBefore"]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        Camera camera;
        object? before = null;
        if (Existing is { } existing)
        {
            camera = await db.Set<Camera>().FirstAsync(c => c.Id == existing.Id, ct);
            before = CameraInput.From(camera);
        }
        else camera = db.Add(new Camera { Code = CameraCodes.New(), DepartmentCode = Input.Department! }).Entity;
        Input.CopyTo(camera, CameraPurposes.Parse(Input.Purpose)!.Value, recorderId, Input.District is { Length: > 0 } d ? d : districtMap.DistrictAt(Input.Latitude!.Value, Input.Longitude!.Value));
        // Taken off a recorder or out of service: no longer watched, so no outage stays open for it.
        if (camera.RecorderId is null || camera.RemovedOn is not null)
        {
            camera.Health = CameraHealth.NotReporting;
            camera.SilentAfter = null;
            camera.BackAt = null;
        }
        camera.UpdatedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (camera.Health == CameraHealth.NotReporting)
            await db.Set<CameraOutage>().Where(o => o.CameraId == camera.Id && o.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(o => o.EndedAt, now), ct);
        await transaction.CommitAsync(ct);
        await audit.RecordAsync(User, Existing is null ? "cctv.camera.create" : "cctv.camera.edit", "cctv-camera", camera.Code,
            new { before, after = CameraInput.From(camera) }, ct);
        return Redirect($"/admin/cctv/cameras/{camera.Id}?saved=true");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var cameraId = EditRoutes.IdOf(id);
        if (cameraId < 0) return false;
        if (cameraId > 0)
        {
            Existing = await db.Set<Camera>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cameraId, ct);
            if (Existing is null) return false;
        }
        MayEdit = Existing is null ? User.Departments().Count > 0 || User.IsInRole(Roles.Administrator) : User.ActsForDepartment(Existing.DepartmentCode);
        SeesStatus = Existing is { } camera && new StaffView(User, options.CurrentValue).SeesStatus(camera.DepartmentCode, camera.Purpose);
        if (Existing is not null && MayEdit)
            Outages = await db.Set<CameraOutage>().AsNoTracking().Where(o => o.CameraId == cameraId).OrderByDescending(o => o.StartedAt).Take(20).ToListAsync(ct);
        PurposeItems = CameraChoices.Purposes(t, null);
        DepartmentItems = await DepartmentChoices.ItemsAsync(db, include: User.ActsForDepartment, ct: ct);
        DistrictItems = await DistrictChoices.ItemsAsync(db, t["Cctv.DistrictFromPoint"]);
        var departments = DepartmentItems.Select(d => d.Value).ToList();
        // The departments' recorders in service, and the camera's own whatever it is (another department's, retired), shown as it is.
        var current = Existing?.RecorderId;
        RecorderItems = [new(t["Cctv.NoRecorder"], ""), .. await db.Set<CameraRecorder>().AsNoTracking()
            .Where(r => (!r.Retired && departments.Contains(r.DepartmentCode)) || r.Id == current)
            .OrderBy(r => r.Code).Select(r => new SelectListItem(r.Code + " — " + r.Name, r.Id.ToString())).ToListAsync(ct)];
        return true;
    }

    public sealed class CameraInput
    {
        [Display(Name = "Cctv.Purpose")] public string? Purpose { get; set; }
        [Display(Name = "Cctv.Department")] public string? Department { get; set; }
        [Display(Name = "Cctv.Latitude")] public double? Latitude { get; set; }
        [Display(Name = "Cctv.Longitude")] public double? Longitude { get; set; }
        [Display(Name = "Cctv.District")] public string? District { get; set; }
        [Display(Name = "Cctv.Address"), StringLength(Camera.AddressMax, ErrorMessage = "Form.TooLong")] public string? Address { get; set; }
        [Display(Name = "Cctv.LotAddress"), StringLength(Camera.AddressMax, ErrorMessage = "Form.TooLong")] public string? LotAddress { get; set; }
        [Display(Name = "Cctv.CameraCount"), Required(ErrorMessage = "Cctv.Error.Count"), Range(1, 1000, ErrorMessage = "Cctv.Error.Count")] public int? Count { get; set; }
        [Display(Name = "Cctv.InstalledOn")] public DateOnly? InstalledOn { get; set; }
        [Display(Name = "Cctv.ViewDirection"), Range(0, 359, ErrorMessage = "Cctv.Error.Direction")] public int? ViewDirection { get; set; }
        [Display(Name = "Cctv.ViewAngle"), Range(1, 360, ErrorMessage = "Cctv.Error.Angle")] public int? ViewAngle { get; set; }
        [Display(Name = "Cctv.ViewText"), StringLength(Camera.ViewTextMax, ErrorMessage = "Form.TooLong")] public string? ViewText { get; set; }
        [Display(Name = "Cctv.RetentionDays"), Range(0, 3650, ErrorMessage = "Cctv.Error.Retention")] public int? RetentionDays { get; set; }
        [Display(Name = "Cctv.OperatorName"), StringLength(Camera.OperatorMax, ErrorMessage = "Form.TooLong")] public string? OperatorName { get; set; }
        [Display(Name = "Cctv.OperatorContact"), StringLength(Camera.ContactMax, ErrorMessage = "Form.TooLong")] public string? OperatorContact { get; set; }
        [Display(Name = "Cctv.NoticeText"), StringLength(Camera.NoticeMax, ErrorMessage = "Form.TooLong")] public string? Notice { get; set; }
        [Display(Name = "Cctv.Recorder")] public string? Recorder { get; set; }
        [Display(Name = "Cctv.RemovedOn")] public DateOnly? RemovedOn { get; set; }

        public static CameraInput From(Camera c) => new()
        {
            Purpose = c.Purpose.Code(), Department = c.DepartmentCode, Latitude = c.Latitude, Longitude = c.Longitude, District = c.DistrictCode, Address = c.Address,
            LotAddress = c.LotAddress, Count = c.Count, InstalledOn = c.InstalledOn, ViewDirection = c.ViewDirection, ViewAngle = c.ViewAngle, ViewText = c.ViewText,
            RetentionDays = c.RetentionDays, OperatorName = c.OperatorName, OperatorContact = c.OperatorContact, Notice = c.Notice, RemovedOn = c.RemovedOn,
            Recorder = c.RecorderId?.ToString(CultureInfo.InvariantCulture),
        };

        public void CopyTo(Camera c, CameraPurpose purpose, int? recorderId, string? district)
        {
            static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
            c.Purpose = purpose; c.DepartmentCode = Department!; c.Latitude = Latitude!.Value; c.Longitude = Longitude!.Value; c.DistrictCode = district;
            c.Address = Clean(Address); c.LotAddress = Clean(LotAddress); c.Count = Count!.Value; c.InstalledOn = InstalledOn; c.ViewDirection = ViewDirection;
            c.ViewAngle = ViewAngle; c.ViewText = Clean(ViewText); c.RetentionDays = RetentionDays; c.OperatorName = Clean(OperatorName);
            c.OperatorContact = Clean(OperatorContact); c.Notice = Clean(Notice); c.RecorderId = RemovedOn is null ? recorderId : null; c.RemovedOn = RemovedOn;
        }
    }
}
