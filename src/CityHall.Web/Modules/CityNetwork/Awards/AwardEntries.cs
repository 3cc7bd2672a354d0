using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Awards;

/// <summary>
/// Entries from the applicant's side: a draft is made for a category and applicant type, filled in and submitted.
/// Submitting takes one of the applicant's slots for the edition (the cap, under a unique key), so doubled or
/// simultaneous submissions cannot pass it; and screening from the secretariat's side (eligible, or not with reasons).
/// </summary>
public sealed class AwardEntries(AppDbContext db, AuditLog audit, TimeProvider clock, CityClock cityClock, IOptionsMonitor<CityNetworkOptions> options)
{
    /// <summary>The member cities an account may enter for: those it represents.</summary>
    public Task<List<NetworkMember>> RepresentedAsync(string userId, CancellationToken ct) =>
        db.Set<NetworkMember>().AsNoTracking()
            .Where(m => m.Status == MemberStatus.Active && m.Kind == MemberKind.City && db.Set<NetworkMemberRepresentative>().Any(r => r.MemberId == m.Id && r.UserId == userId))
            .OrderBy(m => m.Name).ToListAsync(ct);

    public async Task<AwardEntry> StartAsync(string userId, AwardEdition edition, long categoryId, ApplicantType type, NetworkMember? member,
        string cityName, string countryCode, string? vendorName, string title, string language, string? timeZone, CancellationToken ct)
    {
        var entry = new AwardEntry
        {
            Reference = PublicReference.New(cityClock.Now, "AWD-"), EditionId = edition.Id, CategoryId = categoryId, ApplicantUserId = userId,
            ApplicantType = type, MemberId = member?.Id, CityName = member?.Name ?? cityName.Trim(), CountryCode = member?.CountryCode ?? countryCode.ToUpperInvariant(),
            VendorName = type == ApplicantType.Vendor ? vendorName?.Trim() : null, Title = title.Trim(), Language = language, TimeZone = timeZone,
            Status = EntryStatus.Draft, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Submits a draft: null when done, or the text key of the reason it was not (nothing changed).</summary>
    public async Task<string?> SubmitAsync(ClaimsPrincipal applicant, long entryId, CancellationToken ct)
    {
        var entry = await db.Set<AwardEntry>().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null) return "Network.Awards.Entry.Unknown";
        var edition = await db.Set<AwardEdition>().AsNoTracking().FirstAsync(e => e.Id == entry.EditionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (AwardRules.DraftRefusal(edition, entry, now) is { } refusal) return refusal;
        var questions = await db.Set<AwardQuestion>().AsNoTracking().Where(q => q.EditionId == edition.Id).ToListAsync(ct);
        if (questions.Where(q => q.Required && q.AppliesTo(entry.CategoryId, entry.ApplicantType)).Any(q => string.IsNullOrWhiteSpace(entry.Answers.GetValueOrDefault(q.Id))))
            return "Network.Awards.Entry.Unanswered";
        if (entry.ApplicantType == ApplicantType.Vendor && entry.CityApproval is null) return "Network.Awards.Entry.ApprovalMissing";

        var cap = options.CurrentValue.EntriesPerEdition;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Set<AwardEntrySlot>().Where(s => s.EditionId == edition.Id && s.ApplicantKey == entry.ApplicantKey).Select(s => s.Slot).ToListAsync(ct);
        var free = Enumerable.Range(1, cap).Where(s => !taken.Contains(s)).Cast<int?>().FirstOrDefault();
        if (free is null) return "Network.Awards.Entry.CapReached";
        db.Add(new AwardEntrySlot { EditionId = edition.Id, ApplicantKey = entry.ApplicantKey, Slot = free.Value, EntryId = entry.Id });
        (entry.Status, entry.SubmittedAt) = (EntryStatus.Submitted, now);
        entry.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Network.Awards.Entry.NotDraft"; // submitted meanwhile (a double click)
        }
        catch (DbUpdateException)
        {
            // The same slot taken at the same moment by another of the applicant's entries, or this entry submitted twice.
            return "Network.Awards.Entry.CapReached";
        }
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Screens a submitted entry: eligible, or not with the reasons the applicant will read.</summary>
    public async Task<string?> ScreenAsync(ClaimsPrincipal secretary, long entryId, bool eligible, string? reasons, CancellationToken ct)
    {
        var entry = await db.Set<AwardEntry>().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null) return "Network.Awards.Entry.Unknown";
        var edition = await db.Set<AwardEdition>().AsNoTracking().FirstAsync(e => e.Id == entry.EditionId, ct);
        if (AwardRules.ScreeningRefusal(edition, entry, eligible, reasons) is { } refusal) return refusal;
        entry.Status = eligible ? EntryStatus.Eligible : EntryStatus.Ineligible;
        entry.ScreeningReasons = string.IsNullOrWhiteSpace(reasons) ? null : reasons.Trim();
        (entry.ScreenedAt, entry.ScreenedBy) = (clock.GetUtcNow().UtcDateTime, secretary.FindFirstValue(ClaimTypes.NameIdentifier));
        entry.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Network.Awards.Screen.Changed";
        }
        await audit.RecordAsync(secretary, "network.award.screen", "network-award-entry", entryId.ToString(CultureInfo.InvariantCulture),
            new { eligible, reasons = entry.ScreeningReasons }, ct);
        return null;
    }
}
