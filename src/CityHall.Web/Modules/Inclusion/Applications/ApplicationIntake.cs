using System.Security.Claims;
using System.Globalization;
using CityHall.Web.Modules.Inclusion.Eligibility;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Inclusion.Applications;

/// <summary>Who acts on an application and in which role ("applicant", or a staff role for assisted applications and decisions).</summary>
public sealed record ApplicationActor(string Id, string Role)
{
    public const string ApplicantRole = "applicant";

    /// <summary>The city's own scheduled work (an offer lapsing, a follow-up coming due).</summary>
    public static readonly ApplicationActor System = new("system", "system");

    /// <summary>A staff member acting in their highest staff role.</summary>
    public static ApplicationActor Staff(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", Roles.Staff.Reverse().FirstOrDefault(user.IsInRole) ?? "staff");

    /// <summary>The applicant on their own application; staff on an assisted one.</summary>
    public static ApplicationActor For(InclusionApplication a, ClaimsPrincipal user) =>
        a.ApplicantUserId is not null && a.ApplicantUserId == user.FindFirstValue(ClaimTypes.NameIdentifier)
            ? new(a.ApplicantUserId, ApplicantRole) : Staff(user);

    /// <summary>
    /// Who may answer a draft's questions: its applicant, or — for an assisted application of
    /// someone without an account — the staff member who is entering it.
    /// </summary>
    public static bool MayAnswer(InclusionApplication a, ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is not null && (a.ApplicantUserId == id
            || (a.ApplicantUserId is null && a.EnteredBy == id && user.HasPermission(InclusionModule.Manage)));
    }
}

/// <summary>A document as lists show it: which evidence it is, its name and size (not its bytes).</summary>
public sealed record DocumentSummary(long Id, string Evidence, string FileName, long Size);

/// <summary>A programme with the version citizens apply under now.</summary>
public sealed record ProgrammeTerms(InclusionProgramme Programme, ProgrammeVersion Version);

/// <summary>An application with the programme version it was made under, and the evidence codes it has documents for.</summary>
public sealed record ApplicationFile(InclusionApplication Application, InclusionProgramme Programme, ProgrammeVersion Version, IReadOnlyList<string> UploadedEvidence);

/// <summary>
/// Starting, submitting and moving applications. Submitting is where the rules that must hold
/// under concurrency are enforced in one transaction: the round's application limit (one
/// conditional update), the household's slot (a unique row per programme, household and slot), and
/// the application's own revision; anything refused leaves nothing half-saved.
/// </summary>
public sealed class ApplicationIntake(AppDbContext db, TimeProvider clock, CityClock cityClock, ApplicantNotices notices, IStringLocalizer<Text> t,
    ILogger<ApplicationIntake> logger)
{
    private const string ReferencePrefix = "INC-";
    private static readonly ApplicationState[] Ended = [.. Enum.GetValues<ApplicationState>().Where(ApplicationStates.HasEnded)];

    public async Task<ProgrammeTerms?> FindProgrammeAsync(string code, CancellationToken ct)
    {
        var programme = await db.Set<InclusionProgramme>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        if (programme is null) return null;
        var version = await db.Set<ProgrammeVersion>().AsNoTracking().FirstAsync(v => v.ProgrammeId == programme.Id && v.Version == programme.CurrentVersion, ct);
        return new(programme, version);
    }

    public async Task<ApplicationFile?> FindAsync(string reference, CancellationToken ct)
    {
        var application = await db.Set<InclusionApplication>().FirstOrDefaultAsync(a => a.Reference == reference, ct);
        if (application is null) return null;
        var programme = await db.Set<InclusionProgramme>().AsNoTracking().FirstAsync(p => p.Id == application.ProgrammeId, ct);
        var version = await db.Set<ProgrammeVersion>().AsNoTracking().FirstAsync(v => v.ProgrammeId == application.ProgrammeId && v.Version == application.ProgrammeVersion, ct);
        var uploaded = await db.Set<ApplicationDocument>().Where(d => d.ApplicationId == application.Id).Select(d => d.EvidenceCode).Distinct().ToListAsync(ct);
        return new(application, programme, version, uploaded);
    }

    /// <summary>The application's documents without their contents, in the order they came.</summary>
    public Task<List<DocumentSummary>> DocumentsAsync(long applicationId, CancellationToken ct) =>
        db.Set<ApplicationDocument>().AsNoTracking().Where(d => d.ApplicationId == applicationId).OrderBy(d => d.Id)
            .Select(d => new DocumentSummary(d.Id, d.EvidenceCode, d.FileName, d.Size)).ToListAsync(ct);

    /// <summary>The application's history, oldest first.</summary>
    public Task<List<ApplicationEvent>> HistoryAsync(long applicationId, CancellationToken ct) =>
        db.Set<ApplicationEvent>().AsNoTracking().Where(e => e.ApplicationId == applicationId).OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>One document of the application, as uploaded (null when it is not one of its documents).</summary>
    public Task<ApplicationDocument?> DocumentAsync(long applicationId, long documentId, CancellationToken ct) =>
        db.Set<ApplicationDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == applicationId, ct);

    /// <summary>The applicant's application to the programme that is still going (a draft to continue, or one in progress), if any.</summary>
    public Task<InclusionApplication?> FindOpenAsync(long programmeId, string userId, CancellationToken ct) =>
        db.Set<InclusionApplication>().AsNoTracking()
            .Where(a => a.ProgrammeId == programmeId && a.ApplicantUserId == userId)
            .Where(a => !Ended.Contains(a.State))
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);

    /// <summary>A new draft under the programme's current version; refused outside the application window.</summary>
    public async Task<(InclusionApplication? Application, string? Refusal)> StartAsync(ProgrammeTerms terms, string? applicantUserId, string applicantName,
        string? applicantPhone, ApplicationChannel channel, ApplicationActor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (WindowRefusal(terms.Version, now) is { } closed) return (null, closed);
        var application = new InclusionApplication
        {
            Reference = PublicReference.New(cityClock.ToLocal(clock.GetUtcNow()), ReferencePrefix),
            ProgrammeId = terms.Programme.Id,
            ProgrammeVersion = terms.Version.Version,
            State = ApplicationState.Draft,
            ApplicantUserId = applicantUserId,
            ApplicantName = applicantName,
            ApplicantPhone = applicantPhone,
            Channel = channel,
            EnteredBy = actor.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(application);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                db.Add(new ApplicationEvent { ApplicationId = application.Id, At = now, To = ApplicationState.Draft, ActorId = actor.Id, ActorRole = actor.Role });
                await db.SaveChangesAsync(ct);
                return (application, null);
            }
            catch (DbUpdateException) when (attempt < 4)
            {
                var taken = application.Reference;
                if (!await db.Set<InclusionApplication>().AsNoTracking().AnyAsync(a => a.Reference == taken, ct)) throw;
                application.Reference = PublicReference.Redraw(taken);
            }
        }
    }

    /// <summary>Saves a draft's answers (the page changed the tracked application).</summary>
    public async Task SaveDraftAsync(InclusionApplication application, CancellationToken ct)
    {
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        application.Revision++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// What stops the draft being submitted now, in the applicant's words, or null. Checked again
    /// inside <see cref="SubmitAsync"/>; shown on the check-your-answers page before the button.
    /// </summary>
    public string? SubmitRefusal(ApplicationFile file)
    {
        var (a, _, v, uploaded) = file;
        if (a.State != ApplicationState.Draft) return t["Inclusion.Apply.AlreadySubmitted", a.Reference];
        if (WindowRefusal(v, clock.GetUtcNow().UtcDateTime) is { } closed) return closed;
        if (ApplicationQuestions.FirstUnanswered(a, v, uploaded) is { } missing)
            return missing == ApplicationQuestions.Documents
                ? t["Inclusion.Apply.DocumentMissing", string.Join(", ", ApplicationQuestions.MissingEvidence(v, uploaded).Select(e => Pick(e.NameKo, e.NameEn)))]
                : t["Inclusion.Apply.Unanswered", t[$"Inclusion.Question.{missing}.Title"]];
        if (v.PoolBasis == PoolBasis.District && !v.Pools.Any(p => p.Code == a.DistrictCode)) return t["Inclusion.Apply.NoPoolForDistrict"];
        var decision = Decide(file);
        if (!decision.Eligible && decision.Failure == EligibilityFailure.NotMet)
            return t["Inclusion.Apply.NotEligible", decision.Explain(CultureInfo.CurrentUICulture, k => t[k])];
        return null;
    }

    /// <summary>The rules applied to what the applicant declared (and staff verified), today.</summary>
    public EligibilityDecision Decide(ApplicationFile file) =>
        EligibilityEvaluator.Evaluate(file.Version.RuleSet, file.Application.Answers.ToFacts(file.Application.DistrictCode, DateOnly.FromDateTime(cityClock.Now.DateTime)));

    /// <summary>Submits the draft: the refusal in words, or null once it is durably submitted.</summary>
    public async Task<string?> SubmitAsync(ApplicationFile file, ApplicationActor actor, CancellationToken ct)
    {
        if (SubmitRefusal(file) is { } refusal) return refusal;
        var (a, p, v, _) = file;
        var now = clock.GetUtcNow().UtcDateTime;
        var key = a.HouseholdKey!;

        // A household's served claim older than the exclusion no longer holds it back; claims of ended applications are released when they end.
        var cutoff = DateTime.SpecifyKind(cityClock.Now.AddMonths(-v.ReGrantExclusionMonths).UtcDateTime, DateTimeKind.Utc);
        await db.Set<HouseholdClaim>().Where(c => c.ProgrammeId == p.Id && c.HouseholdKey == key && c.ServedAt != null && c.ServedAt < cutoff).ExecuteDeleteAsync(ct);

        // Another application from the household may take the free slot first: then the next free one is tried, while any is left.
        var limit = Math.Max(1, v.HouseholdLimit);
        for (var attempt = 0; attempt <= limit; attempt++)
        {
            var held = await db.Set<HouseholdClaim>().AsNoTracking().Where(c => c.ProgrammeId == p.Id && c.HouseholdKey == key).ToListAsync(ct);
            var slot = Enumerable.Range(1, limit).FirstOrDefault(s => held.All(c => c.Slot != s));
            if (slot == 0) return HouseholdRefusal(held, v);
            switch (await TrySubmitAsync(a, v, slot, actor, now, ct))
            {
                case SubmitOutcome.Submitted:
                    // Written by a statement, not tracked: the caller's copy is brought up to date but no longer saved through this context.
                    if (db.Entry(a).State != EntityState.Detached) db.Entry(a).State = EntityState.Detached;
                    a.State = ApplicationState.Submitted;
                    a.Revision++;
                    a.SubmittedAt = now;
                    return null;
                case SubmitOutcome.Full: return t["Inclusion.Apply.Full"];
                case SubmitOutcome.NotDraft: return t["Inclusion.Apply.AlreadySubmitted", a.Reference];
                case SubmitOutcome.SlotTaken:
                    logger.LogInformation("Application {Reference}: household slot {Slot} taken at the same moment", a.Reference, slot);
                    break;
            }
        }
        return HouseholdRefusal(await db.Set<HouseholdClaim>().AsNoTracking().Where(c => c.ProgrammeId == p.Id && c.HouseholdKey == key).ToListAsync(ct), v);
    }

    private enum SubmitOutcome { Submitted, Full, NotDraft, SlotTaken }

    /// <summary>
    /// One transaction: count the application in the round (a conditional update, so the limit holds),
    /// move the draft to submitted only if it is still a draft, and take the household slot (its
    /// unique index refuses a second taker). Any refusal rolls all of it back.
    /// </summary>
    private async Task<SubmitOutcome> TrySubmitAsync(InclusionApplication a, ProgrammeVersion v, int slot, ApplicationActor actor, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The write comes first so SQLite takes its write lock before anything is read in the transaction.
            var limit = v.ApplicationLimit ?? int.MaxValue;
            var counted = await db.Set<InclusionProgramme>()
                .Where(x => x.Id == v.ProgrammeId && x.RoundApplications < limit)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RoundApplications, x => x.RoundApplications + 1), ct);
            if (counted == 0)
            {
                await tx.RollbackAsync(ct);
                return SubmitOutcome.Full;
            }
            var moved = await db.Set<InclusionApplication>().Where(x => x.Id == a.Id && x.State == ApplicationState.Draft)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, ApplicationState.Submitted).SetProperty(x => x.SubmittedAt, now)
                    .SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Revision, x => x.Revision + 1), ct);
            if (moved == 0)
            {
                await tx.RollbackAsync(ct);
                return SubmitOutcome.NotDraft;
            }
            var claim = db.Add(new HouseholdClaim { ProgrammeId = v.ProgrammeId, HouseholdKey = a.HouseholdKey!, Slot = slot, ApplicationId = a.Id, ClaimedAt = now });
            var history = db.Add(new ApplicationEvent { ApplicationId = a.Id, At = now, From = ApplicationState.Draft, To = ApplicationState.Submitted, ActorId = actor.Id, ActorRole = actor.Role });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            claim.State = EntityState.Detached;
            history.State = EntityState.Detached;
            return SubmitOutcome.Submitted;
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            // The refused rows (and ids SQLite handed out before the rollback) must not linger for the next attempt.
            db.ChangeTracker.Clear();
            return SubmitOutcome.SlotTaken;
        }
    }

    /// <summary>
    /// Moves an application along the state machine with a history entry (who, role, why, rule
    /// version), releasing its household place and its count in the round when it ends unserved,
    /// marking the place served when fulfilled, telling the applicant what matters to them, and —
    /// when an offered or accepted place is given up — offering it to the next on the waiting list.
    /// Null when saved; else why not, in words.
    /// </summary>
    public async Task<string?> MoveAsync(InclusionApplication a, ApplicationState to, ApplicationActor actor, string? reason, int? ruleVersion, CancellationToken ct)
    {
        if (ApplicationStates.Refusal(a.State, to, t) is { } refused) return refused;
        var now = clock.GetUtcNow().UtcDateTime;
        var from = a.State;
        var releases = from != ApplicationState.Draft && ApplicationStates.Released.Contains(to);
        // A place given up, or a loaned item back in stock, goes to the next on the waiting list.
        var freesPlace = (releases && from is ApplicationState.Offered or ApplicationState.Accepted or ApplicationState.Scheduled) || to == ApplicationState.Returned;
        if (db.Entry(a).State == EntityState.Detached) db.Attach(a);
        // Inside a caller's transaction (a selection run) the move joins it; otherwise it has its own.
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            Move(a, to, actor, reason, ruleVersion, now);
            if (to == ApplicationState.Offered) a.RespondBy = await OfferDeadlineAsync(a, now, ct);
            else if (to != ApplicationState.Accepted) a.RespondBy = null;
            await notices.TellAsync(a, to, reason, ct);
            await db.SaveChangesAsync(ct);
            if (releases)
            {
                if (from is ApplicationState.Scheduled) await Fulfilment.Bookings.ReleaseAsync(db, a.Id, ct);
                await db.Set<HouseholdClaim>().Where(c => c.ApplicationId == a.Id && c.ServedAt == null).ExecuteDeleteAsync(ct);
                var submitted = a.SubmittedAt ?? DateTime.MinValue;
                await db.Set<InclusionProgramme>().Where(x => x.Id == a.ProgrammeId && x.RoundApplications > 0 && x.RoundOpensAt <= submitted)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.RoundApplications, x => x.RoundApplications - 1), ct);
            }
            if (to == ApplicationState.Fulfilled)
                await db.Set<HouseholdClaim>().Where(c => c.ApplicationId == a.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServedAt, now), ct);
            if (freesPlace) await OfferNextAsync(a.ProgrammeId, a.Pool, actor, now, ct);
            if (owned is not null) await owned.CommitAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            if (owned is not null)
            {
                await owned.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
            }
            return t["Inclusion.Apply.ChangedMeanwhile", a.Reference];
        }
    }

    /// <summary>The first on the programme's waiting list for the pool (earliest run, then its order) is offered the freed place.</summary>
    private async Task OfferNextAsync(long programmeId, string? pool, ApplicationActor actor, DateTime now, CancellationToken ct)
    {
        var next = await db.Set<InclusionApplication>()
            .Where(x => x.ProgrammeId == programmeId && x.Pool == pool && x.State == ApplicationState.Waitlisted)
            .OrderBy(x => x.SelectionRunId).ThenBy(x => x.QueuePosition).FirstOrDefaultAsync(ct);
        if (next is null) return;
        Move(next, ApplicationState.Offered, actor, t["Inclusion.Offer.FromWaitingList"], null, now);
        next.RespondBy = await OfferDeadlineAsync(next, now, ct);
        await notices.TellAsync(next, ApplicationState.Offered, null, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Days to accept (or, with a co-payment, to pay) from the offer, per the programme version the application was made under.</summary>
    private async Task<DateTime> OfferDeadlineAsync(InclusionApplication a, DateTime now, CancellationToken ct)
    {
        var terms = await db.Set<ProgrammeVersion>().AsNoTracking().Where(v => v.ProgrammeId == a.ProgrammeId && v.Version == a.ProgrammeVersion)
            .Select(v => new { v.OfferDays, v.CoPaymentPercent, v.CoPaymentDays }).FirstAsync(ct);
        return now.AddDays(terms.CoPaymentPercent is > 0 ? terms.CoPaymentDays : terms.OfferDays);
    }

    /// <summary>Offers whose deadline has passed lapse, and their places go to the waiting list. Returns how many lapsed.</summary>
    public async Task<int> LapseOverdueOffersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<InclusionApplication>().Where(x => x.State == ApplicationState.Offered && x.RespondBy < now)
            .OrderBy(x => x.RespondBy).Select(x => x.Id).Take(500).ToListAsync(ct);
        var lapsed = 0;
        foreach (var id in due)
        {
            var a = await db.Set<InclusionApplication>().FirstAsync(x => x.Id == id, ct);
            if (a.State != ApplicationState.Offered) continue;
            if (await MoveAsync(a, ApplicationState.Lapsed, ApplicationActor.System, t["Inclusion.Offer.LapsedReason"], null, ct) is null) lapsed++;
        }
        return lapsed;
    }


    private void Move(InclusionApplication a, ApplicationState to, ApplicationActor actor, string? reason, int? ruleVersion, DateTime now)
    {
        db.Add(new ApplicationEvent { ApplicationId = a.Id, At = now, From = a.State, To = to, ActorId = actor.Id, ActorRole = actor.Role, Reason = reason, RuleVersion = ruleVersion });
        a.State = to;
        a.UpdatedAt = now;
        a.Revision++;
    }

    private string? WindowRefusal(ProgrammeVersion v, DateTime utcNow)
    {
        if (utcNow < v.OpensAt) return t["Inclusion.Apply.NotOpenYet", cityClock.Format(v.OpensAt)];
        if (utcNow >= v.ClosesAt) return t["Inclusion.Apply.Closed", cityClock.Format(v.ClosesAt)];
        return null;
    }

    private string HouseholdRefusal(IReadOnlyList<HouseholdClaim> held, ProgrammeVersion v)
    {
        var served = held.Where(c => c.ServedAt is not null).OrderByDescending(c => c.ServedAt).FirstOrDefault();
        // An organisation's applications are held together as a household's are, and told so in its own words.
        var who = ApplicationQuestions.IsForOrganisations(v) ? "Organisation" : "Household";
        if (served?.ServedAt is { } at)
        {
            var again = cityClock.ToLocal(new DateTimeOffset(at, TimeSpan.Zero)).AddMonths(v.ReGrantExclusionMonths);
            return t[$"Inclusion.Apply.{who}Served", v.ReGrantExclusionMonths, again.ToString("d", CultureInfo.CurrentCulture)];
        }
        return t[$"Inclusion.Apply.{who}Limit", v.HouseholdLimit];
    }

    private static string Pick(string ko, string en) => LocalizedText.Pick(CultureInfo.CurrentUICulture, ko, en);
}
