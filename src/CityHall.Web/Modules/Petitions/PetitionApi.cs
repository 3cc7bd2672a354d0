using CityHall.Web.Platform.Web;

namespace CityHall.Web.Modules.Petitions;

/// <summary>Open data: published proposals, one with its supports by district and its checkpoints, and the similar-title search.</summary>
public static class PetitionApi
{
    public sealed record PetitionSummary(long Id, string Title, string Category, string? District, string Status, int Supports,
        DateTimeOffset? PublishedAt, DateTimeOffset? SupportDeadline);

    public sealed record PetitionDetail(long Id, string Title, string Body, string Category, string? District, string Status, int Supports,
        DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? SupportDeadline, string? Department, string? RejectionReason,
        IReadOnlyDictionary<string, int> SupportsByDistrict, long ChainLength, Checkpoint? LatestCheckpoint,
        DateTimeOffset? ThresholdReachedAt, DateTimeOffset? AnswerDueAt, DateTimeOffset? ForumOpenedAt, DateTimeOffset? ForumClosesAt,
        DateTimeOffset? AnsweredAt, string? AnswerOutcome, string? AnswerText,
        Forum? Forum, DateTimeOffset? MayorAnswerDueAt, DateTimeOffset? MayorAnsweredAt, string? MayorAnswerOutcome, string? MayorAnswerText,
        IReadOnlyList<FollowUp> FollowUps);

    /// <summary>The forum's votes by side; Participants reaching the mayor threshold obliges the mayor to answer.</summary>
    public sealed record Forum(int Participants, int Pro, int Con, int Neutral, bool Open);

    public sealed record FollowUp(DateTimeOffset PostedAt, string Body);

    public sealed record Checkpoint(long Length, string HeadHash, int Supports, DateTimeOffset At);

    public sealed record SimilarTitle(long Id, string Title, string Status, int Supports, double Similarity);

    private static readonly PetitionStatus[] Public =
        [PetitionStatus.Collecting, PetitionStatus.AwaitingAnswer, PetitionStatus.Answered, PetitionStatus.Closed, PetitionStatus.Rejected];

    public static void Map(WebApplication app)
    {
        // Each call reads the database (a proposal's tally is a GROUP BY over its supports): cached for a
        // couple of seconds, so a crowd of clients polling one proposal costs one query, and limited per address.
        var api = app.MapGroup("/api/v1/petitions").WithTags("Petitions")
            .CacheOutput(OutputCaching.PublicShort).RequireRateLimiting(RateLimits.ApiRead);

        api.MapGet("/", async (AppDbContext db, string? status, int? page) =>
        {
            var query = db.Set<Petition>().AsNoTracking().Where(p => Public.Contains(p.Status));
            if (status is not null && Enum.TryParse<PetitionStatus>(status, ignoreCase: true, out var s) && Public.Contains(s))
                query = query.Where(p => p.Status == s);
            // Far pages are empty, not an overflow: (page - 1) * 50 must stay an int.
            var number = Math.Clamp(page ?? 1, 1, 1_000_000);
            var rows = await query.OrderByDescending(p => p.Id).Skip((number - 1) * 50).Take(50)
                .Select(p => new PetitionSummary(p.Id, p.Title, p.CategoryCode, p.DistrictCode, p.Status.ToString(), p.SignatureCount, p.PublishedAt, p.SupportDeadline))
                .ToListAsync();
            return TypedResults.Ok(rows);
        }).WithSummary("Published proposals, newest first, 50 a page (status: collecting, closed, rejected)");

        api.MapGet("/{id:long}", async Task<IResult> (long id, AppDbContext db, Petitions.Forum.PetitionForum forums, TimeProvider clock) =>
        {
            var p = await db.Set<Petition>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && Public.Contains(p.Status));
            if (p is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No published proposal has this id.");
            var byDistrict = await SupportTally.ByDistrictAsync(db, id);
            var checkpoint = await db.Set<PetitionCheckpoint>().AsNoTracking().Where(c => c.PetitionId == id)
                .OrderByDescending(c => c.Length).Select(c => new Checkpoint(c.Length, c.HeadHash, c.Supports, c.At)).FirstOrDefaultAsync();
            Forum? forum = null;
            if (p.ForumOpenedAt is not null)
            {
                var tally = await forums.TallyAsync(id);
                forum = new(p.ForumParticipants, tally.Pro, tally.Con, tally.Neutral, Petitions.Forum.PetitionForum.IsOpen(p, clock.GetUtcNow()));
            }
            var followUps = await db.Set<PetitionFollowUp>().AsNoTracking().Where(f => f.PetitionId == id).OrderBy(f => f.Id)
                .Select(f => new FollowUp(f.PostedAt, f.Body)).ToListAsync();
            return TypedResults.Ok(new PetitionDetail(p.Id, p.Title, p.Body, p.CategoryCode, p.DistrictCode, p.Status.ToString(), p.SignatureCount,
                p.CreatedAt, p.PublishedAt, p.SupportDeadline, p.DepartmentCode, p.RejectionReasonCode, byDistrict, p.ChainLength, checkpoint,
                p.ThresholdReachedAt, p.AnswerDueAt, p.ForumOpenedAt, p.ForumClosesAt, p.AnsweredAt, p.AnswerOutcome?.ToString(), p.AnswerText,
                forum, p.MayorAnswerDueAt, p.MayorAnsweredAt, p.MayorAnswerOutcome?.ToString(), p.MayorAnswerText, followUps));
        }).WithSummary("One proposal with its supports by district (\"\" = no district given), its latest checkpoint, forum tally, answers and follow-ups");

        api.MapGet("/{id:long}/checkpoints", async Task<IResult> (long id, AppDbContext db) =>
        {
            if (!await db.Set<Petition>().AnyAsync(p => p.Id == id && Public.Contains(p.Status)))
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No published proposal has this id.");
            return TypedResults.Ok(await db.Set<PetitionCheckpoint>().AsNoTracking().Where(c => c.PetitionId == id).OrderBy(c => c.Length)
                .Select(c => new Checkpoint(c.Length, c.HeadHash, c.Supports, c.At)).ToListAsync());
        }).WithSummary("Every published checkpoint of a proposal's signature chain");

        app.MapGet("/api/v1/petitions.csv", async (AppDbContext db, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = $"public, max-age={(int)OutputCaching.DatasetExportAge.TotalSeconds}";
            var rows = await db.Set<Petition>().AsNoTracking().Where(p => Public.Contains(p.Status)).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Title, p.CategoryCode, p.DistrictCode, p.Status, p.SignatureCount, p.PublishedAt, p.SupportDeadline,
                    p.DepartmentCode, p.ThresholdReachedAt, p.AnswerDueAt, p.AnsweredAt, p.AnswerOutcome, p.RejectionReasonCode })
                .ToListAsync();
            return TypedResults.File(CsvExport.ToBytes(
                ["Id", "Title", "Category", "District", "Status", "Supports", "PublishedAt", "SupportDeadline",
                 "Department", "ThresholdReachedAt", "AnswerDueAt", "AnsweredAt", "Outcome", "RejectionReason"],
                rows.Select(r => new[]
                {
                    CsvExport.Number(r.Id), r.Title, r.CategoryCode, r.DistrictCode ?? "", r.Status.ToString(), CsvExport.Number(r.SignatureCount),
                    CsvExport.Time(r.PublishedAt), CsvExport.Time(r.SupportDeadline), r.DepartmentCode ?? "", CsvExport.Time(r.ThresholdReachedAt),
                    CsvExport.Time(r.AnswerDueAt), CsvExport.Time(r.AnsweredAt), r.AnswerOutcome?.ToString() ?? "", r.RejectionReasonCode ?? "",
                })), "text/csv", "petitions.csv");
        }).WithTags("Petitions").WithSummary("Every published proposal with its supports, stage dates and answer outcome, as CSV (at most a minute old)")
            .CacheOutput(OutputCaching.DatasetExport).RequireRateLimiting(RateLimits.ApiRead);

        // The proposal's picture for its page and for link previews; published proposals only (the
        // author and moderators see theirs before review through the same address).
        app.MapGet("/petitions/{id:long}/image", async Task<IResult> (long id, HttpContext http, AppDbContext db) =>
        {
            var p = await db.Set<Petition>().AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Status, p.AuthorId }).FirstOrDefaultAsync();
            var published = p is not null && Public.Contains(p.Status) && p.Status != PetitionStatus.Rejected;
            var visible = published || (p is not null && (p.AuthorId == http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
                || http.User.HasPermission(PetitionsModule.Moderate)));
            var image = visible ? await db.Set<ProposalImage>().AsNoTracking().FirstOrDefaultAsync(i => i.PetitionId == id) : null;
            return image is null ? TypedResults.NotFound() : image.Serve(http, published);
        }).ExcludeFromDescription();

        api.MapGet("/similar", async (string? title, SimilarPetitions similar) =>
            TypedResults.Ok((await similar.FindAsync(title)).Select(m => new SimilarTitle(m.Id, m.Title, m.Status.ToString(), m.Supports, Math.Round(m.Similarity, 2)))))
            .WithSummary("Published proposals whose titles resemble the given one (character bigrams; works for Korean)");
    }
}
