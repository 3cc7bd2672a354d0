using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.News;

/// <summary>What a post is: each kind is written under its own permission and listed and fed on its own.</summary>
public enum NewsKind { News = 0, PressRelease = 1, Event = 2 }

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
    public required string CreatedBy { get; set; }

    public bool IsPublicAt(DateTime now) => PublishAt is { } at && at <= now;

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
        // The lists: published ones newest first, by kind and by department.
        e.HasIndex(x => x.PublishAt);
        e.HasIndex(x => new { x.Kind, x.PublishAt });
        e.HasIndex(x => new { x.DepartmentCode, x.PublishAt });
    }
}
