using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>The outcome of a staff action: done, or refused with the resource key of the reason.</summary>
public sealed record CaseActionResult(bool Done, string? ErrorKey = null)
{
    public static readonly CaseActionResult Ok = new(true);
    public static CaseActionResult Refused(string key) => new(false, key);
}

/// <summary>
/// What staff do to a case: assign a handler, move it through its stages, reply, note internally,
/// extend the deadline once (with the reason told to the citizen), pass it to the department it
/// belongs to, mark it a duplicate of another. Each action is one transaction with its history
/// entry, its audit entry and, when the citizen should know, the messages to the reporter (by the
/// channels chosen on the report) and to everyone following the case.
/// </summary>
public sealed class CaseWork(AppDbContext db, AuditLog audit, CaseNotifier notifier, DeadlineCalculator deadlines, ServiceDirectory directory,
    TimeProvider clock, IStringLocalizer<Text> t)
{
    /// <summary>Stages an official may move a case to by hand (waiting comes with an extension, duplicate with its original).</summary>
    public static readonly RequestStatus[] SettableStatuses = [RequestStatus.InProgress, RequestStatus.Resolved, RequestStatus.Closed, RequestStatus.Rejected];

    public static bool MayHandle(ClaimsPrincipal user, ServiceRequest c) => MayHandle(user, c.DepartmentCode);

    /// <summary>Officials of the responsible department; administrators for every case, and alone for a case no department holds yet.</summary>
    public static bool MayHandle(ClaimsPrincipal user, string? departmentCode) =>
        user.HasPermission(ServiceRequestsModule.Handle) && (departmentCode is null ? user.IsInRole(Roles.Administrator) : user.ActsForDepartment(departmentCode));

    /// <summary>Built with an initializer, not a constructor, so queries can still sort and filter on it.</summary>
    public sealed class Official
    {
        public required string Id { get; init; }
        public required string DisplayName { get; init; }
    }

    /// <summary>The officials of a department: the ones a case there may be assigned to.</summary>
    public IQueryable<Official> OfficialsOf(string departmentCode) =>
        db.Set<Platform.City.Department>().Where(d => d.Code == departmentCode)
            .Join(db.Set<StaffDepartment>(), d => d.Id, m => m.DepartmentId, (d, m) => m.UserId)
            .Join(db.Users, id => id, u => u.Id, (id, u) => new Official { Id = u.Id, DisplayName = u.DisplayName });

    public async Task<CaseActionResult> AssignAsync(ClaimsPrincipal actor, ServiceRequest c, string handlerId, CancellationToken ct = default)
    {
        var handler = await db.Users.AsNoTracking().Where(u => u.Id == handlerId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (handler is null) return CaseActionResult.Refused("Reports.CaseWork.HandlerUnknown");
        if (c.DepartmentCode is { } department && !await OfficialsOf(department).AnyAsync(o => o.Id == handlerId, ct))
            return CaseActionResult.Refused("Reports.CaseWork.HandlerNotInDepartment");
        c.HandlerId = handlerId;
        if (c.Status == RequestStatus.Received) c.Status = RequestStatus.Assigned;
        Add(c, actor, CaseEventKind.Assigned, null, internalOnly: false);
        Add(c, actor, CaseEventKind.Note, t["Reports.CaseWork.AssignedTo", handler.DisplayName], internalOnly: true);
        await notifier.TellAsync(c, "Reports.CaseWork.Message.Assigned", ct);
        await RecordAsync(actor, "assign", c, new { Handler = handler.DisplayName }, ct);
        return CaseActionResult.Ok;
    }

    /// <summary>To in progress, resolved, closed or rejected; resolving and rejecting need an answer the citizen will read.</summary>
    public async Task<CaseActionResult> SetStatusAsync(ClaimsPrincipal actor, ServiceRequest c, RequestStatus status, string? answer, CancellationToken ct = default)
    {
        if (!SettableStatuses.Contains(status)) return CaseActionResult.Refused("Reports.CaseWork.StatusNotAllowed");
        answer = Trim(answer);
        if (status is RequestStatus.Resolved or RequestStatus.Rejected && answer is null) return CaseActionResult.Refused("Reports.CaseWork.AnswerRequired");
        // The answer is also the case's public status note, which holds 1,000 characters: longer ones go as a reply.
        if (answer is { Length: > 1000 }) return CaseActionResult.Refused("Reports.CaseWork.AnswerTooLong");
        var now = clock.GetUtcNow().UtcDateTime;
        c.Status = status;
        c.ClosedAt = ServiceRequestStates.IsClosed(status) ? now : null;
        if (answer is not null) c.StatusNotes = answer;
        Add(c, actor, CaseEventKind.Status, answer, internalOnly: false);
        await notifier.TellAsync(c, "Reports.CaseWork.Message.Status", ct, t[$"ServiceRequests.Status.{status}"].Value);
        await RecordAsync(actor, "status", c, new { Status = status.ToString(), answer }, ct);
        return CaseActionResult.Ok;
    }

    public async Task<CaseActionResult> ReplyAsync(ClaimsPrincipal actor, ServiceRequest c, string? text, CancellationToken ct = default)
    {
        if (Trim(text) is not { } reply) return CaseActionResult.Refused("Reports.CaseWork.TextRequired");
        Add(c, actor, CaseEventKind.Reply, reply, internalOnly: false);
        await notifier.TellAsync(c, "Reports.CaseWork.Message.Reply", ct);
        await RecordAsync(actor, "reply", c, new { reply }, ct);
        return CaseActionResult.Ok;
    }

    /// <summary>For staff only: never shown to the citizen, never sent.</summary>
    public async Task<CaseActionResult> NoteAsync(ClaimsPrincipal actor, ServiceRequest c, string? text, CancellationToken ct = default)
    {
        if (Trim(text) is not { } note) return CaseActionResult.Refused("Reports.CaseWork.TextRequired");
        Add(c, actor, CaseEventKind.Note, note, internalOnly: true);
        await RecordAsync(actor, "note", c, null, ct);
        return CaseActionResult.Ok;
    }

    /// <summary>The one extension the law allows: the same length again, the citizen told why.</summary>
    public async Task<CaseActionResult> ExtendAsync(ClaimsPrincipal actor, ServiceRequest c, string? reason, CancellationToken ct = default)
    {
        if (Trim(reason) is not { } why) return CaseActionResult.Refused("Reports.CaseWork.ReasonRequired");
        if (c.ExtendedAt is not null) return CaseActionResult.Refused("Reports.CaseWork.AlreadyExtended");
        if (c.DueAt is not { } due || ServiceRequestStates.IsClosed(c.Status)) return CaseActionResult.Refused("Reports.CaseWork.NotExtendable");
        var service = (await directory.GetAsync(ct)).ByCode.GetValueOrDefault(c.ServiceCode)
            ?? await db.Set<ServiceDefinition>().AsNoTracking().FirstAsync(s => s.Code == c.ServiceCode, ct);
        if (!service.Deadline.Extendable) return CaseActionResult.Refused("Reports.CaseWork.NotExtendable");
        c.DueAt = deadlines.ExtendedDueAt(new DateTimeOffset(due, TimeSpan.Zero), service.Deadline).UtcDateTime;
        c.ExtendedAt = clock.GetUtcNow().UtcDateTime;
        c.Status = RequestStatus.Waiting;
        Add(c, actor, CaseEventKind.Extended, why, internalOnly: false);
        await notifier.TellAsync(c, "Reports.CaseWork.Message.Extended", ct, why);
        await RecordAsync(actor, "extend", c, new { reason = why, due = c.DueAt }, ct);
        return CaseActionResult.Ok;
    }

    /// <summary>"Not our responsibility": to the department it belongs to, with a note for them; it starts there as received.</summary>
    public async Task<CaseActionResult> TransferAsync(ClaimsPrincipal actor, ServiceRequest c, string? department, string? note, CancellationToken ct = default)
    {
        if (Trim(note) is not { } why) return CaseActionResult.Refused("Reports.CaseWork.ReasonRequired");
        var catalogue = await directory.GetAsync(ct);
        if (department is null || !catalogue.DepartmentByCode.ContainsKey(department) || department == c.DepartmentCode)
            return CaseActionResult.Refused("Reports.CaseWork.DepartmentUnknown");
        var from = c.DepartmentCode;
        c.DepartmentCode = department;
        c.HandlerId = null;
        c.Status = RequestStatus.Received;
        Add(c, actor, CaseEventKind.Transferred, null, internalOnly: false);
        Add(c, actor, CaseEventKind.Note, why, internalOnly: true);
        await notifier.TellAsync(c, "Reports.CaseWork.Message.Transferred", ct, catalogue.DepartmentByCode[department].Name(CultureInfo.CurrentUICulture));
        await RecordAsync(actor, "transfer", c, new { from, to = department, note = why }, ct);
        return CaseActionResult.Ok;
    }

    /// <summary>The same problem as another open or closed case: closed here, and the reporter follows the original.</summary>
    public async Task<CaseActionResult> MarkDuplicateAsync(ClaimsPrincipal actor, ServiceRequest c, string? originalReference, CancellationToken ct = default)
    {
        var key = Trim(originalReference)?.ToUpperInvariant();
        var original = key is null ? null : await db.Set<ServiceRequest>().AsNoTracking().Where(r => r.Reference == key && r.Id != c.Id)
            .Select(r => new { r.Id, r.Reference, r.ReporterId }).FirstOrDefaultAsync(ct);
        if (original is null) return CaseActionResult.Refused("Reports.CaseWork.OriginalUnknown");
        c.Status = RequestStatus.Duplicate;
        c.DuplicateOfId = original.Id;
        c.ClosedAt = clock.GetUtcNow().UtcDateTime;
        Add(c, actor, CaseEventKind.Duplicate, original.Reference, internalOnly: false);
        if (c.ReporterId is { } reporter && reporter != original.ReporterId
            && !await db.Set<ServiceRequestFollower>().AnyAsync(f => f.RequestId == original.Id && f.UserId == reporter, ct))
            db.Add(new ServiceRequestFollower { RequestId = original.Id, UserId = reporter, FollowedAt = clock.GetUtcNow().UtcDateTime });
        await notifier.TellAsync(c, "Reports.CaseWork.Message.Duplicate", ct, original.Reference!);
        await RecordAsync(actor, "duplicate", c, new { original = original.Reference }, ct);
        return CaseActionResult.Ok;
    }

    private void Add(ServiceRequest c, ClaimsPrincipal actor, CaseEventKind kind, string? text, bool internalOnly)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        c.UpdatedAt = now;
        db.Add(new ServiceRequestEvent
        {
            RequestId = c.Id, Kind = kind, Status = c.Status, At = now, Internal = internalOnly, Text = text,
            ActorId = actor.FindFirstValue(ClaimTypes.NameIdentifier), ActorName = actor.Identity?.Name,
        });
    }

    private async Task RecordAsync(ClaimsPrincipal actor, string action, ServiceRequest c, object? details, CancellationToken ct) =>
        await audit.RecordAsync(actor, "servicerequest." + action, "service-request", c.Reference, details, ct);

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
