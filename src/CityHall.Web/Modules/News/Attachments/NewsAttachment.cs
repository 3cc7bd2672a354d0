using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.News.Attachments;

/// <summary>
/// A document a post carries (a notice's plan, a press release's table), kept in the database as it came, with the
/// text read out of it for those who cannot open it. Public with its post and only then; sealed with an approved notice.
/// </summary>
public sealed class NewsAttachment
{
    public long Id { get; set; }
    public long PostId { get; set; }
    /// <summary>The name it came with (folders and control characters taken off), offered again on download.</summary>
    public required string FileName { get; set; }
    public AttachmentKind Kind { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    /// <summary>Its text as far as it could be read (<see cref="AttachmentFiles.TextChars"/>), or null.</summary>
    public string? Text { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

/// <summary>What lists show of an attachment: everything but its bytes and its text.</summary>
public sealed record AttachmentSummary(long Id, long PostId, string FileName, AttachmentKind Kind, long Size, bool HasText);

internal sealed class NewsAttachmentConfiguration : IEntityTypeConfiguration<NewsAttachment>
{
    public void Configure(EntityTypeBuilder<NewsAttachment> e)
    {
        e.ToTable("news_attachments");
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.Text).HasMaxLength(AttachmentFiles.TextChars + 100);
        e.Property(x => x.UploadedBy).HasMaxLength(256);
        e.Property(x => x.UploadedAt).IsUtcTime();
        // A draft deleted takes its documents with it (a published post is never deleted).
        e.HasOne<NewsPost>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.PostId);
    }
}

public static class NewsAttachments
{
    /// <summary>How many documents one post may carry.</summary>
    public const int MaxPerPost = 10;

    public static IQueryable<AttachmentSummary> Summaries(this IQueryable<NewsAttachment> attachments) =>
        attachments.OrderBy(a => a.Id).Select(a => new AttachmentSummary(a.Id, a.PostId, a.FileName, a.Kind, a.Size, a.Text != null));

    /// <summary>The name as offered back: no folders, no control characters, at most 200 characters with its extension kept.</summary>
    public static string CleanName(string name)
    {
        var file = new string(Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (file.Length <= 200) return file;
        var extension = Path.GetExtension(file);
        return file[..(200 - extension.Length)] + extension;
    }

    /// <summary>A size as people read it (KB, MB).</summary>
    public static string Size(long bytes, System.Globalization.CultureInfo culture) =>
        bytes < 1024 * 1024 ? (Math.Max(1, bytes / 1024.0)).ToString("N0", culture) + " KB" : (bytes / (1024.0 * 1024)).ToString("N1", culture) + " MB";
}
