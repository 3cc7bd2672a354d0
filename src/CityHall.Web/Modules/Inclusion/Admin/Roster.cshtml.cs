using System.Globalization;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Fulfilment;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.Inclusion.Admin;

/// <summary>
/// A class's roster: who holds a seat, attendance per session (ticked by the instructor or
/// supporter), and completion: those who attended at least the class's required sessions are
/// recorded as served. Audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + InclusionModule.Manage)]
public sealed class RosterModel(AppDbContext db, FulfilmentDesk desk, AuditLog audit, IStringLocalizer<Text> t) : PageModel
{
    public ClassCourse Course { get; private set; } = null!;
    public string ProgrammeCode { get; private set; } = "";
    public IReadOnlyList<InclusionApplication> Holders { get; private set; } = [];
    public IReadOnlySet<(long Session, long Application)> Present { get; private set; } = new HashSet<(long, long)>();
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? done = null)
    {
        if (await LoadAsync(id) is { } missing) return missing;
        Done = done is null ? null : t[$"Inclusion.Roster.Done.{done}"].Value;
        return Page();
    }

    /// <summary>Saves the whole grid: each box is "session:application"; an unticked box is an absence.</summary>
    public async Task<IActionResult> OnPostAttendanceAsync(long id)
    {
        if (await LoadAsync(id) is { } missing) return missing;
        var ticked = Request.Form["present"].Select(v => v?.Split(':') is [var s, var a] && long.TryParse(s, CultureInfo.InvariantCulture, out var session)
            && long.TryParse(a, CultureInfo.InvariantCulture, out var application) ? (session, application) : (-1L, -1L)).ToHashSet();
        var sessions = Course.Sessions.Select(s => s.Id).ToList();
        var existing = await db.Set<Attendance>().Where(x => sessions.Contains(x.SessionId)).ToListAsync(HttpContext.RequestAborted);
        var me = ApplicationActor.Staff(User).Id;
        foreach (var session in sessions)
            foreach (var holder in Holders)
            {
                var present = ticked.Contains((session, holder.Id));
                var row = existing.FirstOrDefault(x => x.SessionId == session && x.ApplicationId == holder.Id);
                if (row is null) db.Add(new Attendance { SessionId = session, ApplicationId = holder.Id, Present = present, RecordedBy = me });
                else if (row.Present != present) (row.Present, row.RecordedBy) = (present, me);
            }
        await audit.RecordAsync(User, "inclusion.attendance", "inclusion-class", id.ToString(CultureInfo.InvariantCulture), new { present = ticked.Count(x => x.Item1 > 0) }, HttpContext.RequestAborted);
        return Redirect($"/admin/inclusion/classes/{id}?done=attendance");
    }

    /// <summary>Everyone with enough sessions attended is recorded as having completed the class.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(long id)
    {
        var ct = HttpContext.RequestAborted;
        if (await LoadAsync(id) is { } missing) return missing;
        var completed = new List<string>();
        foreach (var holder in Holders.Where(h => h.State == ApplicationState.Scheduled))
        {
            var attended = Course.Sessions.Count(s => Present.Contains((s.Id, holder.Id)));
            if (attended < Course.CompletionSessions) continue;
            var application = await db.Set<InclusionApplication>().FirstAsync(a => a.Id == holder.Id, ct);
            var record = new FulfilmentRecord { Kind = FulfilmentKind.ClassSeat, RecordedBy = "", Notes = t["Inclusion.Roster.CompletedNote", attended, Course.Sessions.Count].Value };
            if (await desk.RecordAsync(application, record, ApplicationActor.Staff(User), ct) is null) completed.Add(application.Reference);
        }
        await audit.RecordAsync(User, "inclusion.class.complete", "inclusion-class", id.ToString(CultureInfo.InvariantCulture), new { completed }, ct);
        return Redirect($"/admin/inclusion/classes/{id}?done=complete");
    }

    public int Attended(long applicationId) => Course.Sessions.Count(s => Present.Contains((s.Id, applicationId)));

    private async Task<IActionResult?> LoadAsync(long id)
    {
        var ct = HttpContext.RequestAborted;
        var course = await db.Set<ClassCourse>().AsNoTracking().Include(c => c.Sessions).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (course is null) return NotFound();
        course.Sessions = [.. course.Sessions.OrderBy(s => s.StartsAt)];
        Course = course;
        ProgrammeCode = await db.Set<InclusionProgramme>().Where(p => p.Id == course.ProgrammeId).Select(p => p.Code).FirstAsync(ct);
        var holderIds = db.Set<ClassSeat>().Where(s => s.ClassId == id).Select(s => s.ApplicationId);
        Holders = await db.Set<InclusionApplication>().AsNoTracking().Where(a => holderIds.Contains(a.Id)).OrderBy(a => a.ApplicantName).ToListAsync(ct);
        var sessionIds = course.Sessions.Select(s => s.Id).ToList();
        Present = (await db.Set<Attendance>().AsNoTracking().Where(x => sessionIds.Contains(x.SessionId) && x.Present).Select(x => new { x.SessionId, x.ApplicationId }).ToListAsync(ct))
            .Select(x => (x.SessionId, x.ApplicationId)).ToHashSet();
        return null;
    }
}
