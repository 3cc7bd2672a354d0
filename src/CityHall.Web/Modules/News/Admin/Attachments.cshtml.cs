using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.News.Attachments;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.News.Admin;

/// <summary>
/// A post's documents: its writers add PDF, HWP, HWPX, DOCX and XLSX files (each told by its content, up to 20 MB,
/// ten a post, counted against the writer's daily upload allowance) and remove them. Adding or removing one is a change
/// to the post: a notice waiting for approval must be approved again as it now is; an approved notice's documents are
/// sealed with it. Audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + NewsModule.StaffAny)]
[RequestSizeLimit(AttachmentFiles.MaxBytes + 1_048_576)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentFiles.MaxBytes + 1_048_576)]
public sealed class AttachmentsModel(AppDbContext db, AuditLog audit, UploadAllowance allowance, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "News.Attachment.File")] public IFormFile? Document { get; set; }

    public NewsPost Post { get; private set; } = null!;
    public IReadOnlyList<AttachmentSummary> Files { get; private set; } = [];
    public bool MayAdd => !Post.IsSealed && Files.Count < NewsAttachments.MaxPerPost;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var file = Document;
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Post.IsSealed) return Refuse("News.Attachment.Error.Sealed");
        if (Files.Count >= NewsAttachments.MaxPerPost) return Refuse("News.Attachment.Error.TooMany");
        if (file is null || file.Length == 0) return Refuse("News.Attachment.Error.Empty");
        var name = NewsAttachments.CleanName(file.FileName);
        if (AttachmentFiles.Claimed(name) is null) return Refuse("News.Attachment.Error.UnknownExtension");
        if (file.Length > AttachmentFiles.MaxBytes) return Refuse("News.Attachment.Error.TooLarge");
        if (!await allowance.TryTakeAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, file.Length, ct)) return Refuse("News.Attachment.Error.Allowance");
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
        var (checkedFile, problem) = AttachmentFiles.Check(name, bytes);
        if (problem is { } why) return Refuse("News.Attachment.Error." + why);

        var now = clock.GetUtcNow().UtcDateTime;
        var attachment = new NewsAttachment
        {
            PostId = id, FileName = name, Kind = checkedFile!.Kind, Size = bytes.Length, Sha256 = checkedFile.Sha256, Content = bytes, Text = checkedFile.Text,
            UploadedAt = now, UploadedBy = User.Identity!.Name ?? "",
        };
        db.Add(attachment);
        await ChangedAsync(id, now, ct);
        await audit.RecordAsync(User, "news.attachment.add", "news-post", id.ToString(CultureInfo.InvariantCulture),
            new { attachment.Id, attachment.FileName, attachment.Kind, attachment.Size, attachment.Sha256 }, ct);
        return Redirect($"/admin/news/{id}/attachments?added=1");
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, long attachmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Post.IsSealed) return Refuse("News.Attachment.Error.Sealed");
        var attachment = Files.FirstOrDefault(f => f.Id == attachmentId);
        if (attachment is null) return NotFound();
        await db.Set<NewsAttachment>().Where(a => a.Id == attachmentId && a.PostId == id).ExecuteDeleteAsync(ct);
        await ChangedAsync(id, clock.GetUtcNow().UtcDateTime, ct);
        await audit.RecordAsync(User, "news.attachment.remove", "news-post", id.ToString(CultureInfo.InvariantCulture), new { attachment.Id, attachment.FileName }, ct);
        return Redirect($"/admin/news/{id}/attachments?removed=1");
    }

    /// <summary>The post changed with its documents: a new revision, so an approval of what was read before is refused.</summary>
    private async Task ChangedAsync(long id, DateTime now, CancellationToken ct)
    {
        var post = await db.Set<NewsPost>().SingleAsync(p => p.Id == id, ct);
        post.UpdatedAt = now;
        post.Revision++;
        await db.SaveChangesAsync(ct);
    }

    private PageResult Refuse(string key)
    {
        ModelState.AddModelError(nameof(Document), t[key]);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        // Only the post's writers: another department's post, or one of a kind they do not write, is not found.
        var post = await NewsAccess.Visible(db.Set<NewsPost>().AsNoTracking(), User).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null || !NewsAccess.MayChange(User, post)) return NotFound();
        Post = post;
        Files = await db.Set<NewsAttachment>().Where(a => a.PostId == id).Summaries().ToListAsync(ct);
        return null;
    }
}
