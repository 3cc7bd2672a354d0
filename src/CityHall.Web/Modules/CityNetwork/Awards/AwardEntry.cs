using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.CityNetwork.Awards;

/// <summary>
/// An entry's way through an edition: a draft until submitted (before the deadline, within the cap); screened eligible
/// (with the reasons when not); scored in round 1; shortlisted or not; scored in round 2; awarded or not — and the
/// applicant learns the outcome when the edition is announced.
/// </summary>
public enum EntryStatus { Draft, Submitted, Eligible, Ineligible, Shortlisted, NotShortlisted, Awarded, NotAwarded }

/// <summary>
/// An entry: who applies (an account, for a member city, a city outside the network, or as a vendor for a city with the
/// city's written approval), in which category and language, the practice it presents and the answers to its form.
/// </summary>
public sealed class AwardEntry
{
    public long Id { get; set; }
    public required string Reference { get; set; }
    public long EditionId { get; set; }
    public long CategoryId { get; set; }
    public string? ApplicantUserId { get; set; }
    public ApplicantType ApplicantType { get; set; }
    /// <summary>The member city the entry is for (a member city's entry, or a vendor's for a member city).</summary>
    public long? MemberId { get; set; }
    /// <summary>The city the entry is for, in English (a member's name is copied, so the entry reads the same later).</summary>
    public required string CityName { get; set; }
    public required string CountryCode { get; set; }
    /// <summary>A vendor's company.</summary>
    public string? VendorName { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public required string Language { get; set; }
    /// <summary>The applicant's time zone (IANA): the deadline is shown in it beside the edition's.</summary>
    public string? TimeZone { get; set; }
    /// <summary>Answers by question id.</summary>
    public Dictionary<long, string> Answers { get; set; } = [];
    /// <summary>A vendor's entry: the city's signed approval (PDF or a scan), told by content.</summary>
    public byte[]? CityApproval { get; set; }
    public string? CityApprovalType { get; set; }
    public string? CityApprovalSha256 { get; set; }
    public EntryStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? ScreeningReasons { get; set; }
    public DateTime? ScreenedAt { get; set; }
    public string? ScreenedBy { get; set; }
    /// <summary>The weighted mean of the jurors' scores when each round closed (null: not scored in it).</summary>
    public decimal? Round1Score { get; set; }
    public decimal? Round2Score { get; set; }
    public int? Round1Rank { get; set; }
    public int? Round2Rank { get; set; }
    public int Revision { get; set; }

    public const int TitleMax = 300, SummaryMax = 2000, ReasonsMax = 2000;

    /// <summary>Whom the cap on entries counts: the member city when there is one, else the account.</summary>
    public string ApplicantKey => MemberId is { } member ? $"member:{member}" : $"user:{ApplicantUserId}";
}

/// <summary>
/// One of the entries an applicant may submit to an edition (1 … the cap): taken when an entry is submitted, under a
/// unique key, so two entries submitted at the same moment cannot both be the third.
/// </summary>
public sealed class AwardEntrySlot
{
    public long EditionId { get; set; }
    public required string ApplicantKey { get; set; }
    public int Slot { get; set; }
    public long EntryId { get; set; }
}

/// <summary>
/// A juror of an edition's category: an account, and the city and country the juror comes from — a juror never sees or
/// scores an entry from either (<see cref="AwardRules.InConflict"/>), nor one they declared a conflict with. When the
/// account is deleted the juror stays, by name, with their scores: the jury's record of a round does not change.
/// </summary>
public sealed class AwardJuror
{
    public long Id { get; set; }
    public long EditionId { get; set; }
    public long CategoryId { get; set; }
    public string? UserId { get; set; }
    public required string Name { get; set; }
    public required string CountryCode { get; set; }
    public long? MemberId { get; set; }
}

/// <summary>A conflict of interest a juror declared with one entry (a past employer, a partner city), with the reason.</summary>
public sealed class AwardConflict
{
    public long JurorId { get; set; }
    public long EntryId { get; set; }
    public required string Reason { get; set; }
    public DateTime DeclaredAt { get; set; }
}

/// <summary>A juror's score of an entry on one criterion in one round (1 … the edition's scale).</summary>
public sealed class AwardScore
{
    public long EntryId { get; set; }
    public long JurorId { get; set; }
    public int Round { get; set; }
    public long CriterionId { get; set; }
    public int Score { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// Why a selection departed from the jury's scores alone (a tie across the line, or the order set aside): recorded with
/// the category, the stage ("shortlist" or "winners"), the entries chosen and who decided.
/// </summary>
public sealed class AwardTieBreak
{
    public long Id { get; set; }
    public long EditionId { get; set; }
    public long CategoryId { get; set; }
    public required string Stage { get; set; }
    public required string Reason { get; set; }
    public required string Chosen { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class AwardTieBreakConfiguration : IEntityTypeConfiguration<AwardTieBreak>
{
    public void Configure(EntityTypeBuilder<AwardTieBreak> e)
    {
        e.ToTable("network_award_tie_breaks");
        e.Property(x => x.Stage).HasMaxLength(16);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.Chosen).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(450);
        e.HasIndex(x => x.EditionId);
        e.HasOne<AwardEdition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AwardCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AwardEntryConfiguration : IEntityTypeConfiguration<AwardEntry>
{
    public void Configure(EntityTypeBuilder<AwardEntry> e)
    {
        e.ToTable("network_award_entries");
        e.Property(x => x.Reference).HasMaxLength(32);
        e.HasIndex(x => x.Reference).IsUnique();
        e.Property(x => x.ApplicantUserId).HasMaxLength(450);
        e.HasIndex(x => x.ApplicantUserId);
        e.HasIndex(x => new { x.EditionId, x.CategoryId, x.Status });
        e.HasIndex(x => x.MemberId);
        e.Property(x => x.ApplicantType).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CityName).HasMaxLength(NetworkMember.NameMax);
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.Property(x => x.VendorName).HasMaxLength(200);
        e.Property(x => x.Title).HasMaxLength(AwardEntry.TitleMax);
        e.Property(x => x.Summary).HasMaxLength(AwardEntry.SummaryMax);
        e.Property(x => x.Language).HasMaxLength(8);
        e.Property(x => x.TimeZone).HasMaxLength(64);
        e.Property(x => x.Answers).HasJsonConversion();
        e.Property(x => x.CityApprovalType).HasMaxLength(64);
        e.Property(x => x.CityApprovalSha256).HasMaxLength(64);
        e.Property(x => x.ScreeningReasons).HasMaxLength(AwardEntry.ReasonsMax);
        e.Property(x => x.ScreenedBy).HasMaxLength(450);
        e.Property(x => x.Round1Score).HasPrecision(9, 4);
        e.Property(x => x.Round2Score).HasPrecision(9, 4);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasOne<AwardEdition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AwardCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<NetworkMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.ApplicantUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AwardEntrySlotConfiguration : IEntityTypeConfiguration<AwardEntrySlot>
{
    public void Configure(EntityTypeBuilder<AwardEntrySlot> e)
    {
        e.ToTable("network_award_entry_slots");
        e.HasKey(x => new { x.EditionId, x.ApplicantKey, x.Slot });
        e.Property(x => x.ApplicantKey).HasMaxLength(500);
        e.HasIndex(x => x.EntryId).IsUnique();
        e.HasOne<AwardEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AwardJurorConfiguration : IEntityTypeConfiguration<AwardJuror>
{
    public void Configure(EntityTypeBuilder<AwardJuror> e)
    {
        e.ToTable("network_award_jurors");
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.HasIndex(x => new { x.CategoryId, x.UserId }).IsUnique();
        e.HasIndex(x => x.UserId);
        e.HasOne<AwardEdition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AwardCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<NetworkMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AwardConflictConfiguration : IEntityTypeConfiguration<AwardConflict>
{
    public void Configure(EntityTypeBuilder<AwardConflict> e)
    {
        e.ToTable("network_award_conflicts");
        e.HasKey(x => new { x.JurorId, x.EntryId });
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.HasOne<AwardJuror>().WithMany().HasForeignKey(x => x.JurorId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AwardEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AwardScoreConfiguration : IEntityTypeConfiguration<AwardScore>
{
    public void Configure(EntityTypeBuilder<AwardScore> e)
    {
        e.ToTable("network_award_scores");
        e.HasKey(x => new { x.EntryId, x.JurorId, x.Round, x.CriterionId });
        e.HasIndex(x => new { x.JurorId, x.Round });
        e.HasOne<AwardEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AwardJuror>().WithMany().HasForeignKey(x => x.JurorId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AwardCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Cascade);
    }
}
