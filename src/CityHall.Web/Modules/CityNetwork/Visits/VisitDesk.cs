using System.Security.Claims;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Notifications;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Visits;

/// <summary>Why a step of a visit was not taken (each has a text <c>Network.Visit.Refused.{name}</c>).</summary>
public enum VisitRefusal { None, WrongStep, NoProgramme, TooManyOpen, HeldInFuture, BadVisitors, NotYetHeld, FeedbackGiven, UnknownSite, EndsBeforeStart }

/// <summary>
/// A study visit's steps, each taken once: the request (online by an account, or by letter as staff enter it), the
/// programme's sessions, the proposal, the delegation's confirmation, the day it was held and how many came, the
/// feedback; or a decline or a cancellation. Every step changes the status conditionally (from the one it expects),
/// so two people acting at the same moment cannot both take it. The delegation hears of each step that concerns
/// them: in the app (and by their chosen channels) when they asked online, by e-mail to the contact otherwise.
/// </summary>
public sealed class VisitDesk(AppDbContext db, AuditLog audit, Notifier notifier, TimeProvider clock, CityClock cityClock,
    IOptionsMonitor<CityNetworkOptions> options, IStringLocalizer<Text> t)
{
    private static readonly VisitStatus[] OpenStatuses = [VisitStatus.Requested, VisitStatus.Proposed, VisitStatus.Confirmed];

    private DateOnly Today => DateOnly.FromDateTime(cityClock.Now.DateTime);

    /// <summary>A new request; an account may have <see cref="CityNetworkOptions.OpenVisitRequests"/> open at a time.</summary>
    public async Task<(StudyVisit? Visit, VisitRefusal Refusal)> RequestAsync(ClaimsPrincipal actor, VisitChannel channel, VisitRequestInput input, CancellationToken ct)
    {
        var requester = channel == VisitChannel.Online ? actor.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (requester is not null && await db.Set<StudyVisit>().CountAsync(v => v.RequesterUserId == requester && OpenStatuses.Contains(v.Status), ct)
            >= options.CurrentValue.OpenVisitRequests)
            return (null, VisitRefusal.TooManyOpen);
        var now = clock.GetUtcNow().UtcDateTime;
        var visit = new StudyVisit
        {
            Reference = PublicReference.New(cityClock.Now, "VIS-"), Channel = channel, RequesterUserId = requester, Organisation = "", CountryCode = "",
            ContactName = "", ContactEmail = "", Status = VisitStatus.Requested, RequestedAt = now, UpdatedAt = now,
        };
        input.ApplyTo(visit);
        db.Add(visit);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "network.visit.request", "network-visit", visit.Reference, new { visit.Channel, visit.Organisation, visit.CountryCode, visit.People }, ct);
        return (visit, VisitRefusal.None);
    }

    /// <summary>A session added to a programme not yet confirmed (times typed in the city's zone).</summary>
    public async Task<VisitRefusal> AddSessionAsync(ClaimsPrincipal actor, long visitId, long siteId, string? host, DateTime startsLocal, DateTime endsLocal, string? notes, CancellationToken ct)
    {
        if (await db.Set<StudyVisit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct) is not { } visit) return VisitRefusal.WrongStep;
        if (visit.Status is not (VisitStatus.Requested or VisitStatus.Proposed)) return VisitRefusal.WrongStep;
        if (await db.Set<VisitSite>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId, ct) is not { } site) return VisitRefusal.UnknownSite;
        var (starts, ends) = (cityClock.FromLocal(startsLocal).UtcDateTime, cityClock.FromLocal(endsLocal).UtcDateTime);
        if (ends <= starts) return VisitRefusal.EndsBeforeStart;
        var session = new VisitSession
        {
            VisitId = visitId, SiteId = siteId, Host = string.IsNullOrWhiteSpace(host) ? site.Host ?? site.NameEn : host.Trim(), StartsAt = starts, EndsAt = ends,
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        await Touch(visitId, ct);
        await audit.RecordAsync(actor, "network.visit.session-add", "network-visit", visit.Reference, new { session.Id, site = site.NameEn, session.Host, session.StartsAt, session.EndsAt }, ct);
        return VisitRefusal.None;
    }

    public async Task<VisitRefusal> RemoveSessionAsync(ClaimsPrincipal actor, long visitId, long sessionId, CancellationToken ct)
    {
        if (await db.Set<StudyVisit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct) is not { } visit) return VisitRefusal.WrongStep;
        if (visit.Status is not (VisitStatus.Requested or VisitStatus.Proposed)) return VisitRefusal.WrongStep;
        if (await db.Set<VisitSession>().Where(s => s.Id == sessionId && s.VisitId == visitId).ExecuteDeleteAsync(ct) == 0) return VisitRefusal.WrongStep;
        await Touch(visitId, ct);
        await audit.RecordAsync(actor, "network.visit.session-remove", "network-visit", visit.Reference, new { sessionId }, ct);
        return VisitRefusal.None;
    }

    /// <summary>The programme goes to the delegation to confirm; it needs at least one session.</summary>
    public async Task<VisitRefusal> ProposeAsync(ClaimsPrincipal actor, long visitId, CancellationToken ct)
    {
        if (!await db.Set<VisitSession>().AnyAsync(s => s.VisitId == visitId, ct)) return VisitRefusal.NoProgramme;
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Set<StudyVisit>().Where(v => v.Id == visitId && v.Status == VisitStatus.Requested)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VisitStatus.Proposed).SetProperty(v => v.ProposedAt, now).SetProperty(v => v.UpdatedAt, now), ct);
        return await AfterAsync(actor, visitId, moved, "network.visit.propose", "Proposed", null, ct);
    }

    /// <summary>A confirmed programme opened again for changes (the delegation confirms it once more).</summary>
    public async Task<VisitRefusal> ReopenAsync(ClaimsPrincipal actor, long visitId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Set<StudyVisit>().Where(v => v.Id == visitId && v.Status == VisitStatus.Confirmed)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VisitStatus.Proposed).SetProperty(v => v.ConfirmedAt, (DateTime?)null).SetProperty(v => v.UpdatedAt, now), ct);
        return await AfterAsync(actor, visitId, moved, "network.visit.reopen", null, null, ct);
    }

    /// <summary>The delegation (or staff on its word) accepts the proposed programme (a reopened one emptied of sessions cannot be).</summary>
    public async Task<VisitRefusal> ConfirmAsync(ClaimsPrincipal actor, long visitId, CancellationToken ct)
    {
        if (!await db.Set<VisitSession>().AnyAsync(s => s.VisitId == visitId, ct)) return VisitRefusal.NoProgramme;
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Set<StudyVisit>().Where(v => v.Id == visitId && v.Status == VisitStatus.Proposed)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VisitStatus.Confirmed).SetProperty(v => v.ConfirmedAt, now).SetProperty(v => v.UpdatedAt, now), ct);
        return await AfterAsync(actor, visitId, moved, "network.visit.confirm", null, null, ct);
    }

    /// <summary>The secretariat cannot receive the visit (the reason is sent to the delegation).</summary>
    public async Task<VisitRefusal> DeclineAsync(ClaimsPrincipal actor, long visitId, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Set<StudyVisit>().Where(v => v.Id == visitId && (v.Status == VisitStatus.Requested || v.Status == VisitStatus.Proposed))
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VisitStatus.Declined).SetProperty(v => v.Reason, reason.Trim()).SetProperty(v => v.UpdatedAt, now), ct);
        return await AfterAsync(actor, visitId, moved, "network.visit.decline", "Declined", reason, ct);
    }

    /// <summary>Either side calls the visit off before it is held; the delegation is told when the city did.</summary>
    public async Task<VisitRefusal> CancelAsync(ClaimsPrincipal actor, long visitId, string? reason, bool byDelegation, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var moved = await db.Set<StudyVisit>().Where(v => v.Id == visitId && OpenStatuses.Contains(v.Status))
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VisitStatus.Cancelled).SetProperty(v => v.Reason, text).SetProperty(v => v.UpdatedAt, now), ct);
        return await AfterAsync(actor, visitId, moved, "network.visit.cancel", byDelegation ? null : "Cancelled", text, ct);
    }

    /// <summary>The visit took place: its first day (not after today) and how many came; the delegation is asked for feedback.</summary>
    public async Task<VisitRefusal> RecordHeldAsync(ClaimsPrincipal actor, long visitId, DateOnly heldOn, int visitors, CancellationToken ct)
    {
        if (heldOn > Today) return VisitRefusal.HeldInFuture;
        if (visitors < 1 || visitors > options.CurrentValue.MaxDelegation) return VisitRefusal.BadVisitors;
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Set<StudyVisit>().Where(v => v.Id == visitId && v.Status == VisitStatus.Confirmed)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VisitStatus.Held).SetProperty(v => v.HeldOn, heldOn).SetProperty(v => v.Visitors, visitors)
                .SetProperty(v => v.UpdatedAt, now), ct);
        return await AfterAsync(actor, visitId, moved, "network.visit.held", "Held", null, ct);
    }

    /// <summary>The delegation's survey, once, after the visit was held.</summary>
    public async Task<VisitRefusal> GiveFeedbackAsync(StudyVisit visit, VisitFeedback feedback, CancellationToken ct)
    {
        if (visit.Status != VisitStatus.Held) return VisitRefusal.NotYetHeld;
        if (await db.Set<VisitFeedback>().AnyAsync(f => f.VisitId == visit.Id, ct)) return VisitRefusal.FeedbackGiven;
        feedback.VisitId = visit.Id;
        feedback.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        if (visit.InterpreterLanguage is null) feedback.Interpretation = null;
        db.Add(feedback);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return VisitRefusal.FeedbackGiven; } // the same survey sent twice at once: the key holds one
        return VisitRefusal.None;
    }

    private Task<int> Touch(long visitId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<StudyVisit>().Where(v => v.Id == visitId).ExecuteUpdateAsync(u => u.SetProperty(v => v.UpdatedAt, now), ct);
    }

    /// <summary>After a step: audited and, for <paramref name="notice"/>, the delegation told; WrongStep when the visit was not where the step starts.</summary>
    private async Task<VisitRefusal> AfterAsync(ClaimsPrincipal actor, long visitId, int moved, string action, string? notice, string? reason, CancellationToken ct)
    {
        if (moved == 0) return VisitRefusal.WrongStep;
        var visit = await db.Set<StudyVisit>().AsNoTracking().FirstAsync(v => v.Id == visitId, ct);
        await audit.RecordAsync(actor, action, "network-visit", visit.Reference, new { status = visit.Status.ToString(), reason, visit.HeldOn, visit.Visitors }, ct);
        if (notice is null) return VisitRefusal.None;
        var link = $"/network/visits/{visit.Reference}";
        (string, string) Compose() => (t[$"Network.Visit.Notice.{notice}.Title", visit.Reference].Value,
            t[$"Network.Visit.Notice.{notice}.Body", visit.Organisation, reason ?? ""].Value + " " + link);
        if (visit.RequesterUserId is { } userId) await notifier.ToUserAsync(userId, Compose, link, ct);
        else
        {
            // A request by letter has no account: the contact hears by e-mail, in the network's language.
            var (title, body) = Notifier.ComposeIn("en", Compose);
            notifier.Email(visit.ContactEmail, title, body);
        }
        await db.SaveChangesAsync(ct);
        return VisitRefusal.None;
    }

    /// <summary>The text of a refusal in the reader's language.</summary>
    public string Explain(VisitRefusal refusal) => t[$"Network.Visit.Refused.{refusal}", options.CurrentValue.OpenVisitRequests, options.CurrentValue.MaxDelegation].Value;
}
