namespace CityHall.Web.Modules.News.Attachments;

/// <summary>
/// A post's document as a file (/news/{id}/files/{fileId}): to anyone once the post is public; before, only to those
/// who may see the post among their department's (its writers, and a notice's approvers, who must read what they
/// approve). Sent as a download with its own name and the type its content was checked to be, never shown inline.
/// </summary>
public static class AttachmentDownloads
{
    public static void Map(WebApplication app) =>
        app.MapGet("/news/{id:long}/files/{fileId:long}", DownloadAsync).WithTags("News").WithSummary("A post's attached document (PDF, HWP, HWPX, DOCX or XLSX)");

    private static async Task<IResult> DownloadAsync(long id, long fileId, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var post = await ReadablePostAsync(db, http.User, id, clock.GetUtcNow().UtcDateTime, ct);
        if (post is null) return Results.NotFound();
        var file = await db.Set<NewsAttachment>().AsNoTracking().Where(a => a.Id == fileId && a.PostId == id)
            .Select(a => new { a.FileName, a.Kind, a.Content, a.Sha256 }).FirstOrDefaultAsync(ct);
        if (file is null) return Results.NotFound();
        // A public post's document may be kept a while by browsers and proxies; a draft's only by the one who asked.
        http.Response.Headers.CacheControl = post.Value ? "public, max-age=300" : "private, no-store";
        return Results.File(file.Content, AttachmentFiles.ContentType(file.Kind), file.FileName,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    /// <summary>Whether the post's documents may be read by this user: null when not, else whether the post is public.</summary>
    public static async Task<bool?> ReadablePostAsync(AppDbContext db, System.Security.Claims.ClaimsPrincipal user, long id, DateTime now, CancellationToken ct)
    {
        if (await db.Set<NewsPost>().PublishedBy(now).AnyAsync(p => p.Id == id, ct)) return true;
        if (user.Identity?.IsAuthenticated != true) return null;
        var post = await NewsAccess.Visible(db.Set<NewsPost>().AsNoTracking(), user).FirstOrDefaultAsync(p => p.Id == id, ct);
        return post is not null && (NewsAccess.MayChange(user, post) || OfficialNotices.MayApprove(user, post)) ? false : null;
    }
}
