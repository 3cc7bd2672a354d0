using System.Globalization;
using CityHall.Web.Platform.Integrity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Petitions;

public enum ChainEntryKind { Signature = 1, Withdrawal = 2, Invalidation = 3 }

/// <summary>
/// One entry of a proposal's public tally. It names no one: the signer appears as a commitment
/// (a keyed hash of their verified identity with the proposal's own salt), so the chain can be
/// published and checked by anyone, and stays whole when the person's account is deleted.
/// </summary>
public sealed class PetitionChainEntry
{
    public long PetitionId { get; set; }
    public long Sequence { get; set; }
    public ChainEntryKind Kind { get; set; }
    public required string Commitment { get; set; }
    public DateTimeOffset At { get; set; }
    public required string PreviousHash { get; set; }
    public string Hash { get; set; } = "";
    /// <summary>The scheme <see cref="Hash"/> was made with (<see cref="HashChain"/>): 1 for entries written before version 2.</summary>
    public int HashVersion { get; set; } = HashChain.CurrentVersion;
}

/// <summary>A published head of a chain: "this proposal had this many entries ending in this hash at this time".</summary>
public sealed class PetitionCheckpoint
{
    public long Id { get; set; }
    public long PetitionId { get; set; }
    public long Length { get; set; }
    public required string HeadHash { get; set; }
    public int Supports { get; set; }
    public DateTimeOffset At { get; set; }
}

public static class SignatureChain
{
    /// <summary>The signer as this proposal sees them: HMAC of the verified identity key under the proposal's salt.</summary>
    public static string Commitment(byte[] salt, string identityKey) => Commitments.Of(salt, identityKey);

    /// <summary>The entry's hash by the scheme it names.</summary>
    public static string HashOf(PetitionChainEntry e)
    {
        var (petition, sequence, kind, at) = (e.PetitionId.ToString(CultureInfo.InvariantCulture), e.Sequence.ToString(CultureInfo.InvariantCulture),
            ((int)e.Kind).ToString(CultureInfo.InvariantCulture), e.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        return e.HashVersion == HashChain.LegacyVersion
            ? HashChain.LegacyHash('|', petition, sequence, kind, e.Commitment, at, e.PreviousHash)
            : HashChain.Hash("petition", petition, sequence, kind, e.Commitment, at, e.PreviousHash);
    }
}

internal sealed class PetitionChainEntryConfiguration : IEntityTypeConfiguration<PetitionChainEntry>
{
    public void Configure(EntityTypeBuilder<PetitionChainEntry> e)
    {
        e.ToTable("petition_chain");
        e.HasKey(x => new { x.PetitionId, x.Sequence });
        e.Property(x => x.Commitment).HasMaxLength(64);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PetitionCheckpointConfiguration : IEntityTypeConfiguration<PetitionCheckpoint>
{
    public void Configure(EntityTypeBuilder<PetitionCheckpoint> e)
    {
        e.ToTable("petition_checkpoints");
        e.Property(x => x.HeadHash).HasMaxLength(64);
        e.HasIndex(x => new { x.PetitionId, x.Length });
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId).OnDelete(DeleteBehavior.Cascade);
    }
}
