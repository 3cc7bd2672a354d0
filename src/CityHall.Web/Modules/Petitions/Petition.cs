using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Petitions;

/// <summary>Where a proposal is in Seoul's process: review, collecting supports, then closed or owed an answer.</summary>
public enum PetitionStatus
{
    /// <summary>Written, waiting for a moderator; visible to its author only.</summary>
    PendingReview = 0,
    /// <summary>Refused by a moderator; public with the reason, like e-petitions.</summary>
    Rejected = 1,
    /// <summary>Published: citizens support it until the deadline.</summary>
    Collecting = 2,
    /// <summary>The support window ended below the threshold: no answer is owed.</summary>
    Closed = 3,
    /// <summary>The window ended with the threshold reached: the department's answer is owed (see AnswerDueAt).</summary>
    AwaitingAnswer = 4,
    /// <summary>The department answered.</summary>
    Answered = 5,
}

/// <summary>What the city decided, as Seoul reports it.</summary>
public enum AnswerOutcome { Accepted = 1, PartlyAccepted = 2, UnderReview = 3, NotAccepted = 4 }

/// <summary>A citizen's proposal ("시민제안"), its review and its running support tally.</summary>
public sealed class Petition
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public required string CategoryCode { get; set; }
    public string? DistrictCode { get; set; }
    public string? AuthorId { get; set; }
    /// <summary>The author's name when they wrote it, kept if the account is deleted.</summary>
    public string AuthorName { get; set; } = "";
    public PetitionStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Written in a burst over the city's limits: moderators see it marked in their queue.</summary>
    public bool Flagged { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? RejectionReasonCode { get; set; }
    /// <summary>The department that must answer, chosen by the moderator who approves.</summary>
    public string? DepartmentCode { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? SupportDeadline { get; set; }

    /// <summary>When supports first reached the threshold, and by when the department must answer from then.</summary>
    public DateTimeOffset? ThresholdReachedAt { get; set; }
    public DateTimeOffset? AnswerDueAt { get; set; }
    /// <summary>The public forum, opened when supports reach the forum threshold.</summary>
    public DateTimeOffset? ForumOpenedAt { get; set; }
    public DateTimeOffset? ForumClosesAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
    public AnswerOutcome? AnswerOutcome { get; set; }
    public string? AnswerText { get; set; }
    public string? AnsweredBy { get; set; }

    /// <summary>People who voted in the forum, kept with each vote; reaching MayorThreshold obliges the mayor to answer.</summary>
    public int ForumParticipants { get; set; }
    /// <summary>Set once the forum's time is over and its closing announced.</summary>
    public bool ForumClosed { get; set; }
    public DateTimeOffset? MayorThresholdReachedAt { get; set; }
    public DateTimeOffset? MayorAnswerDueAt { get; set; }
    public DateTimeOffset? MayorAnsweredAt { get; set; }
    public AnswerOutcome? MayorAnswerOutcome { get; set; }
    public string? MayorAnswerText { get; set; }
    public string? MayorAnsweredBy { get; set; }

    /// <summary>When its signers' addresses and e-mail domains were forgotten (Fraud.OriginRetention after the window).</summary>
    public DateTimeOffset? OriginsForgottenAt { get; set; }

    /// <summary>News of this proposal already sent to its author and signers (the last event), and when: at most one message a day.</summary>
    public long NotifiedThroughEventId { get; set; }
    public DateTimeOffset? LastNotifiedAt { get; set; }

    /// <summary>Maintained by the signature writer in batches, never recounted per request.</summary>
    public int SignatureCount { get; set; }
    /// <summary>Entries in the signature chain and the hash of the last (the chain's head).</summary>
    public long ChainLength { get; set; }
    public string ChainHead { get; set; } = Platform.Integrity.HashChain.GenesisHash;
    /// <summary>Per-proposal secret that turns a verified identity into this proposal's signer commitment.</summary>
    public byte[] Salt { get; set; } = [];
    /// <summary>Distinct character bigrams of the title, for the similar-title search.</summary>
    public int TitleGramCount { get; set; }
}

/// <summary>One distinct character pair of a title ("서울", "울시"): what similar titles share, on any database.</summary>
public sealed class PetitionTitleGram
{
    public long PetitionId { get; set; }
    public required string Gram { get; set; }
}

internal sealed class PetitionConfiguration : IEntityTypeConfiguration<Petition>
{
    public void Configure(EntityTypeBuilder<Petition> e)
    {
        e.ToTable("petition_petitions");
        e.Property(x => x.Title).HasMaxLength(PetitionLimits.TitleMax);
        e.Property(x => x.Body).HasMaxLength(PetitionLimits.BodyMax);
        e.Property(x => x.CategoryCode).HasMaxLength(32);
        e.Property(x => x.DistrictCode).HasMaxLength(32);
        e.Property(x => x.AuthorName).HasMaxLength(100);
        e.Property(x => x.ReviewedBy).HasMaxLength(256);
        e.Property(x => x.RejectionReasonCode).HasMaxLength(32);
        e.Property(x => x.DepartmentCode).HasMaxLength(32);
        e.Property(x => x.ChainHead).HasMaxLength(64);
        e.Property(x => x.Salt).HasMaxLength(32);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.AnswerOutcome).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.AnswerText).HasMaxLength(PetitionLimits.BodyMax);
        e.Property(x => x.AnsweredBy).HasMaxLength(256);
        e.Property(x => x.MayorAnswerOutcome).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.MayorAnswerText).HasMaxLength(PetitionLimits.BodyMax);
        e.Property(x => x.MayorAnsweredBy).HasMaxLength(256);
        // Moved by every signature batch: a second writer (another node) that read the same head fails and retries.
        e.Property(x => x.ChainLength).IsConcurrencyToken();
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.Status, x.Id });
        e.HasIndex(x => x.AuthorId);
    }
}

internal sealed class PetitionTitleGramConfiguration : IEntityTypeConfiguration<PetitionTitleGram>
{
    public void Configure(EntityTypeBuilder<PetitionTitleGram> e)
    {
        e.ToTable("petition_title_grams");
        e.HasKey(x => new { x.Gram, x.PetitionId });
        e.Property(x => x.Gram).HasMaxLength(8);
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class PetitionLimits
{
    public const int TitleMin = 5;
    public const int TitleMax = 200;
    public const int BodyMin = 20;
    public const int BodyMax = 10_000;
}
