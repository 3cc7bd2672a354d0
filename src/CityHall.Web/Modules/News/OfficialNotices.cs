using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.News;

/// <summary>Where a published notice stands on a given day.</summary>
public enum NoticeStatus { Upcoming, InForce, Ended, Corrected }

/// <summary>
/// Official notices (고시·공고): a writer submits one for publication, a second person holding the approval permission
/// for the same department approves it — and only then is it numbered and published, at once or at the time asked for.
/// The number is the department's next in the year of publication, given inside the approval's transaction from a
/// counter row the database locks, so approvals at the same moment get consecutive numbers and a number is never given
/// twice (a unique index stands behind it). An approved notice is sealed; a mistake is mended by a correction, a new
/// notice that links the original, which then shows as corrected and is never rewritten.
/// </summary>
public sealed class OfficialNotices(AppDbContext db, CityClock cityClock, TimeProvider clock)
{
    /// <summary>Why an approval or a return did not happen (text keys), or null when it did.</summary>
    public enum Refusal { NotWaiting, SamePerson, Changed }

    public static bool MayApprove(ClaimsPrincipal user, NewsPost post) =>
        post.Kind == NewsKind.Notice && user.HasPermission(NewsModule.ApproveNotices) && user.ActsForDepartment(post.DepartmentCode);

    /// <summary>
    /// Approves the submission the approver read (<paramref name="version"/>: its revision), numbering and
    /// publishing it. Refused if the approver submitted it, if it is no longer waiting, or if it changed since read.
    /// </summary>
    public async Task<(Refusal? Refusal, NewsPost? Notice)> ApproveAsync(long id, int version, string approver, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var post = await db.Set<NewsPost>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null || post.Kind != NewsKind.Notice || !post.IsSubmitted) return (Refusal.NotWaiting, null);
        if (string.Equals(post.SubmittedBy, approver, StringComparison.OrdinalIgnoreCase)) return (Refusal.SamePerson, null);
        if (post.Revision != version) return (Refusal.Changed, null);
        // A time asked for that has passed while it waited: published on approval.
        var publishAt = post.RequestedAt is { } asked && asked > now ? asked : now;
        var year = cityClock.ToLocal(new DateTimeOffset(publishAt, TimeSpan.Zero)).Year;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The claim comes first, a write, so that SQLite takes its write lock before anything is read in the
        // transaction; and only one approval of this very submission can match it.
        var claimed = await db.Set<NewsPost>()
            .Where(p => p.Id == id && p.ApprovedAt == null && p.SubmittedAt != null && p.Revision == version)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ApprovedAt, now).SetProperty(p => p.ApprovedBy, approver).SetProperty(p => p.PublishAt, publishAt), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return (Refusal.Changed, null);
        }
        var number = await NextNumberAsync(post.DepartmentCode, year, ct);
        await db.Set<NewsPost>().Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.NoticeYear, year).SetProperty(p => p.NoticeNumber, number), ct);
        await tx.CommitAsync(ct);
        return (null, await db.Set<NewsPost>().AsNoTracking().FirstAsync(p => p.Id == id, ct));
    }

    /// <summary>
    /// The department's next number in the year: the counter row is created or counted up in one statement, which
    /// holds its lock until the transaction ends — a rolled-back approval gives its number back, a committed one keeps it.
    /// </summary>
    private async Task<int> NextNumberAsync(string department, int year, CancellationToken ct)
    {
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO news_notice_numbers ("DepartmentCode", "Year", "Last") VALUES ({department}, {year}, 1)
            ON CONFLICT ("DepartmentCode", "Year") DO UPDATE SET "Last" = news_notice_numbers."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return numbers[0];
    }

    /// <summary>
    /// Sends a waiting notice back to its writers with the approver's reason; the publication asked for stays, so their
    /// form offers it again and saving the mended notice asks for approval once more.
    /// </summary>
    public async Task<Refusal?> ReturnAsync(long id, int version, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var post = await db.Set<NewsPost>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null || post.Kind != NewsKind.Notice || !post.IsSubmitted) return Refusal.NotWaiting;
        if (post.Revision != version) return Refusal.Changed;
        var returned = await db.Set<NewsPost>().Where(p => p.Id == id && p.ApprovedAt == null && p.SubmittedAt != null && p.Revision == version)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SubmittedAt, (DateTime?)null).SetProperty(p => p.SubmittedBy, (string?)null)
                .SetProperty(p => p.ReturnReason, reason).SetProperty(p => p.UpdatedAt, now).SetProperty(p => p.Revision, version + 1), ct);
        return returned == 0 ? Refusal.Changed : null;
    }

    /// <summary>Where a published notice stands on the city's <paramref name="today"/>.</summary>
    public static NoticeStatus StatusOn(NewsPost notice, DateOnly today, bool corrected) =>
        corrected ? NoticeStatus.Corrected
        : notice.PeriodTo is { } to && to < today ? NoticeStatus.Ended
        : notice.PeriodFrom is { } from && from > today ? NoticeStatus.Upcoming
        : NoticeStatus.InForce;

    /// <summary>
    /// The notices among <paramref name="ids"/> (null: all) that a notice public by <paramref name="now"/> corrects, each
    /// with its latest such correction.
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, NewsPost>> CorrectionsOfAsync(AppDbContext db, IReadOnlyCollection<long>? ids, DateTime now, CancellationToken ct)
    {
        if (ids is { Count: 0 }) return new Dictionary<long, NewsPost>();
        var query = db.Set<NewsPost>().AsNoTracking().PublishedBy(now).Where(p => p.CorrectsId != null);
        if (ids is not null) query = query.Where(p => ids.Contains(p.CorrectsId!.Value));
        var corrections = await query.OrderBy(p => p.PublishAt).ToListAsync(ct);
        var latest = new Dictionary<long, NewsPost>();
        foreach (var c in corrections) latest[c.CorrectsId!.Value] = c;
        return latest;
    }

    /// <summary>The number as it is cited: the year and the department's count ("2026-17").</summary>
    public static string? Number(NewsPost notice) =>
        notice is { NoticeYear: { } year, NoticeNumber: { } n } ? string.Create(CultureInfo.InvariantCulture, $"{year}-{n}") : null;

    /// <summary>Today in the city's calendar.</summary>
    public DateOnly Today => DateOnly.FromDateTime(cityClock.Now.DateTime);
}
