using CityHall.Web.Platform.City;
using System.Globalization;
using System.Text.RegularExpressions;
using CityHall.Web.Modules.Cctv.Status;
using CityHall.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Cctv.Admin;

/// <summary>
/// The recorders that report for cameras: added by a department with the interval they send at, each given a key shown
/// once (the device is configured with it; the city keeps it encrypted), rotated with an overlap in which the old key
/// still works, retired; and the department's cameras put on a recorder by their codes. Every official with the
/// permission sees the list; keys and cameras are the recorder's department's to change. Audited; never the key.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CctvModule.Manage)]
public sealed partial class RecordersModel(AppDbContext db, RecorderKeys keys, AuditLog audit, IOptionsMonitor<CctvOptions> options, TimeProvider clock,
    IStringLocalizer<Text> t) : PageModel
{
    public sealed record Row(CameraRecorder Recorder, int Cameras, bool MayChange);

    [BindProperty] public RecorderInput Input { get; set; } = new();
    [BindProperty] public AssignInput Assign { get; set; } = new();
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OwnRecorderItems { get; private set; } = [];
    /// <summary>A key just issued, shown this once.</summary>
    public (string Recorder, string Key)? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.IntervalSeconds = options.CurrentValue.DefaultIntervalSeconds;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.CheckOnly("Input.");
        await LoadAsync(ct);
        if (!DepartmentItems.Any(d => d.Value == Input.Department)) ModelState.AddModelError("Input.Department", t["Cctv.Error.Department"]);
        var code = (Input.Code ?? "").Trim().ToUpperInvariant();
        if (!CodePattern().IsMatch(code)) ModelState.AddModelError("Input.Code", t["Cctv.Recorder.Error.Code"]);
        else if (await db.Set<CameraRecorder>().AnyAsync(r => r.Code == code, ct)) ModelState.AddModelError("Input.Code", t["Cctv.Recorder.Error.CodeTaken"]);
        if (!ModelState.IsValid) return Page();
        var (key, protectedKey) = keys.Issue();
        var now = clock.GetUtcNow().UtcDateTime;
        var recorder = db.Add(new CameraRecorder
        {
            Code = code, Name = (Input.Name ?? "").Trim(), DepartmentCode = Input.Department!, IntervalSeconds = Input.IntervalSeconds!.Value,
            KeyProtected = protectedKey, KeyIssuedAt = now, UpdatedAt = now,
        }).Entity;
        await db.SaveChangesAsync(ct);
        keys.Invalidate();
        await audit.RecordAsync(User, "cctv.recorder.create", "cctv-recorder", recorder.Code, new { recorder.Name, recorder.DepartmentCode, recorder.IntervalSeconds }, ct);
        Issued = (recorder.Code, key);
        Input = new RecorderInput { IntervalSeconds = options.CurrentValue.DefaultIntervalSeconds };
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A new key; the one before keeps working for <see cref="CctvOptions.KeyOverlapMinutes"/>.</summary>
    public async Task<IActionResult> OnPostRotateAsync(int id, CancellationToken ct)
    {
        if (await OwnAsync(id, ct) is not { } recorder) return NotFound();
        var (key, protectedKey) = keys.Issue();
        var now = clock.GetUtcNow().UtcDateTime;
        recorder.PreviousKeyProtected = recorder.KeyProtected;
        recorder.PreviousKeyUntil = now.AddMinutes(options.CurrentValue.KeyOverlapMinutes);
        recorder.KeyProtected = protectedKey;
        recorder.KeyIssuedAt = now;
        recorder.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        keys.Invalidate();
        await audit.RecordAsync(User, "cctv.recorder.rotate", "cctv-recorder", recorder.Code, new { overlapUntil = recorder.PreviousKeyUntil }, ct);
        Issued = (recorder.Code, key);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>No key works any more and its cameras are no longer watched (their open outages end now).</summary>
    public async Task<IActionResult> OnPostRetireAsync(int id, CancellationToken ct)
    {
        if (await OwnAsync(id, ct) is not { } recorder) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        recorder.Retired = true;
        recorder.KeyProtected = null;
        recorder.PreviousKeyProtected = null;
        recorder.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        var cameras = db.Set<Camera>().Where(c => c.RecorderId == id);
        await db.Set<CameraOutage>().Where(o => o.EndedAt == null && cameras.Any(c => c.Id == o.CameraId)).ExecuteUpdateAsync(u => u.SetProperty(o => o.EndedAt, now), ct);
        await cameras.ExecuteUpdateAsync(u => u.SetProperty(c => c.RecorderId, (int?)null).SetProperty(c => c.Health, CameraHealth.NotReporting)
            .SetProperty(c => c.SilentAfter, (DateTime?)null).SetProperty(c => c.BackAt, (DateTime?)null).SetProperty(c => c.UpdatedAt, now), ct);
        await transaction.CommitAsync(ct);
        keys.Invalidate();
        await audit.RecordAsync(User, "cctv.recorder.retire", "cctv-recorder", recorder.Code, null, ct);
        return Redirect("/admin/cctv/recorders");
    }

    /// <summary>Puts cameras on the recorder by their codes (one a line, or separated by spaces or commas): all the recorder's department's and in service, or none.</summary>
    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        ModelState.CheckOnly("Assign.");
        var id = Assign.Recorder ?? 0;
        if (await OwnAsync(id, ct) is not { } recorder)
        {
            ModelState.AddModelError("Assign.Recorder", t["Cctv.Error.Recorder"]);
            await LoadAsync(ct);
            return Page();
        }
        var codes = (Assign.Codes ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (codes.Count == 0) ModelState.AddModelError("Assign.Codes", t["Cctv.Recorder.Error.NoCodes"]);
        else
        {
            var found = await db.Set<Camera>().Where(c => codes.Contains(c.Code) && c.RemovedOn == null && c.DepartmentCode == recorder.DepartmentCode).Select(c => c.Code).ToListAsync(ct);
            if (codes.Except(found).ToList() is { Count: > 0 } wrong)
                ModelState.AddModelError("Assign.Codes", t["Cctv.Recorder.Error.NotOurs", string.Join(", ", wrong.Take(20))]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        // Moved from another recorder: watched afresh from this one's first batch.
        var moved = await db.Set<Camera>().Where(c => codes.Contains(c.Code) && c.RecorderId != id).ExecuteUpdateAsync(u => u.SetProperty(c => c.RecorderId, id)
            .SetProperty(c => c.UpdatedAt, clock.GetUtcNow().UtcDateTime), ct);
        await audit.RecordAsync(User, "cctv.recorder.assign", "cctv-recorder", recorder.Code, new { cameras = codes }, ct);
        return Redirect($"/admin/cctv/recorders?assigned={moved}");
    }

    private async Task<CameraRecorder?> OwnAsync(int id, CancellationToken ct) =>
        await db.Set<CameraRecorder>().FirstOrDefaultAsync(r => r.Id == id && !r.Retired, ct) is { } r && User.ActsForDepartment(r.DepartmentCode) ? r : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        DepartmentItems = await DepartmentChoices.ItemsAsync(db, include: User.ActsForDepartment, ct: ct);
        if (string.IsNullOrEmpty(Input.Department)) Input.Department = (DepartmentItems.Count > 0 ? DepartmentItems[0].Value : "");
        var counts = await db.Set<Camera>().Where(c => c.RecorderId != null).GroupBy(c => c.RecorderId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var recorders = await db.Set<CameraRecorder>().AsNoTracking().OrderBy(r => r.Retired).ThenBy(r => r.Code).ToListAsync(ct);
        Rows = recorders.Select(r => new Row(r, counts.GetValueOrDefault(r.Id), !r.Retired && User.ActsForDepartment(r.DepartmentCode))).ToList();
        OwnRecorderItems = Rows.Where(r => r.MayChange).Select(r => new SelectListItem(r.Recorder.Code + " — " + r.Recorder.Name, r.Recorder.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,39}$")]
    private static partial Regex CodePattern();

    public sealed class RecorderInput
    {
        [Display(Name = "Cctv.Recorder.Code"), Required(ErrorMessage = "Cctv.Recorder.Error.Code")] public string Code { get; set; } = "";
        [Display(Name = "Cctv.Recorder.Name"), Required(ErrorMessage = "Cctv.Recorder.Error.Name"), StringLength(CameraRecorder.NameMax, ErrorMessage = "Form.TooLong")]
        public string Name { get; set; } = "";
        [Display(Name = "Cctv.Department")] public string? Department { get; set; }
        [Display(Name = "Cctv.Recorder.Interval"), Required(ErrorMessage = "Cctv.Recorder.Error.Interval"), Range(10, 3600, ErrorMessage = "Cctv.Recorder.Error.Interval")]
        public int? IntervalSeconds { get; set; }
    }

    public sealed class AssignInput
    {
        [Display(Name = "Cctv.Recorder")] public int? Recorder { get; set; }
        [Display(Name = "Cctv.Recorder.Cameras")] public string? Codes { get; set; }
    }
}
