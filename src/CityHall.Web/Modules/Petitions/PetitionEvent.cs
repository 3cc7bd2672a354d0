using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Petitions;

/// <summary>What happened to a proposal that its author and signers are told about.</summary>
public enum PetitionEventKind
{
    SupportThresholdReached = 1,
    ForumOpened = 2,
    ForumClosed = 3,
    MayorThresholdReached = 4,
    Closed = 5,
    AwaitingAnswer = 6,
    DepartmentAnswered = 7,
    MayorAnswered = 8,
    FollowUpPosted = 9,
}

/// <summary>
/// A stage change or an answer, recorded in the same transaction as the change itself; the
/// <see cref="PetitionDigest"/> gathers them into at most one message a day per proposal.
/// </summary>
public sealed class PetitionEvent
{
    public long Id { get; set; }
    public long PetitionId { get; set; }
    public PetitionEventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }

    public static PetitionEvent Of(long petitionId, PetitionEventKind kind, DateTimeOffset at) => new() { PetitionId = petitionId, Kind = kind, At = at };
}

/// <summary>An official's report on how an answered proposal is being carried out.</summary>
public sealed class PetitionFollowUp
{
    public long Id { get; set; }
    public long PetitionId { get; set; }
    public required string Body { get; set; }
    public string PostedBy { get; set; } = "";
    public DateTimeOffset PostedAt { get; set; }
}

internal sealed class PetitionEventConfiguration : IEntityTypeConfiguration<PetitionEvent>
{
    public void Configure(EntityTypeBuilder<PetitionEvent> e)
    {
        e.ToTable("petition_events");
        // Stored by name: the signature writer inserts them with plain SQL.
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.HasIndex(x => new { x.PetitionId, x.Id });
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PetitionFollowUpConfiguration : IEntityTypeConfiguration<PetitionFollowUp>
{
    public void Configure(EntityTypeBuilder<PetitionFollowUp> e)
    {
        e.ToTable("petition_follow_ups");
        e.Property(x => x.Body).HasMaxLength(PetitionLimits.BodyMax);
        e.Property(x => x.PostedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.PetitionId, x.Id });
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId).OnDelete(DeleteBehavior.Cascade);
    }
}
