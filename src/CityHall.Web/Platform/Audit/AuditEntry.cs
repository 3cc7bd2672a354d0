using System.Globalization;
using CityHall.Web.Platform.Integrity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Platform.Audit;

/// <summary>
/// One staff action, append-only. Each entry carries the hash of the one before, so altering or
/// removing a row breaks the chain at that point (see <see cref="AuditChainVerifier"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>1, 2, 3, ... without gaps; unique, so two writers cannot both extend the same head.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string TargetType { get; set; } = "";
    public string? TargetId { get; set; }
    public string? Details { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
    /// <summary>
    /// The request that made the entry (behind nginx its X-Request-Id, in the proxy's access log too; else ASP.NET
    /// Core's request id), so its log lines can be found; null for entries from a verb or written before it was kept.
    /// Not in the hash: it points into logs rather than saying what was done, and entries hashed before it existed
    /// stay verifiable as they are.
    /// </summary>
    public string? RequestId { get; set; }
    /// <summary>The scheme <see cref="Hash"/> was made with (<see cref="HashChain"/>): 1 for entries written before version 2.</summary>
    public int HashVersion { get; set; } = HashChain.CurrentVersion;

    public string ComputeHash()
    {
        // Microsecond precision: PostgreSQL's timestamptz keeps no more, and the hash must survive a round trip.
        var sequence = Sequence.ToString(CultureInfo.InvariantCulture);
        var at = OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
        return HashVersion == HashChain.LegacyVersion
            ? HashChain.LegacyHash('\n', sequence, at, ActorId, ActorName, Action, TargetType, TargetId, Details, PreviousHash)
            : HashChain.Hash("audit", sequence, at, ActorId, ActorName, Action, TargetType, TargetId, Details, PreviousHash);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_entries");
        e.HasIndex(x => x.Sequence).IsUnique();
        e.HasIndex(x => new { x.TargetType, x.TargetId });
        e.Property(x => x.ActorId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(200);
        e.Property(x => x.Action).HasMaxLength(100);
        e.Property(x => x.TargetType).HasMaxLength(100);
        e.Property(x => x.TargetId).HasMaxLength(100);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.RequestId).HasMaxLength(64);
    }
}
