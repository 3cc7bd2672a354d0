using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.News.Subscriptions;

/// <summary>
/// What a citizen follows — kinds of posts, departments, districts — to get one digest a day of what was published.
/// A post is in it when it matches any of them: its kind, its department, or one of its districts (a district
/// followed brings the posts for that district, not every city-wide one).
/// </summary>
public sealed class NewsSubscription
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>Kind slugs, department codes and district codes followed, comma-separated; null for none of that sort.</summary>
    public string? Kinds { get; set; }
    public string? Departments { get; set; }
    public string? Districts { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Posts published up to this time (UTC) have been told; the next digest starts after it.</summary>
    public DateTime SentThrough { get; set; }
    /// <summary>The city's day of the last digest: never two in one day.</summary>
    public DateOnly? LastDigestDay { get; set; }
    /// <summary>The secret in the unsubscribe link every digest carries, which works without signing in.</summary>
    public required string UnsubscribeToken { get; set; }

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static IReadOnlyList<string> Split(string? csv) => csv is null ? [] : csv.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string? Join(IEnumerable<string> values)
    {
        var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : string.Join(',', list);
    }

    /// <summary>Whether a post is one this subscription asked to hear about.</summary>
    public bool Follows(NewsPost post) =>
        Split(Kinds).Contains(NewsPosts.Slug(post.Kind)) || Split(Departments).Contains(post.DepartmentCode)
        || post.DistrictCodes.Any(Split(Districts).Contains);
}

internal sealed class NewsSubscriptionConfiguration : IEntityTypeConfiguration<NewsSubscription>
{
    public void Configure(EntityTypeBuilder<NewsSubscription> e)
    {
        e.ToTable("news_subscriptions");
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Kinds).HasMaxLength(200);
        e.Property(x => x.Departments).HasMaxLength(2000);
        e.Property(x => x.Districts).HasMaxLength(2000);
        e.Property(x => x.UnsubscribeToken).HasMaxLength(64);
        e.Property(x => x.CreatedAt).IsUtcTime();
        e.Property(x => x.SentThrough).IsUtcTime();
        // One per person; gone with their account.
        e.HasIndex(x => x.UserId).IsUnique();
        e.HasIndex(x => x.UnsubscribeToken).IsUnique();
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
