using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Programmes;

namespace CityHall.Web.Modules.Inclusion.Fulfilment;

/// <summary>
/// Recording that the support was given — a delivery with its signed receipt, a visit, a licence,
/// a loan handed over, a class completed, a desk for a residency — and a loan's return. Each is one transaction: the record
/// and the application's move to fulfilled (through scheduled when it was only accepted).
/// </summary>
public sealed class FulfilmentDesk(AppDbContext db, ApplicationIntake intake, ApplicantNotices notices, TimeProvider clock,
    Microsoft.Extensions.Options.IOptionsMonitor<InclusionOptions> options, IStringLocalizer<Text> t)
{
    /// <summary>The evidence code under which a scan of the signed delivery receipt is kept with the application's documents.</summary>
    public const string ReceiptEvidence = "delivery-receipt";

    public async Task<string?> RecordAsync(InclusionApplication a, FulfilmentRecord record, ApplicationActor actor, CancellationToken ct, ApplicationDocument? receipt = null)
    {
        if (a.State is not (ApplicationState.Accepted or ApplicationState.Scheduled))
            return t["Inclusion.Record.NotYet", t[$"Inclusion.State.{a.State}"]];
        if (await db.Set<FulfilmentRecord>().AnyAsync(r => r.ApplicationId == a.Id, ct)) return t["Inclusion.Apply.ChangedMeanwhile", a.Reference];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        record.ApplicationId = a.Id;
        record.FulfilledAt = clock.GetUtcNow().UtcDateTime;
        record.RecordedBy = actor.Id;
        db.Add(record);
        if (receipt is not null)
        {
            receipt.ApplicationId = a.Id;
            db.Add(receipt);
        }
        await db.SaveChangesAsync(ct);
        var refusal = a.State == ApplicationState.Accepted ? await intake.MoveAsync(a, ApplicationState.Scheduled, actor, null, null, ct) : null;
        refusal ??= await intake.MoveAsync(a, ApplicationState.Fulfilled, actor, record.Notes, null, ct);
        if (refusal is not null)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return refusal;
        }
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// The application whose residency holds the desk on any day from <paramref name="from"/> to <paramref name="until"/>
    /// (both inclusive; desk codes are kept in capitals, so "3f-12" is "3F-12"), or null when the desk is free for the whole period.
    /// </summary>
    public Task<string?> ResidentAtAsync(long programmeId, string deskCode, DateOnly from, DateOnly until, CancellationToken ct)
    {
        var code = deskCode.Trim().ToUpperInvariant();
        return db.Set<FulfilmentRecord>().AsNoTracking()
            .Where(r => r.Kind == FulfilmentKind.Residency && r.LicenceCode == code && r.StartsOn <= until && r.EndsOn >= from)
            .Join(db.Set<InclusionApplication>().Where(x => x.ProgrammeId == programmeId), r => r.ApplicationId, x => x.Id, (r, x) => x.Reference)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// A resident leaves early: the residency now ends on <paramref name="on"/> (not before it began, and before it was to
    /// end), so the desk is free from the next day. The refusal in words, or null.
    /// </summary>
    public async Task<string?> EndResidencyAsync(InclusionApplication a, DateOnly on, CancellationToken ct)
    {
        var record = await db.Set<FulfilmentRecord>().FirstOrDefaultAsync(r => r.ApplicationId == a.Id && r.Kind == FulfilmentKind.Residency, ct);
        if (record is not { StartsOn: { } from, EndsOn: { } until }) return t["Inclusion.Record.NoResidency"];
        if (on < from || on >= until)
            return t["Inclusion.Record.Error.EndOn", from.ToString("d", System.Globalization.CultureInfo.CurrentCulture), until.ToString("d", System.Globalization.CultureInfo.CurrentCulture)];
        record.EndsOn = on;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>A loaned item came back: its condition is noted and the application is returned.</summary>
    public async Task<string?> ReturnAsync(InclusionApplication a, string condition, ApplicationActor actor, CancellationToken ct)
    {
        var record = await db.Set<FulfilmentRecord>().FirstOrDefaultAsync(r => r.ApplicationId == a.Id && r.Kind == FulfilmentKind.Loan && r.ReturnedAt == null, ct);
        if (record is null) return t["Inclusion.Record.NoLoan"];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        record.ReturnedAt = clock.GetUtcNow().UtcDateTime;
        record.ReturnCondition = condition;
        await db.SaveChangesAsync(ct);
        if (await intake.MoveAsync(a, ApplicationState.Returned, actor, condition, null, ct) is { } refusal)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return refusal;
        }
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// The follow-up round: support given <see cref="InclusionOptions.FollowUpDays"/> ago without an
    /// answered survey becomes "follow-up due" (the applicant is asked how it went); borrowers whose
    /// loan is due within <see cref="InclusionOptions.LoanReminderDays"/> are reminded once.
    /// </summary>
    public async Task<(int FollowUps, int Reminders)> FollowUpAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.CurrentValue;
        var askedBefore = now.AddDays(-settings.FollowUpDays);
        var due = await db.Set<FulfilmentRecord>().AsNoTracking().Where(r => r.SurveyAt == null && r.FulfilledAt <= askedBefore)
            .Join(db.Set<InclusionApplication>().Where(a => a.State == ApplicationState.Fulfilled), r => r.ApplicationId, a => a.Id, (r, a) => a.Id)
            .Take(500).ToListAsync(ct);
        var followUps = 0;
        foreach (var id in due)
        {
            var a = await db.Set<InclusionApplication>().FirstAsync(x => x.Id == id, ct);
            if (await intake.MoveAsync(a, ApplicationState.FollowUpDue, ApplicationActor.System, null, null, ct) is null) followUps++;
        }
        var remindBy = now.AddDays(settings.LoanReminderDays);
        var loans = await db.Set<FulfilmentRecord>().Where(r => r.Kind == Programmes.FulfilmentKind.Loan && r.ReturnedAt == null && r.ReminderSentAt == null && r.DueAt <= remindBy)
            .Take(500).ToListAsync(ct);
        foreach (var loan in loans)
        {
            var a = await db.Set<InclusionApplication>().AsNoTracking().FirstAsync(x => x.Id == loan.ApplicationId, ct);
            await notices.RemindAsync(a, "Inclusion.Notice.LoanDue", ct);
            loan.ReminderSentAt = now;
        }
        await db.SaveChangesAsync(ct);
        return (followUps, loans.Count);
    }
}
