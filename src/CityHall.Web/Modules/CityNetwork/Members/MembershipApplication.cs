using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.CityNetwork.Members;

/// <summary>
/// Where an application to join stands. The secretariat checks the mayor's signed letter: a genuine one makes the
/// applicant an Associate member at once (<see cref="Admitted"/>) and puts full membership before the Executive
/// Committee; a letter that is not what it should be is <see cref="Returned"/> with the reason, and the applicant
/// may apply again.
/// </summary>
public enum ApplicationStatus { Submitted, Admitted, Returned }

/// <summary>
/// An application to join the network, made by an account on this site for a city, corporation or institution, with
/// the letter its mayor (or head) signed. The contact and the letter are the applicant's and the secretariat's only.
/// </summary>
public sealed class MembershipApplication
{
    public long Id { get; set; }
    public required string Reference { get; set; }
    /// <summary>The account that applied (null once it was deleted: an admitted member's application stays on record).</summary>
    public string? ApplicantUserId { get; set; }
    public required string Name { get; set; }
    public string? LocalName { get; set; }
    public string? LocalNameLanguage { get; set; }
    public MemberKind Kind { get; set; }
    public required string CountryCode { get; set; }
    public required string RegionCode { get; set; }
    public long? Population { get; set; }
    public string? Website { get; set; }
    public required string ContactName { get; set; }
    public string? ContactPosition { get; set; }
    public required string ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    /// <summary>Who signed the letter (the mayor's name), as the applicant gave it.</summary>
    public required string SignedBy { get; set; }
    public string? Motivation { get; set; }
    public required byte[] Letter { get; set; }
    public required string LetterContentType { get; set; }
    public required string LetterSha256 { get; set; }
    public ApplicationStatus Status { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? ReturnReason { get; set; }
    /// <summary>The member the application made (once admitted).</summary>
    public long? MemberId { get; set; }

    public const int MotivationMax = 4000, ReasonMax = 2000;
}

internal sealed class MembershipApplicationConfiguration : IEntityTypeConfiguration<MembershipApplication>
{
    public void Configure(EntityTypeBuilder<MembershipApplication> e)
    {
        e.ToTable("network_applications");
        e.Property(x => x.Reference).HasMaxLength(32);
        e.HasIndex(x => x.Reference).IsUnique();
        e.Property(x => x.ApplicantUserId).HasMaxLength(450);
        e.HasIndex(x => x.ApplicantUserId);
        e.HasIndex(x => new { x.Status, x.SubmittedAt });
        e.Property(x => x.Name).HasMaxLength(NetworkMember.NameMax);
        e.Property(x => x.LocalName).HasMaxLength(NetworkMember.NameMax);
        e.Property(x => x.LocalNameLanguage).HasMaxLength(35);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.Property(x => x.RegionCode).HasMaxLength(40);
        e.Property(x => x.Website).HasMaxLength(NetworkMember.WebsiteMax);
        e.Property(x => x.ContactName).HasMaxLength(200);
        e.Property(x => x.ContactPosition).HasMaxLength(200);
        e.Property(x => x.ContactEmail).HasMaxLength(256);
        e.Property(x => x.ContactPhone).HasMaxLength(40);
        e.Property(x => x.SignedBy).HasMaxLength(200);
        e.Property(x => x.Motivation).HasMaxLength(MembershipApplication.MotivationMax);
        e.Property(x => x.LetterContentType).HasMaxLength(64);
        e.Property(x => x.LetterSha256).HasMaxLength(64);
        e.Property(x => x.DecidedBy).HasMaxLength(450);
        e.Property(x => x.ReturnReason).HasMaxLength(MembershipApplication.ReasonMax);
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.ApplicantUserId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<NetworkMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
