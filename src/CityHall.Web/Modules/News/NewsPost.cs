using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.News;

/// <summary>What a post is: each kind is written under its own permission and listed and fed on its own.</summary>
public enum NewsKind { News = 0, PressRelease = 1, Event = 2, Notice = 3 }

/// <summary>
/// Something the city announces (시정소식, 보도자료, 행사): written by staff of a department, city-wide or for some
/// districts, published at once or at a set time. Before that time no one outside the department sees it — an
/// embargoed press release is not on the site, in the lists, the feeds or the search until its moment.
/// </summary>
public sealed class NewsPost
{
    public long Id { get; set; }
    public NewsKind Kind { get; set; }
    /// <summary>The department that answers for it; only its staff (and administrators) may change it.</summary>
    public required string DepartmentCode { get; set; }
    /// <summary>District codes, comma-separated, for news of some districts; null for the whole city.</summary>
    public string? Districts { get; set; }
    public required string TitleKo { get; set; }
    public string? TitleEn { get; set; }
    /// <summary>Markdown, rendered sanitized.</summary>
    public required string BodyKo { get; set; }
    public string? BodyEn { get; set; }
    /// <summary>When it appears (UTC); null while a draft. A time to come is an embargo.</summary>
    public DateTime? PublishAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Counts every change: what an approver read is what they approve, however close in time two saves come.</summary>
    public int Revision { get; set; }
    public required string CreatedBy { get; set; }

    // An official notice (고시·공고) has these too; they are null for the other kinds.

    /// <summary>The law or ordinance the notice is made under (required for a notice).</summary>
    public string? LegalBasis { get; set; }
    /// <summary>The notice period in the city's calendar, first and last day (both required for a notice).</summary>
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    /// <summary>The published notice this one corrects; that one is never changed, only marked corrected by this.</summary>
    public long? CorrectsId { get; set; }
    /// <summary>Who asked for publication and when, and the time asked for (null: as soon as approved).</summary>
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? RequestedAt { get; set; }
    /// <summary>Why an approver sent it back (cleared when submitted again).</summary>
    public string? ReturnReason { get; set; }
    /// <summary>The second person, who approved publication; a notice is never published without one.</summary>
    public string? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    /// <summary>Its number, given on approval: the year of publication (city calendar) and the department's count in it.</summary>
    public int? NoticeYear { get; set; }
    public int? NoticeNumber { get; set; }

    public bool IsPublicAt(DateTime now) => PublishAt is { } at && at <= now;

    /// <summary>Waiting for a second person's approval.</summary>
    public bool IsSubmitted => SubmittedAt is not null && ApprovedAt is null;

    /// <summary>
    /// A notice approved for publication is on the record as it was approved: nothing of it changes any more, and a
    /// mistake is mended by publishing a correction.
    /// </summary>
    public bool IsSealed => Kind == NewsKind.Notice && ApprovedAt is not null;

    public IReadOnlyList<string> DistrictCodes => Districts is null ? [] : Districts.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class NewsPostConfiguration : IEntityTypeConfiguration<NewsPost>
{
    public void Configure(EntityTypeBuilder<NewsPost> e)
    {
        e.ToTable("news_posts");
        e.Property(x => x.DepartmentCode).HasMaxLength(32);
        e.Property(x => x.Districts).HasMaxLength(1000);
        e.Property(x => x.TitleKo).HasMaxLength(300);
        e.Property(x => x.TitleEn).HasMaxLength(300);
        e.Property(x => x.BodyKo).HasMaxLength(50_000);
        e.Property(x => x.BodyEn).HasMaxLength(50_000);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.PublishAt).IsUtcTime();
        e.Property(x => x.CreatedAt).IsUtcTime();
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.Property(x => x.LegalBasis).HasMaxLength(1000);
        e.Property(x => x.SubmittedBy).HasMaxLength(256);
        e.Property(x => x.ApprovedBy).HasMaxLength(256);
        e.Property(x => x.ReturnReason).HasMaxLength(2000);
        e.Property(x => x.SubmittedAt).IsUtcTime();
        e.Property(x => x.RequestedAt).IsUtcTime();
        e.Property(x => x.ApprovedAt).IsUtcTime();
        e.HasOne<NewsPost>().WithMany().HasForeignKey(x => x.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        // A number is given once: the database refuses a second notice with it, whatever the code does.
        e.HasIndex(x => new { x.DepartmentCode, x.NoticeYear, x.NoticeNumber }).IsUnique();
        // The lists: published ones newest first, by kind and by department.
        e.HasIndex(x => x.PublishAt);
        e.HasIndex(x => new { x.Kind, x.PublishAt });
        e.HasIndex(x => new { x.DepartmentCode, x.PublishAt });
    }
}

/// <summary>The last notice number a department gave in a year: one row per department and year, counted up on approval.</summary>
public sealed class NoticeNumberCounter
{
    public required string DepartmentCode { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}

internal sealed class NoticeNumberCounterConfiguration : IEntityTypeConfiguration<NoticeNumberCounter>
{
    public void Configure(EntityTypeBuilder<NoticeNumberCounter> e)
    {
        e.ToTable("news_notice_numbers");
        e.HasKey(x => new { x.DepartmentCode, x.Year });
        e.Property(x => x.DepartmentCode).HasMaxLength(32);
    }
}

/// <summary>Where a post stands for its writers.</summary>
public enum NewsState { Draft, Returned, Waiting, Scheduled, Published }

public static class NewsStates
{
    public static NewsState Of(NewsPost post, DateTime now) =>
        post.PublishAt is { } at ? (at > now ? NewsState.Scheduled : NewsState.Published)
        : post.IsSubmitted ? NewsState.Waiting
        : post.ReturnReason is not null ? NewsState.Returned
        : NewsState.Draft;
}
