using System.Globalization;
using System.Security.Claims;
using System.Text;
using CityHall.Web.Modules.CityNetwork.Awards;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Notifications;

namespace CityHall.Web.Modules.CityNetwork.Library;

/// <summary>Why a library step was not taken (each has a text <c>Network.Library.Refused.{name}</c>).</summary>
public enum LibraryRefusal { None, WrongStep, NotWinner, NotAnnounced, TranslationTaken, UnknownCase }

/// <summary>What one search of the library asks: words (any script), a topic, a language, a kind, a year, and the page.</summary>
public sealed record LibraryQuery(string? Text, string? Topic, string? Language, LibraryKind? Kind, int? Year, int Page = 1)
{
    public const int PageSize = 20;
}

/// <summary>
/// The knowledge library's rules: what the public finds (published cases only, by words in any script, topic, language,
/// kind and year), how a case is saved and moves — a contributor's draft, sent for review, published or returned with a
/// note by the secretariat — and how an announced award winner becomes a published case in one click, once. Each move
/// is a conditional update from the status it expects.
/// </summary>
public sealed class LibraryShelf(AppDbContext db, AuditLog audit, Notifier notifier, TimeProvider clock, IStringLocalizer<Text> t)
{
    public IQueryable<LibraryCase> Published => db.Set<LibraryCase>().AsNoTracking().Where(c => c.Status == LibraryStatus.Published);

    public async Task<(IReadOnlyList<LibraryCase> Cases, int Total)> SearchAsync(LibraryQuery q, CancellationToken ct)
    {
        var query = Published;
        foreach (var word in NetworkMember.Folded(q.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            query = query.Where(c => c.SearchText.Contains(word));
        // With the spaces around it, "open-data" never matches "open-data-x".
        if (!string.IsNullOrWhiteSpace(q.Topic)) { var spaced = $" {q.Topic.Trim()} "; query = query.Where(c => c.TopicCodes.Contains(spaced)); }
        if (!string.IsNullOrWhiteSpace(q.Language)) query = query.Where(c => c.Language == q.Language);
        if (q.Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (q.Year is { } year) query = query.Where(c => c.Year == year);
        var total = await query.CountAsync(ct);
        var cases = await query.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .Skip((Math.Max(1, q.Page) - 1) * LibraryQuery.PageSize).Take(LibraryQuery.PageSize).ToListAsync(ct);
        return (cases, total);
    }

    /// <summary>The other language versions of a case that the reader may see (published ones; all for the secretariat).</summary>
    public async Task<IReadOnlyList<LibraryCase>> TranslationsAsync(LibraryCase of, bool publishedOnly, CancellationToken ct) =>
        await db.Set<LibraryCase>().AsNoTracking().Where(c => c.TranslationGroup == of.TranslationGroup && c.Id != of.Id && (!publishedOnly || c.Status == LibraryStatus.Published))
            .OrderBy(c => c.Language).ToListAsync(ct);

    /// <summary>
    /// Saves a new case or changes one: a contributor's as a draft (or, by the secretariat, as it stands). A version in
    /// another language joins its original's group, unless that language is already there.
    /// </summary>
    public async Task<(LibraryCase? Case, LibraryRefusal Refusal)> SaveAsync(ClaimsPrincipal actor, LibraryCase? existing, LibraryInput input, string? contributorUserId,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var language = NetworkMember.CleanLanguageTag(input.Language)!;
        long? group = existing?.TranslationGroup;
        if (input.TranslationOf is { } originalId && existing is null)
        {
            if (await db.Set<LibraryCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == originalId, ct) is not { } original) return (null, LibraryRefusal.UnknownCase);
            if (await db.Set<LibraryCase>().AnyAsync(c => c.TranslationGroup == original.TranslationGroup && c.Language == language, ct)) return (null, LibraryRefusal.TranslationTaken);
            group = original.TranslationGroup;
        }
        else if (existing is not null && existing.Language != language
            && await db.Set<LibraryCase>().AnyAsync(c => c.TranslationGroup == existing.TranslationGroup && c.Id != existing.Id && c.Language == language, ct))
            return (null, LibraryRefusal.TranslationTaken);

        var item = existing is null
            ? db.Add(new LibraryCase { Title = "", Summary = "", Body = "", Language = language, Status = LibraryStatus.Draft, ContributorUserId = contributorUserId, CreatedAt = now }).Entity
            : await db.Set<LibraryCase>().FirstAsync(c => c.Id == existing.Id, ct);
        input.ApplyTo(item);
        item.Language = language;
        item.UpdatedAt = now;
        item.Refold();
        await db.SaveChangesAsync(ct);
        if (existing is null)
        {
            item.TranslationGroup = group ?? item.Id;
            await db.SaveChangesAsync(ct);
        }
        await audit.RecordAsync(actor, existing is null ? "network.library.create" : "network.library.edit", "network-library-case", Id(item.Id),
            new { item.Title, item.Language, item.TranslationGroup, status = item.Status.ToString() }, ct);
        return (item, LibraryRefusal.None);
    }

    /// <summary>The contributor sends a draft (or a returned one) for review.</summary>
    public Task<LibraryRefusal> SubmitAsync(ClaimsPrincipal actor, long caseId, CancellationToken ct) =>
        MoveAsync(actor, caseId, [LibraryStatus.Draft, LibraryStatus.Returned], LibraryStatus.InReview, null, "network.library.submit", ct);

    /// <summary>The secretariat publishes a case (from review, or its own draft).</summary>
    public async Task<LibraryRefusal> PublishAsync(ClaimsPrincipal actor, long caseId, CancellationToken ct)
    {
        var refusal = await MoveAsync(actor, caseId, [LibraryStatus.Draft, LibraryStatus.InReview, LibraryStatus.Returned], LibraryStatus.Published, null, "network.library.publish", ct);
        if (refusal == LibraryRefusal.None) await TellContributorAsync(caseId, "Published", null, ct);
        return refusal;
    }

    /// <summary>The secretariat sends a case in review back with what to change.</summary>
    public async Task<LibraryRefusal> ReturnAsync(ClaimsPrincipal actor, long caseId, string note, CancellationToken ct)
    {
        var refusal = await MoveAsync(actor, caseId, [LibraryStatus.InReview], LibraryStatus.Returned, note.Trim(), "network.library.return", ct);
        if (refusal == LibraryRefusal.None) await TellContributorAsync(caseId, "Returned", note, ct);
        return refusal;
    }

    /// <summary>A published case taken down (back to a draft the secretariat holds).</summary>
    public Task<LibraryRefusal> UnpublishAsync(ClaimsPrincipal actor, long caseId, CancellationToken ct) =>
        MoveAsync(actor, caseId, [LibraryStatus.Published], LibraryStatus.Draft, null, "network.library.unpublish", ct);

    /// <summary>
    /// An announced winner becomes a published case: its title, summary, language, city, country and member, the
    /// edition's year, and its answers as the body (each question, then the answer). Once per entry: the unique key on
    /// the entry holds even when two secretaries click at once; the existing case is returned then.
    /// </summary>
    public async Task<(LibraryCase? Case, LibraryRefusal Refusal)> FromWinnerAsync(ClaimsPrincipal actor, long entryId, CancellationToken ct)
    {
        if (await db.Set<LibraryCase>().AsNoTracking().FirstOrDefaultAsync(c => c.AwardEntryId == entryId, ct) is { } made) return (made, LibraryRefusal.None);
        if (await db.Set<AwardEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct) is not { } entry || entry.Status != EntryStatus.Awarded)
            return (null, LibraryRefusal.NotWinner);
        var edition = await db.Set<AwardEdition>().AsNoTracking().FirstAsync(e => e.Id == entry.EditionId, ct);
        if (edition.Phase != AwardPhase.Announced) return (null, LibraryRefusal.NotAnnounced);
        var category = await db.Set<AwardCategory>().AsNoTracking().FirstAsync(c => c.Id == entry.CategoryId, ct);
        var questions = await db.Set<AwardQuestion>().AsNoTracking().Where(q => q.EditionId == edition.Id).OrderBy(q => q.Order).ThenBy(q => q.Id).ToListAsync(ct);
        var body = new StringBuilder();
        foreach (var question in questions.Where(q => entry.Answers.ContainsKey(q.Id)))
            body.Append(question.Prompt).Append("\n\n").Append(entry.Answers[question.Id].Trim()).Append("\n\n");
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new LibraryCase
        {
            Kind = LibraryKind.AwardWinner, Title = entry.Title, Language = NetworkMember.CleanLanguageTag(entry.Language) ?? "en",
            Summary = entry.Summary ?? $"{edition.Title}: {category.Name}", Body = body.Length > 0 ? body.ToString().TrimEnd() : entry.Summary ?? entry.Title,
            City = entry.CityName, CountryCode = entry.CountryCode, MemberId = entry.MemberId, Year = edition.Year, Status = LibraryStatus.Published,
            AwardEntryId = entry.Id, CreatedAt = now, PublishedAt = now, UpdatedAt = now,
        };
        item.Body = item.Body[..Math.Min(item.Body.Length, LibraryCase.BodyMax)];
        item.Refold();
        db.Add(item);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another click made it first.
            db.ChangeTracker.Clear();
            return (await db.Set<LibraryCase>().AsNoTracking().FirstAsync(c => c.AwardEntryId == entryId, ct), LibraryRefusal.None);
        }
        item.TranslationGroup = item.Id;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "network.library.from-winner", "network-library-case", Id(item.Id), new { entry.Reference, item.Title }, ct);
        return (item, LibraryRefusal.None);
    }

    /// <summary>A file added to a case (PDF or picture, already checked by content).</summary>
    public async Task AttachAsync(ClaimsPrincipal actor, long caseId, string? fileName, UploadedDocument file, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName ?? "");
        var attachment = new LibraryAttachment
        {
            CaseId = caseId, Name = string.IsNullOrWhiteSpace(name) ? "document" : name[..Math.Min(200, name.Length)], Bytes = file.Bytes, ContentType = file.ContentType,
            Sha256 = file.Sha256, UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(attachment);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "network.library.attach", "network-library-case", Id(caseId), new { attachment.Name, attachment.Sha256 }, ct);
    }

    public async Task<bool> DetachAsync(ClaimsPrincipal actor, long caseId, long attachmentId, CancellationToken ct)
    {
        if (await db.Set<LibraryAttachment>().Where(a => a.Id == attachmentId && a.CaseId == caseId).ExecuteDeleteAsync(ct) == 0) return false;
        await audit.RecordAsync(actor, "network.library.detach", "network-library-case", Id(caseId), new { attachmentId }, ct);
        return true;
    }

    /// <summary>A case's attachments without their bytes, in the order added.</summary>
    public async Task<IReadOnlyList<LibraryAttachment>> AttachmentsAsync(long caseId, CancellationToken ct) =>
        await db.Set<LibraryAttachment>().AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Id)
            .Select(a => new LibraryAttachment { Id = a.Id, CaseId = a.CaseId, Name = a.Name, Bytes = Array.Empty<byte>(), ContentType = a.ContentType, Sha256 = a.Sha256, UploadedAt = a.UploadedAt })
            .ToListAsync(ct);

    public string Explain(LibraryRefusal refusal) => t[$"Network.Library.Refused.{refusal}"].Value;

    private async Task<LibraryRefusal> MoveAsync(ClaimsPrincipal actor, long caseId, LibraryStatus[] from, LibraryStatus to, string? note, string action, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? published = to == LibraryStatus.Published ? now : null;
        var moved = await db.Set<LibraryCase>().Where(c => c.Id == caseId && from.Contains(c.Status))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, to).SetProperty(c => c.ReviewNote, note).SetProperty(c => c.UpdatedAt, now)
                .SetProperty(c => c.PublishedAt, c => to == LibraryStatus.Published ? published : to == LibraryStatus.Draft ? null : c.PublishedAt), ct);
        if (moved == 0) return LibraryRefusal.WrongStep;
        await audit.RecordAsync(actor, action, "network-library-case", Id(caseId), new { status = to.ToString(), note }, ct);
        return LibraryRefusal.None;
    }

    private async Task TellContributorAsync(long caseId, string what, string? note, CancellationToken ct)
    {
        var item = await db.Set<LibraryCase>().AsNoTracking().FirstAsync(c => c.Id == caseId, ct);
        if (item.ContributorUserId is not { } userId) return;
        var link = what == "Published" ? $"/network/library/{item.Id}" : $"/network/library/contribute/{item.Id}";
        await notifier.ToUserAsync(userId, () => (t[$"Network.Library.Notice.{what}.Title"].Value, t[$"Network.Library.Notice.{what}.Body", item.Title, note ?? ""].Value), link, ct);
        await db.SaveChangesAsync(ct);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
