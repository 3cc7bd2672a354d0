using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Developers.Keys;

/// <summary>
/// An app's API key: one key per app for every API it is allowed (its scopes), with its own rate. Only a SHA-256 of
/// the key is kept (256 random bits: a hash cannot be reversed or guessed). Rotating keeps the previous key's hash
/// working until <see cref="PreviousUntil"/>, so the app can be redeployed without an outage.
/// </summary>
public sealed class DeveloperKey
{
    public const int AppNameMax = 100;

    public long Id { get; set; }
    public required string OwnerId { get; set; }
    /// <summary>The app's name as its developer gives it ("Our neighbourhood app").</summary>
    public required string AppName { get; set; }
    /// <summary>The key's first characters, so the owner can tell keys apart.</summary>
    public required string Prefix { get; set; }
    public required byte[] Hash { get; set; }
    /// <summary>The scopes' codes, separated by spaces (as OAuth writes them).</summary>
    public string Scopes { get; set; } = "";
    public int RequestsPerMinute { get; set; }
    public byte[]? PreviousHash { get; set; }
    public DateTime? PreviousUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RotatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A key's calls in one hour (UTC) for one scope: accepted, and refused for its rate.</summary>
public sealed class DeveloperKeyUsage
{
    public long KeyId { get; set; }
    public DateTime Hour { get; set; }
    public required string Scope { get; set; }
    public long Calls { get; set; }
    public long Limited { get; set; }
}

internal sealed class DeveloperKeyConfiguration : IEntityTypeConfiguration<DeveloperKey>
{
    public void Configure(EntityTypeBuilder<DeveloperKey> e)
    {
        e.ToTable("developer_keys");
        e.Property(x => x.OwnerId).HasMaxLength(450);
        e.Property(x => x.AppName).HasMaxLength(DeveloperKey.AppNameMax);
        e.Property(x => x.Prefix).HasMaxLength(16);
        e.Property(x => x.Hash).HasMaxLength(32);
        e.Property(x => x.PreviousHash).HasMaxLength(32);
        e.Property(x => x.Scopes).HasMaxLength(1000);
        e.Property(x => x.CreatedAt).IsUtcTime();
        e.Property(x => x.RotatedAt).IsUtcTime();
        e.Property(x => x.RevokedAt).IsUtcTime();
        e.Property(x => x.PreviousUntil).IsUtcTime();
        e.HasIndex(x => x.Hash).IsUnique();
        e.HasIndex(x => x.PreviousHash);
        e.HasIndex(x => x.OwnerId);
        e.Ignore(x => x.ScopeList);
    }
}

internal sealed class DeveloperKeyUsageConfiguration : IEntityTypeConfiguration<DeveloperKeyUsage>
{
    public void Configure(EntityTypeBuilder<DeveloperKeyUsage> e)
    {
        e.ToTable("developer_key_usage");
        e.HasKey(x => new { x.KeyId, x.Hour, x.Scope });
        e.Property(x => x.Scope).HasMaxLength(60);
        e.Property(x => x.Hour).IsUtcTime();
        e.HasOne<DeveloperKey>().WithMany().HasForeignKey(x => x.KeyId).OnDelete(DeleteBehavior.Cascade);
    }
}
