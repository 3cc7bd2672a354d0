using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.News.Attachments;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.News.Admin;

/// <summary>
/// A post's documents and picture: its writers add PDF, HWP, HWPX, DOCX and XLSX files (each told by its content, up to 20 MB,
/// ten a post, counted against the writer's daily upload allowance) and remove them. Adding or removing one is a change
/// to the post: a notice waiting for approval must be approved again as it now is; an approved notice's documents are
/// sealed with it. The picture (one a post, with the words that describe it) goes through the platform's photo handling.
/// Audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + NewsModule.StaffAny)]
[RequestSizeLimit(AttachmentFiles.MaxBytes + 1_048_576)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentFiles.MaxBytes + 1_048_576)]
public sealed class AttachmentsModel(AppDbContext db, AuditLog audit, UploadAllowance allowance, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "News.Attachment.File")] public IFormFile? Document { get; set; }

    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "News.Picture.File")] public IFormFile? Picture { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "News.Picture.Alt")] public string? PictureAlt { get; set; }

    public NewsPost Post { get; private set; } = null!;
    public NewsPictureInfo? CurrentPicture { get; private set; }
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

    /// <summary>The post's picture, put in or replaced: re-encoded by the platform's photo handling, with the words that describe it.</summary>
    public async Task<IActionResult> OnPostPictureAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Post.IsSealed) return Refuse("News.Attachment.Error.Sealed", nameof(Picture));
        var alt = PictureAlt?.Trim();
        if (Picture is null || Picture.Length == 0) ModelState.AddModelError(nameof(Picture), t["News.Picture.Error.Empty"]);
        if (string.IsNullOrEmpty(alt)) ModelState.AddModelError(nameof(PictureAlt), t["News.Picture.Error.Alt"]);
        else if (alt.Length > NewsPictures.AltMax) ModelState.AddModelError(nameof(PictureAlt), t["Form.TooLong"]);
        if (!ModelState.IsValid) return Page();
        if (Picture!.Length > NewsPictures.MaxUploadBytes) return Refuse("News.Picture.Error.TooLarge", nameof(Picture));
        if (!await allowance.TryTakeAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, Picture.Length, ct)) return Refuse("News.Attachment.Error.Allowance", nameof(Picture));
        PreparedPhoto? photo;
        PhotoProblem? problem;
        await using (var stream = Picture.OpenReadStream()) (photo, problem) = UploadedPhotos.Prepare(stream, Picture.Length, NewsPictures.MaxUploadBytes);
        if (problem is not null) return Refuse(problem == PhotoProblem.TooLarge ? "News.Picture.Error.TooLarge" : "News.Picture.Error.Unreadable", nameof(Picture));

        await db.Set<NewsPicture>().Where(p => p.PostId == id).ExecuteDeleteAsync(ct);
        db.Add(new NewsPicture { PostId = id, Bytes = photo!.Bytes, Width = photo.Width, Height = photo.Height, AltText = alt!, Hash = photo.Hash });
        await ChangedAsync(id, clock.GetUtcNow().UtcDateTime, ct);
        await audit.RecordAsync(User, "news.picture.set", "news-post", id.ToString(CultureInfo.InvariantCulture), new { photo.Width, photo.Height, photo.Hash, alt }, ct);
        return Redirect($"/admin/news/{id}/attachments?picture=1");
    }

    public async Task<IActionResult> OnPostRemovePictureAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Post.IsSealed) return Refuse("News.Attachment.Error.Sealed", nameof(Picture));
        if (await db.Set<NewsPicture>().Where(p => p.PostId == id).ExecuteDeleteAsync(ct) == 0) return NotFound();
        await ChangedAsync(id, clock.GetUtcNow().UtcDateTime, ct);
        await audit.RecordAsync(User, "news.picture.remove", "news-post", id.ToString(CultureInfo.InvariantCulture), null, ct);
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

    private PageResult Refuse(string key, string field = nameof(Document))
    {
        ModelState.AddModelError(field, t[key]);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        // Only the post's writers: another department's post, or one of a kind they do not write, is not found.
        var post = await NewsAccess.Visible(db.Set<NewsPost>().AsNoTracking(), User).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null || !NewsAccess.MayChange(User, post)) return NotFound();
        Post = post;
        Files = await db.Set<NewsAttachment>().Where(a => a.PostId == id).Summaries().ToListAsync(ct);
        CurrentPicture = await NewsPictures.OfAsync(db, id, ct);
        return null;
    }
}
