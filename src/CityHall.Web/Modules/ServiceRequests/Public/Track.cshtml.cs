using System.Security.Claims;

namespace CityHall.Web.Modules.ServiceRequests.Public;

/// <summary>
/// A case by its reference: where it stands, when it is due, what the city said at each stage.
/// The reference is hard to guess, so it is the tracking code: anyone holding it sees the stage of a
/// private case, and only its reporter and the officials in charge see what it says, its photos and the replies. After closing,
/// the reporter rates the answer, and may say once, with a reason, that it is not solved.
/// </summary>
public sealed class TrackModel(AppDbContext db, ServiceDirectory directory, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    public ServiceRequest Case { get; private set; } = null!;
    public ServiceDefinition? Service { get; private set; }
    public IReadOnlyList<ServiceRequestEvent> History { get; private set; } = [];
    public IReadOnlyList<int> PhotoPositions { get; private set; } = [];
    public bool IsReporter { get; private set; }
    public bool IsStaff { get; private set; }
    /// <summary>Description, place, photos and replies: for public cases, and for the reporter and the officials in charge of private ones.</summary>
    public bool ShowsContent => ServiceRequestStates.SeesContent(User, Case.IsPublic, Case.ReporterId, Case.DepartmentCode);
    /// <summary>Open past its due time by the app's clock (not the machine's: a test or a replay may run it at another time).</summary>
    public bool IsOverdue => !ServiceRequestStates.IsClosed(Case.Status) && Case.DueAt is { } due && due < clock.GetUtcNow().UtcDateTime;
    public bool IsFollowing { get; private set; }
    public bool JustSubmitted { get; private set; }
    public string? DepartmentName { get; private set; }
    public bool CanRate => IsReporter && ServiceRequestStates.IsClosed(Case.Status) && Case.Rating is null && Case.Status != RequestStatus.Duplicate;
    public bool CanReopen => IsReporter && Case.Status is RequestStatus.Resolved or RequestStatus.Closed && Case.ReopenedAt is null;
    public bool CanFollow => !IsReporter && User.Identity?.IsAuthenticated == true && Case.IsPublic && !IsFollowing && !ServiceRequestStates.IsClosed(Case.Status);

    [BindProperty]
    [Display(Name = "Reports.Track.Rating")]
    [Range(1, 5, ErrorMessage = "Reports.Track.RatingRange")]
    public int? Rating { get; set; }

    [BindProperty]
    [Display(Name = "Reports.Track.RatingComment")]
    [StringLength(1000, ErrorMessage = "Reports.Track.CommentLength")]
    public string? RatingComment { get; set; }

    [BindProperty]
    [Display(Name = "Reports.Track.ReopenReason")]
    [StringLength(1000, ErrorMessage = "Reports.Track.CommentLength")]
    public string? ReopenReason { get; set; }

    /// <summary>1 to 5, each with its words ("1 – very dissatisfied").</summary>
    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> RatingItems =>
        Enumerable.Range(1, 5).Select(i => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(t[$"Reports.Track.Stars{i}"].Value,
            i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(string reference, bool @new = false)
    {
        if (!await LoadAsync(reference, tracked: false)) return NotFound();
        JustSubmitted = @new && IsReporter;
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostFollowAsync(string reference)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (!await LoadAsync(reference, tracked: false)) return NotFound();
        if (CanFollow)
        {
            db.Add(new ServiceRequestFollower { RequestId = Case.Id, UserId = UserId!, FollowedAt = clock.GetUtcNow().UtcDateTime });
            try { await db.SaveChangesAsync(); }
            catch (DbUpdateException) { /* followed twice at once: once is enough */ }
        }
        return Redirect($"/reports/{Case.Reference}?followed=true");
    }

    public async Task<IActionResult> OnPostRateAsync(string reference)
    {
        if (!await LoadAsync(reference, tracked: true)) return NotFound();
        if (!CanRate) return Forbid();
        if (Rating is null) ModelState.AddModelError(nameof(Rating), t["Reports.Track.RatingRequired"]);
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        Case.Rating = Rating;
        Case.RatingComment = string.IsNullOrWhiteSpace(RatingComment) ? null : RatingComment.Trim();
        Case.Events.Add(new ServiceRequestEvent { Kind = CaseEventKind.Rated, Status = Case.Status, At = now, ActorId = UserId, Text = Case.RatingComment });
        await db.SaveChangesAsync();
        return Redirect($"/reports/{Case.Reference}?rated=true");
    }

    public async Task<IActionResult> OnPostReopenAsync(string reference)
    {
        if (!await LoadAsync(reference, tracked: true)) return NotFound();
        if (!CanReopen) return Forbid();
        if (string.IsNullOrWhiteSpace(ReopenReason)) ModelState.AddModelError(nameof(ReopenReason), t["Reports.Track.ReopenReasonRequired"]);
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        Case.ReopenedAt = now;
        Case.ReopenReason = ReopenReason!.Trim();
        Case.Status = RequestStatus.InProgress;
        Case.ClosedAt = null;
        Case.UpdatedAt = now;
        Case.Events.Add(new ServiceRequestEvent { Kind = CaseEventKind.Reopened, Status = Case.Status, At = now, ActorId = UserId, Text = Case.ReopenReason });
        await db.SaveChangesAsync();
        return Redirect($"/reports/{Case.Reference}?reopened=true");
    }

    private async Task<bool> LoadAsync(string reference, bool tracked)
    {
        var key = reference.Trim().ToUpperInvariant();
        var query = tracked ? db.Set<ServiceRequest>() : db.Set<ServiceRequest>().AsNoTracking();
        // A batch report is tracked by its token until it is accepted.
        var found = await query.Include(r => r.Events).FirstOrDefaultAsync(r => r.Reference == key || r.Token == reference);
        if (found is null) return false;
        Case = found;
        var me = UserId;
        IsReporter = ServiceRequestStates.IsReporter(User, found.ReporterId);
        IsStaff = CaseWork.MayHandle(User, found);
        IsFollowing = me is not null && await db.Set<ServiceRequestFollower>().AnyAsync(f => f.RequestId == found.Id && f.UserId == me);
        History = found.Events.Where(e => !e.Internal).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        PhotoPositions = await db.Set<ServiceRequestPhoto>().Where(p => p.RequestId == found.Id).OrderBy(p => p.Position).Select(p => p.Position).ToListAsync();
        var catalogue = await directory.GetAsync(HttpContext.RequestAborted);
        Service = catalogue.ByCode.GetValueOrDefault(found.ServiceCode);
        DepartmentName = found.DepartmentCode is { } d && catalogue.DepartmentByCode.TryGetValue(d, out var unit)
            ? unit.Name(System.Globalization.CultureInfo.CurrentUICulture) : null;
        return true;
    }
}
