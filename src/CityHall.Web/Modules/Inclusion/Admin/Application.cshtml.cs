using System.Globalization;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Eligibility;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Modules.Inclusion.Selection;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Inclusion.Admin;

/// <summary>
/// One application for staff: the answers, documents and history (with who acted), the rules'
/// verdict on what has been verified, and the actions its state allows — record what was checked
/// and decide, ask for information, score it on the panel, record an accepted offer or a paid
/// co-payment, or move it on with a reason. Refused moves are explained; every action is audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + InclusionModule.Manage)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class ApplicationModel(ApplicationIntake intake, Fulfilment.FulfilmentDesk desk, AppDbContext db, AuditLog audit, TimeProvider clock,
    CityClock cityClock, Microsoft.Extensions.Options.IOptionsMonitor<InclusionOptions> options, IStringLocalizer<Text> t) : PageModel
{
    public ApplicationFile Current { get; private set; } = null!;
    public IReadOnlyList<ApplicationEvent> History { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ActorNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];
    public IReadOnlyDictionary<string, string> DistrictNames { get; private set; } = new Dictionary<string, string>();
    public EligibilityDecision Decision { get; private set; } = null!;
    public IReadOnlyList<RuleAttribute> Checked { get; private set; } = [];
    public PanelScoreEntry? MyScore { get; private set; }
    public int PanelCount { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public string? Message { get; set; }
    [BindProperty] public bool Conflict { get; set; }
    [BindProperty] public ApplicationState? To { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public RecordInput Given { get; set; } = new();
    [BindProperty] public string? ReturnCondition { get; set; }
    /// <summary>The city's date today (a residency still running can be ended early).</summary>
    public DateOnly Today => DateOnly.FromDateTime(cityClock.Now.DateTime);
    [BindProperty] public DateOnly? EndResidencyOn { get; set; }
    [BindProperty] public string? EndResidencyReason { get; set; }
    /// <summary>A scan or photo of the signed delivery receipt (PDF, JPEG or PNG), kept with the application's documents.</summary>
    [BindProperty] public IFormFile? Receipt { get; set; }
    public Fulfilment.FulfilmentRecord? Record { get; private set; }
    public (Fulfilment.Appointment Appointment, Fulfilment.AppointmentSlot Slot)? Booked { get; private set; }
    /// <summary>When the service level says the appointment is due (acceptance plus the programme's days), and whether the booked slot meets it.</summary>
    public DateTime? ServiceDue { get; private set; }

    /// <summary>What staff write when the support is given; the fields shown depend on the programme's kind of fulfilment.</summary>
    public sealed class RecordInput
    {
        [Display(Name = "Inclusion.Record.Supplier")] public string? Supplier { get; set; }
        [Display(Name = "Inclusion.Record.Item")] public string? Item { get; set; }
        [Display(Name = "Inclusion.Record.Serial")] public string? SerialNumber { get; set; }
        [Display(Name = "Inclusion.Record.Installed")] public bool Installed { get; set; }
        [Display(Name = "Inclusion.Record.Trained")] public bool Trained { get; set; }
        [Display(Name = "Inclusion.Record.SignedBy")] public string? ReceiptSignedBy { get; set; }
        [Display(Name = "Inclusion.Record.Deposit")] public int? Deposit { get; set; }
        [Display(Name = "Inclusion.Record.DueOn")] public DateOnly? DueOn { get; set; }
        [Display(Name = "Inclusion.Record.Licence")] public string? LicenceCode { get; set; }
        [Display(Name = "Inclusion.Record.StartsOn")] public DateOnly? StartsOn { get; set; }
        [Display(Name = "Inclusion.Record.EndsOn")] public DateOnly? EndsOn { get; set; }
        [Display(Name = "Inclusion.Record.Notes")] public string? Notes { get; set; }
    }

    /// <summary>The support was given: what, by whom, with the receipt or the period; the application becomes fulfilled.</summary>
    public async Task<IActionResult> OnPostRecordAsync(string reference)
    {
        if (await LoadAsync(reference) is { } missing) return missing;
        var g = Given;
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var kind = Current.Programme.Fulfilment;
        ModelState.Forget("Given.");
        switch (kind)
        {
            case FulfilmentKind.Delivery:
                if (Clean(g.Supplier) is null) ModelState.AddModelError("Given.Supplier", t["Inclusion.Record.Error.Supplier"]);
                if (Clean(g.Item) is null) ModelState.AddModelError("Given.Item", t["Inclusion.Record.Error.Item"]);
                if (Clean(g.ReceiptSignedBy) is null) ModelState.AddModelError("Given.ReceiptSignedBy", t["Inclusion.Record.Error.SignedBy"]);
                break;
            case FulfilmentKind.Loan:
                if (Clean(g.Item) is null) ModelState.AddModelError("Given.Item", t["Inclusion.Record.Error.Item"]);
                if (g.DueOn is null || g.DueOn <= DateOnly.FromDateTime(cityClock.Now.DateTime)) ModelState.AddModelError("Given.DueOn", t["Inclusion.Record.Error.DueOn"]);
                if (g.Deposit is < 0) ModelState.AddModelError("Given.Deposit", t["Inclusion.Record.Error.Deposit"]);
                break;
            case FulfilmentKind.Licence:
                if (Clean(g.LicenceCode) is null) ModelState.AddModelError("Given.LicenceCode", t["Inclusion.Record.Error.Licence"]);
                if (g.StartsOn is null || g.EndsOn is null || g.EndsOn <= g.StartsOn) ModelState.AddModelError("Given.EndsOn", t["Inclusion.Record.Error.Period"]);
                break;
            case FulfilmentKind.Residency:
                // The desk is kept where a licence keeps its code, the residency's dates as its period.
                if (Clean(g.LicenceCode) is not { } deskCode) ModelState.AddModelError("Given.LicenceCode", t["Inclusion.Record.Error.Desk"]);
                else if (g.StartsOn is null || g.EndsOn is null || g.EndsOn <= g.StartsOn) ModelState.AddModelError("Given.EndsOn", t["Inclusion.Record.Error.Period"]);
                else if (await desk.ResidentAtAsync(Current.Programme.Id, deskCode, g.StartsOn.Value, g.EndsOn.Value, HttpContext.RequestAborted) is { } holder)
                    ModelState.AddModelError("Given.LicenceCode", t["Inclusion.Record.Error.DeskTaken", deskCode, holder]);
                break;
            case FulfilmentKind.Appointment:
                if (Clean(g.Notes) is null) ModelState.AddModelError("Given.Notes", t["Inclusion.Record.Error.Notes"]);
                break;
            case FulfilmentKind.ClassSeat:
                ModelState.AddModelError("", t["Inclusion.Record.Error.ByRoster"]);
                break;
        }
        if (g.Notes?.Length > 1000) ModelState.AddModelError("Given.Notes", t["Inclusion.Admin.ReasonTooLong"]);
        UploadedDocument? receipt = null;
        if (Receipt is not null && kind == FulfilmentKind.Delivery)
        {
            var limit = options.CurrentValue.MaxDocumentBytes;
            var (file, problem) = await UploadedDocuments.ReadAsync(Receipt, limit, HttpContext.RequestAborted);
            if (problem is { } p)
                ModelState.AddModelError(nameof(Receipt), p == DocumentProblem.TooLarge ? t["Inclusion.Error.UploadTooLarge", limit / (1024 * 1024)] : t[$"Inclusion.Error.Upload{p}"]);
            receipt = file;
        }
        if (!ModelState.IsValid) return Page();
        var record = new Fulfilment.FulfilmentRecord
        {
            Kind = kind, Supplier = Clean(g.Supplier), Item = Clean(g.Item), SerialNumber = Clean(g.SerialNumber), Installed = g.Installed, Trained = g.Trained,
            ReceiptSignedBy = Clean(g.ReceiptSignedBy), Deposit = g.Deposit, LicenceCode = kind == FulfilmentKind.Residency ? Clean(g.LicenceCode)?.ToUpperInvariant() : Clean(g.LicenceCode), StartsOn = g.StartsOn, EndsOn = g.EndsOn, Notes = Clean(g.Notes),
            DueAt = g.DueOn is { } due ? cityClock.FromLocal(due.ToDateTime(new TimeOnly(18, 0))).UtcDateTime : null, RecordedBy = "",
        };
        var document = receipt is null ? null : new ApplicationDocument
        {
            EvidenceCode = Fulfilment.FulfilmentDesk.ReceiptEvidence, FileName = $"receipt-{reference}{(receipt.ContentType == "application/pdf" ? ".pdf" : receipt.ContentType == "image/png" ? ".png" : ".jpg")}",
            ContentType = receipt.ContentType, Size = receipt.Bytes.Length, Sha256 = receipt.Sha256, Content = receipt.Bytes,
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = ApplicationActor.Staff(User).Id,
        };
        var refusal = await desk.RecordAsync(Current.Application, record, ApplicationActor.Staff(User), HttpContext.RequestAborted, document);
        return await AfterAsync(reference, refusal, "inclusion.fulfil", new { kind = kind.ToString(), record.Supplier, record.Item, record.SerialNumber, record.ReceiptSignedBy, record.LicenceCode, record.DueAt });
    }

    public async Task<IActionResult> OnPostReturnAsync(string reference)
    {
        if (await LoadAsync(reference) is { } missing) return missing;
        var condition = ReturnCondition?.Trim() ?? "";
        if (condition.Length is < 2 or > 200)
        {
            ModelState.AddModelError(nameof(ReturnCondition), t["Inclusion.Record.Error.Condition"]);
            return Page();
        }
        var refusal = await desk.ReturnAsync(Current.Application, condition, ApplicationActor.Staff(User), HttpContext.RequestAborted);
        return await AfterAsync(reference, refusal, "inclusion.return", new { condition });
    }

    /// <summary>A resident leaves early: the residency ends on the day given, with the reason kept in the audit.</summary>
    public async Task<IActionResult> OnPostEndResidencyAsync(string reference)
    {
        if (await LoadAsync(reference) is { } missing) return missing;
        var reason = EndResidencyReason?.Trim() ?? "";
        ModelState.Remove(nameof(EndResidencyOn));
        if (EndResidencyOn is null) ModelState.AddModelError(nameof(EndResidencyOn), t["Inclusion.Record.Error.EndOnMissing"]);
        if (reason.Length is < 2 or > 200) ModelState.AddModelError(nameof(EndResidencyReason), t["Inclusion.Record.Error.EndReason"]);
        if (!ModelState.IsValid) return Page();
        var refusal = await desk.EndResidencyAsync(Current.Application, EndResidencyOn!.Value, HttpContext.RequestAborted);
        return await AfterAsync(reference, refusal, "inclusion.endresidency", new { endsOn = EndResidencyOn, reason });
    }

    public async Task<IActionResult> OnGetAsync(string reference, string? done = null)
    {
        if (await LoadAsync(reference) is { } missing) return missing;
        Done = done is null ? null : t[$"Inclusion.Admin.Done.{done}"].Value;
        return Page();
    }

    /// <summary>Records how each attribute was checked, then decides by the rules: eligible → verified, a rule not met → ineligible with its words; not yet proven → refused, ask for information.</summary>
    public async Task<IActionResult> OnPostDecideAsync(string reference)
    {
        if (await LoadAsync(reference) is { } missing) return missing;
        var a = Current.Application;
        var levels = new Dictionary<RuleAttribute, Verification>(a.Answers.Verified);
        // Read from the form by name (Verification[Benefit]=DocumentSeen): a bound dictionary would fall back to every other field when none is sent.
        foreach (var attribute in Checked)
            if (Enum.TryParse<Verification>(Request.Form[$"Verification[{attribute}]"], out var level) && Enum.IsDefined(level)) levels[attribute] = level;
        a.Answers = a.Answers with { Verified = levels };
        var decision = intake.Decide(Current);
        a.RuleVersion = decision.RuleVersion;
        a.FailedRuleId = decision.FailedRule?.Id;
        string? refusal;
        if (decision.Eligible)
            refusal = await intake.MoveAsync(a, ApplicationState.Verified, ApplicationActor.Staff(User), t["Inclusion.Admin.EligibleReason"], decision.RuleVersion, HttpContext.RequestAborted);
        else if (decision.Failure == EligibilityFailure.NotMet)
            refusal = await intake.MoveAsync(a, ApplicationState.Ineligible, ApplicationActor.Staff(User),
                decision.Explain(CultureInfo.CurrentUICulture, k => t[k]), decision.RuleVersion, HttpContext.RequestAborted);
        else refusal = t["Inclusion.Admin.NotProven", decision.Explain(CultureInfo.CurrentUICulture, k => t[k])];
        return await AfterAsync(reference, refusal, "inclusion.decide", new { levels = levels.ToDictionary(l => l.Key.ToString(), l => l.Value.ToString()), eligible = decision.Eligible, failedRule = decision.FailedRule?.Id, ruleVersion = decision.RuleVersion });
    }

    public async Task<IActionResult> OnPostAskAsync(string reference)
    {
        if (await LoadAsync(reference) is { } missing) return missing;
        var message = Message?.Trim() ?? "";
        if (message.Length is < 5 or > 1000)
        {
            ModelState.AddModelError(nameof(Message), t["Inclusion.Admin.MessageNeeded"]);
            return Page();
        }
        var refusal = await intake.MoveAsync(Current.Application, ApplicationState.NeedsInformation, ApplicationActor.Staff(User), message, null, HttpContext.RequestAborted);
        return await AfterAsync(reference, refusal, "inclusion.ask", new { message });
    }

    public async Task<IActionResult> OnPostScoreAsync(string reference)
    {
        if (await LoadAsync(reference) is { } missing) return missing;
        var v = Current.Version;
        if (v.Selection != SelectionMethod.Score || Current.Application.State != ApplicationState.Verified)
            return await AfterAsync(reference, t["Inclusion.Admin.NotScorable"], "inclusion.score", null);
        var scores = new Dictionary<string, double>();
        if (!Conflict)
            foreach (var c in v.Criteria)
            {
                if (double.TryParse(Request.Form[$"Score[{c.Code}]"], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) && s >= 0 && s <= c.MaxScore)
                    scores[c.Code] = s;
                else ModelState.AddModelError($"Score[{c.Code}]", t["Inclusion.Admin.ScoreRange", t[$"Inclusion.Criterion.{c.Code}"], c.MaxScore]);
            }
        if (!ModelState.IsValid) return Page();
        var me = ApplicationActor.Staff(User).Id;
        var entry = await db.Set<PanelScoreEntry>().FirstOrDefaultAsync(e => e.ApplicationId == Current.Application.Id && e.MemberId == me);
        if (entry is null) db.Add(entry = new PanelScoreEntry { ApplicationId = Current.Application.Id, MemberId = me });
        entry.Scores = scores;
        entry.Conflict = Conflict;
        entry.At = clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(User, "inclusion.score", "inclusion-application", reference, new { conflict = Conflict, scores }, HttpContext.RequestAborted);
        return Redirect($"/admin/inclusion/applications/{reference}?done=score");
    }

    /// <summary>The applicant accepted the offer (by phone or at a centre), or paid the co-payment.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(string reference)
    {
        if (await LoadAsync(reference) is { } missing) return missing;
        var reason = Current.Version.CoPaymentPercent is > 0 ? t["Inclusion.Admin.CoPaymentReceived"].Value : t["Inclusion.Admin.AcceptedForApplicant"].Value;
        var refusal = await intake.MoveAsync(Current.Application, ApplicationState.Accepted, ApplicationActor.Staff(User), reason, null, HttpContext.RequestAborted);
        return await AfterAsync(reference, refusal, "inclusion.accept", new { reason });
    }

    public async Task<IActionResult> OnPostMoveAsync(string reference)
    {
        if (await LoadAsync(reference) is { } missing) return missing;
        var reason = Reason?.Trim();
        if (To is not { } to || !Enum.IsDefined(to)) ModelState.AddModelError(nameof(To), t["Inclusion.Admin.ChooseState"]);
        else if (to is ApplicationState.Cancelled or ApplicationState.Ineligible && string.IsNullOrEmpty(reason)) ModelState.AddModelError(nameof(Reason), t["Inclusion.Admin.ReasonNeeded"]);
        else if (reason?.Length > 1000) ModelState.AddModelError(nameof(Reason), t["Inclusion.Admin.ReasonTooLong"]);
        if (!ModelState.IsValid) return Page();
        var refusal = await intake.MoveAsync(Current.Application, To!.Value, ApplicationActor.Staff(User), string.IsNullOrEmpty(reason) ? null : reason, null, HttpContext.RequestAborted);
        return await AfterAsync(reference, refusal, "inclusion.move", new { to = To.ToString(), reason });
    }

    public async Task<IActionResult> OnGetDocumentAsync(string reference, long id)
    {
        var file = await intake.FindAsync(reference, HttpContext.RequestAborted);
        if (file is null) return NotFound();
        var document = await intake.DocumentAsync(file.Application.Id, id, HttpContext.RequestAborted);
        if (document is null) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(document.Content, document.ContentType, document.FileName);
    }

    /// <summary>After an action: refused → the page again with the reason; done → audited, and back to the page saying so.</summary>
    private async Task<IActionResult> AfterAsync(string reference, string? refusal, string action, object? details)
    {
        if (refusal is not null)
        {
            ModelState.AddModelError("", refusal);
            await LoadAsync(reference);
            return Page();
        }
        await audit.RecordAsync(User, action, "inclusion-application", reference, details, HttpContext.RequestAborted);
        return Redirect($"/admin/inclusion/applications/{reference}?done={action.Split('.')[1]}");
    }

    private async Task<IActionResult?> LoadAsync(string reference)
    {
        var ct = HttpContext.RequestAborted;
        db.ChangeTracker.Clear();
        if (await intake.FindAsync(reference, ct) is not { } file || file.Application.State == ApplicationState.Draft) return NotFound();
        Current = file;
        var id = file.Application.Id;
        History = await intake.HistoryAsync(id, ct);
        var actors = History.Select(e => e.ActorId).Append(file.Application.EnteredBy).Distinct().ToList();
        ActorNames = await db.Users.AsNoTracking().Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Documents = await intake.DocumentsAsync(id, ct);
        DistrictNames = await DistrictChoices.NamesAsync(db);
        Decision = intake.Decide(file);
        Checked = Enum.GetValues<RuleAttribute>().Where(file.Version.Asks).ToList();
        var me = ApplicationActor.Staff(User).Id;
        var scores = await db.Set<PanelScoreEntry>().AsNoTracking().Where(e => e.ApplicationId == id).ToListAsync(ct);
        MyScore = scores.FirstOrDefault(e => e.MemberId == me);
        PanelCount = scores.Count(e => !e.Conflict);
        Record = await db.Set<Fulfilment.FulfilmentRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ApplicationId == id, ct);
        var appointment = await db.Set<Fulfilment.Appointment>().AsNoTracking().FirstOrDefaultAsync(x => x.ApplicationId == id, ct);
        if (appointment is not null) Booked = (appointment, await db.Set<Fulfilment.AppointmentSlot>().AsNoTracking().FirstAsync(x => x.Id == appointment.SlotId, ct));
        ServiceDue = file.Version.ServiceDue(History.LastOrDefault(e => e.To == ApplicationState.Accepted)?.At);
        return null;
    }
}
