using CityHall.Web.Modules.News.Attachments;

namespace CityHall.Web.Modules.News.Public;

/// <summary>
/// The text read out of a post's document, as a page: for a screen reader, for a phone without a viewer for HWP, for
/// a search engine. Who may read it is who may download the file.
/// </summary>
public sealed class AttachmentTextModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public NewsPost Post { get; private set; } = null!;
    public string FileName { get; private set; } = "";
    public IReadOnlyList<string> Lines { get; private set; } = [];
    public bool Public { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long fileId, CancellationToken ct)
    {
        if (await AttachmentDownloads.ReadablePostAsync(db, User, id, clock.GetUtcNow().UtcDateTime, ct) is not { } isPublic) return NotFound();
        var file = await db.Set<NewsAttachment>().AsNoTracking().Where(a => a.Id == fileId && a.PostId == id && a.Text != null)
            .Select(a => new { a.FileName, a.Text }).FirstOrDefaultAsync(ct);
        if (file is null) return NotFound();
        Post = await db.Set<NewsPost>().AsNoTracking().SingleAsync(p => p.Id == id, ct);
        Public = isPublic;
        FileName = file.FileName;
        Lines = file.Text!.Split('\n').Select(l => l.Replace('\t', ' ').Trim()).Where(l => l.Length > 0).ToList();
        if (!isPublic) Response.Headers.CacheControl = "private, no-store";
        return Page();
    }
}
