using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.ServiceRequests.Admin;

/// <summary>
/// One case for the officials handling it: everything the citizen sent, the deadline clock, the
/// whole history with internal notes, and the actions — assign, change stage with an answer, reply
/// (from a template), note, extend once, pass to another department, mark as a duplicate.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + ServiceRequestsModule.Handle)]
public sealed class CaseModel(AppDbContext db, CaseWork work, ServiceDirectory directory, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    public ServiceRequest Case { get; private set; } = null!;
    public ServiceDefinition? Service { get; private set; }
    public ServiceDirectory.Snapshot Catalogue { get; private set; } = null!;
    public IReadOnlyList<ServiceRequestEvent> History { get; private set; } = [];
    public IReadOnlyList<int> PhotoPositions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Handlers { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Statuses { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];
    public IReadOnlyList<ReplyTemplate> Templates { get; private set; } = [];
    public string? HandlerName { get; private set; }
    public string? ReporterName { get; private set; }
    public DateTime Now { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public string? HandlerId { get; set; }
    [BindProperty] public string? NewStatus { get; set; }
    [BindProperty, Display(Name = "Reports.Case.Answer")] public string? Answer { get; set; }
    [BindProperty, Display(Name = "Reports.Case.ReplyText")] public string? ReplyText { get; set; }
    [BindProperty, Display(Name = "Reports.Case.NoteText")] public string? NoteText { get; set; }
    [BindProperty, Display(Name = "Reports.Case.ExtendReason")] public string? ExtendReason { get; set; }
    [BindProperty] public string? TransferTo { get; set; }
    [BindProperty, Display(Name = "Reports.Case.TransferNote")] public string? TransferNote { get; set; }
    [BindProperty, Display(Name = "Reports.Case.Original")] public string? Original { get; set; }

    public async Task<IActionResult> OnGetAsync(string reference, long? template, string? done)
    {
        if (await LoadAsync(reference) is { } refused) return refused;
        Done = done;
        if (template is { } id && Templates.FirstOrDefault(x => x.Id == id) is { } chosen) ReplyText = chosen.Body;
        return Page();
    }

    public Task<IActionResult> OnPostAssignAsync(string reference) => ActAsync(reference, "assign", "HandlerId", c => work.AssignAsync(User, c, HandlerId ?? ""));
    public Task<IActionResult> OnPostStatusAsync(string reference) => ActAsync(reference, "status", "Answer",
        c => Enum.TryParse<RequestStatus>(NewStatus, out var s) ? work.SetStatusAsync(User, c, s, Answer) : Task.FromResult(CaseActionResult.Refused("Reports.CaseWork.StatusNotAllowed")));
    public Task<IActionResult> OnPostReplyAsync(string reference) => ActAsync(reference, "reply", "ReplyText", c => work.ReplyAsync(User, c, ReplyText));
    public Task<IActionResult> OnPostNoteAsync(string reference) => ActAsync(reference, "note", "NoteText", c => work.NoteAsync(User, c, NoteText));
    public Task<IActionResult> OnPostExtendAsync(string reference) => ActAsync(reference, "extend", "ExtendReason", c => work.ExtendAsync(User, c, ExtendReason));
    public Task<IActionResult> OnPostTransferAsync(string reference) => ActAsync(reference, "transfer", "TransferNote", c => work.TransferAsync(User, c, TransferTo, TransferNote));
    public Task<IActionResult> OnPostDuplicateAsync(string reference) => ActAsync(reference, "duplicate", "Original", c => work.MarkDuplicateAsync(User, c, Original));

    /// <summary>Runs one action; on refusal the page again with the reason at the action's field.</summary>
    private async Task<IActionResult> ActAsync(string reference, string action, string field, Func<ServiceRequest, Task<CaseActionResult>> act)
    {
        if (await LoadAsync(reference) is { } refused) return refused;
        var result = await act(Case);
        if (result.Done)
        {
            // After a transfer the case may no longer be this official's: back to the queue then.
            return CaseWork.MayHandle(User, Case) ? Redirect($"/admin/service-requests/{Case.Reference}?done={action}") : Redirect("/admin/service-requests?done=transfer");
        }
        ModelState.AddModelError(field, t[result.ErrorKey!]);
        await LoadAsync(reference);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string reference)
    {
        var key = reference.ToUpperInvariant();
        var found = await db.Set<ServiceRequest>().FirstOrDefaultAsync(r => r.Reference == key);
        if (found is null) return NotFound();
        if (!CaseWork.MayHandle(User, found)) return Forbid();
        Case = found;
        Now = clock.GetUtcNow().UtcDateTime;
        Catalogue = await directory.GetAsync(HttpContext.RequestAborted);
        Service = Catalogue.ByCode.GetValueOrDefault(found.ServiceCode);
        History = await db.Set<ServiceRequestEvent>().AsNoTracking().Where(e => e.RequestId == found.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();
        PhotoPositions = await db.Set<ServiceRequestPhoto>().Where(p => p.RequestId == found.Id).OrderBy(p => p.Position).Select(p => p.Position).ToListAsync();
        HandlerName = found.HandlerId is null ? null : await db.Users.Where(u => u.Id == found.HandlerId).Select(u => u.DisplayName).FirstOrDefaultAsync();
        ReporterName = found.ReporterId is null ? null : await db.Users.Where(u => u.Id == found.ReporterId).Select(u => u.DisplayName).FirstOrDefaultAsync();
        var culture = CultureInfo.CurrentUICulture;
        var staff = found.DepartmentCode is null ? [] : await work.OfficialsOf(found.DepartmentCode).OrderBy(u => u.DisplayName).ToListAsync();
        Handlers = [new(t["Reports.Case.ChooseHandler"], ""), .. staff.Select(s => new SelectListItem(s.DisplayName, s.Id, s.Id == found.HandlerId))];
        Statuses = CaseWork.SettableStatuses.Select(s => new SelectListItem(t[$"ServiceRequests.Status.{s}"], s.ToString())).ToList();
        Departments = [new(t["Reports.Case.ChooseDepartment"], ""), .. Catalogue.DepartmentByCode.Values.Where(d => d.Code != found.DepartmentCode)
            .Select(d => new SelectListItem(d.Name(culture), d.Code)).OrderBy(i => i.Text, StringComparer.Create(culture, false))];
        Templates = await db.Set<ReplyTemplate>().AsNoTracking().Where(x => x.DepartmentCode == null || x.DepartmentCode == found.DepartmentCode)
            .OrderBy(x => x.Title).ToListAsync();
        return null;
    }

    /// <summary>"3 days 4 hours left" or "overdue by 2 hours": the deadline clock in words.</summary>
    public string Clock()
    {
        if (Case.DueAt is not { } due) return t["Reports.Case.NoDeadline"];
        if (ServiceRequestStates.IsClosed(Case.Status)) return Case.ClosedAt is { } closed && closed <= due ? t["Reports.Case.ClosedInTime"] : t["Reports.Case.ClosedLate"];
        var left = due - Now;
        var span = left.Duration();
        var words = span.TotalDays >= 1 ? t["Reports.Case.DaysHours", (int)span.TotalDays, span.Hours].Value : t["Reports.Case.HoursMinutes", (int)span.TotalHours, span.Minutes].Value;
        return left >= TimeSpan.Zero ? t["Reports.Case.Left", words] : t["Reports.Case.OverdueBy", words];
    }
}
