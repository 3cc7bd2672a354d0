using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// A support ("서명") of a proposal by one verified person. The commitment, not the account, is
/// unique among a proposal's live signatures: one person, one signature, whichever account they use.
/// </summary>
public sealed class PetitionSignature
{
    public long Id { get; set; }
    public long PetitionId { get; set; }
    public required string Commitment { get; set; }
    /// <summary>Null once the account is deleted; the signature still counts and the chain still verifies.</summary>
    public string? UserId { get; set; }
    public string? DistrictCode { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    /// <summary>The chain entry that recorded it: the signer's receipt.</summary>
    public long Sequence { get; set; }
    /// <summary>Set when the signature stops counting: withdrawn by the signer, or invalidated (then InvalidatedAt too).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public DateTimeOffset? InvalidatedAt { get; set; }

    /// <summary>Where it came from, for fraud review: the network address and the signer's e-mail domain.</summary>
    public string? ClientIp { get; set; }
    public string? EmailDomain { get; set; }
    /// <summary>Part of a burst over the city's limits: counted, but waiting for an administrator's review.</summary>
    public bool Flagged { get; set; }
}

public static class SupportTally
{
    /// <summary>Live supports of a proposal by the district the signers gave ("" for none): for its page, its map table and the API.</summary>
    public static Task<Dictionary<string, int>> ByDistrictAsync(AppDbContext db, long petitionId, CancellationToken ct = default) =>
        Query(db, petitionId).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>The query itself: answered from IX_petition_signatures_live_by_district alone (a test checks the plan).</summary>
    public static IQueryable<DistrictSupports> Query(AppDbContext db, long petitionId) =>
        db.Set<PetitionSignature>().AsNoTracking()
            .Where(s => s.PetitionId == petitionId && s.WithdrawnAt == null)
            .GroupBy(s => s.DistrictCode ?? "")
            .Select(g => new DistrictSupports(g.Key, g.Count()));

    public sealed record DistrictSupports(string Key, int Count);
}

internal sealed class PetitionSignatureConfiguration : IEntityTypeConfiguration<PetitionSignature>
{
    public void Configure(EntityTypeBuilder<PetitionSignature> e)
    {
        e.ToTable("petition_signatures");
        e.Property(x => x.Commitment).HasMaxLength(64);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.DistrictCode).HasMaxLength(32);
        e.Property(x => x.ClientIp).HasMaxLength(45);
        e.Property(x => x.EmailDomain).HasMaxLength(255);
        e.HasIndex(x => new { x.Flagged, x.PetitionId });
        // The database itself refuses a second live signature by the same person. Commitment first:
        // the writer looks up a batch's signers by commitment (salted per proposal, so nearly unique alone).
        e.HasIndex(x => new { x.Commitment, x.PetitionId }).IsUnique().HasFilter("\"WithdrawnAt\" IS NULL");
        e.HasIndex(x => new { x.UserId, x.PetitionId });
        // A proposal's live supports by district, read on every proposal and receipt page and by the API: from this
        // index alone (an index-only scan of that proposal's live rows), not from the table.
        e.HasIndex(x => new { x.PetitionId, x.DistrictCode }, "IX_petition_signatures_live_by_district").HasFilter("\"WithdrawnAt\" IS NULL");
        // Kept for the foreign key (deleting a proposal finds all its rows, withdrawn ones too), which the filtered index cannot serve.
        e.HasIndex(x => x.PetitionId);
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
