using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.CityNetwork.Visits;

/// <summary>
/// Where a study visit stands: requested by a delegation → a programme proposed by the secretariat → confirmed by the
/// delegation (or for it) → held (with how many came) ; or declined by the secretariat, or cancelled by either side
/// before it was held.
/// </summary>
public enum VisitStatus { Requested, Proposed, Confirmed, Held, Declined, Cancelled }

/// <summary>How the request reached the city: through this site (an account follows it), or by letter or e-mail, entered by staff.</summary>
public enum VisitChannel { Online, Letter }

/// <summary>
/// A delegation's visit to learn from the city's practice (Seoul received 893 visitors from 155 countries in three
/// years): who asks, how many, on which topics, when they could come, what they would like to see and in which
/// language they need an interpreter; then the programme the secretariat proposes (<see cref="VisitSession"/>), the
/// day it was held and how many came, and their feedback. The contact is the requester's and the secretariat's only.
/// </summary>
public sealed class StudyVisit
{
    public long Id { get; set; }
    public required string Reference { get; set; }
    public VisitChannel Channel { get; set; }
    /// <summary>The account that asked (null for a request by letter, and once the account is deleted).</summary>
    public string? RequesterUserId { get; set; }
    public required string Organisation { get; set; }
    public required string CountryCode { get; set; }
    /// <summary>The member of the network the delegation comes from, when it is one.</summary>
    public long? MemberId { get; set; }
    public required string ContactName { get; set; }
    public required string ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    /// <summary>How many people the delegation expects to send.</summary>
    public int People { get; set; }
    /// <summary>Codes of <c>CityNetwork:Topics</c>.</summary>
    public List<string> Topics { get; set; } = [];
    /// <summary>The sites the delegation would like to see (<see cref="VisitSite"/> ids).</summary>
    public List<long> WishedSiteIds { get; set; } = [];
    /// <summary>Anything else they hope to see or discuss.</summary>
    public string? Wishes { get; set; }
    public DateOnly PreferredFrom { get; set; }
    public DateOnly PreferredTo { get; set; }
    /// <summary>BCP 47 tag of the language they need interpreting into; null when English (the network's language) will do.</summary>
    public string? InterpreterLanguage { get; set; }
    public VisitStatus Status { get; set; }
    /// <summary>Why it was declined or cancelled.</summary>
    public string? Reason { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? ProposedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>The first day of the visit as held, and how many came (the statistics count these).</summary>
    public DateOnly? HeldOn { get; set; }
    public int? Visitors { get; set; }
    /// <summary>A note for the statistics' readers, such as the demo city's "illustrative" label.</summary>
    public string? Note { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const int OrganisationMax = 300, WishesMax = 4000, ReasonMax = 2000;

    /// <summary>Still to be held: the steps before it, which the programme may change in.</summary>
    public bool Open => Status is VisitStatus.Requested or VisitStatus.Proposed or VisitStatus.Confirmed;
}

/// <summary>A place visitors are shown (a control centre, a call centre, a data plaza): who hosts there and how many it takes.</summary>
public sealed class VisitSite
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public string? Address { get; set; }
    /// <summary>The office that receives visitors there (the default host of a session).</summary>
    public string? Host { get; set; }
    public string? Description { get; set; }
    /// <summary>The largest group the site takes at once.</summary>
    public int Capacity { get; set; }
    public bool Active { get; set; } = true;

    public const int NameMax = 200, DescriptionMax = 2000;

    public string NameFor(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "ko" ? Name : NameEn;
}

/// <summary>One item of a visit's programme: a site, its host, from and until when (UTC), and what happens there.</summary>
public sealed class VisitSession
{
    public long Id { get; set; }
    public long VisitId { get; set; }
    public long SiteId { get; set; }
    public required string Host { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Notes { get; set; }

    public const int NotesMax = 1000;
}

/// <summary>The delegation's answer to the survey after the visit: marks from 1 to 5 and their words. One per visit.</summary>
public sealed class VisitFeedback
{
    public long VisitId { get; set; }
    public int Overall { get; set; }
    public int Programme { get; set; }
    public int Organisation { get; set; }
    /// <summary>Null when no interpreter was asked for.</summary>
    public int? Interpretation { get; set; }
    public bool WouldRecommend { get; set; }
    /// <summary>What they mean to take home and try (the practice that travels).</summary>
    public string? Adopting { get; set; }
    public string? Comments { get; set; }
    public DateTime SubmittedAt { get; set; }

    public const int TextMax = 4000;
}

internal sealed class StudyVisitConfiguration : IEntityTypeConfiguration<StudyVisit>
{
    public void Configure(EntityTypeBuilder<StudyVisit> e)
    {
        e.ToTable("network_visits");
        e.Property(x => x.Reference).HasMaxLength(32);
        e.HasIndex(x => x.Reference).IsUnique();
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.RequesterUserId).HasMaxLength(450);
        e.HasIndex(x => x.RequesterUserId);
        e.Property(x => x.Organisation).HasMaxLength(StudyVisit.OrganisationMax);
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.Property(x => x.ContactName).HasMaxLength(200);
        e.Property(x => x.ContactEmail).HasMaxLength(256);
        e.Property(x => x.ContactPhone).HasMaxLength(40);
        e.Property(x => x.Topics).HasMaxLength(1000).HasJsonConversion();
        e.Property(x => x.WishedSiteIds).HasMaxLength(1000).HasJsonConversion();
        e.Property(x => x.Wishes).HasMaxLength(StudyVisit.WishesMax);
        e.Property(x => x.InterpreterLanguage).HasMaxLength(35);
        e.Property(x => x.Reason).HasMaxLength(StudyVisit.ReasonMax);
        e.Property(x => x.Note).HasMaxLength(300);
        e.HasIndex(x => new { x.Status, x.HeldOn });
        e.HasIndex(x => x.MemberId);
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.RequesterUserId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<NetworkMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class VisitSiteConfiguration : IEntityTypeConfiguration<VisitSite>
{
    public void Configure(EntityTypeBuilder<VisitSite> e)
    {
        e.ToTable("network_visit_sites");
        e.Property(x => x.Name).HasMaxLength(VisitSite.NameMax);
        e.Property(x => x.NameEn).HasMaxLength(VisitSite.NameMax);
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.Host).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(VisitSite.DescriptionMax);
    }
}

internal sealed class VisitSessionConfiguration : IEntityTypeConfiguration<VisitSession>
{
    public void Configure(EntityTypeBuilder<VisitSession> e)
    {
        e.ToTable("network_visit_sessions");
        e.Property(x => x.Host).HasMaxLength(200);
        e.Property(x => x.Notes).HasMaxLength(VisitSession.NotesMax);
        e.HasIndex(x => new { x.VisitId, x.StartsAt });
        // The calendar: sessions at a site in a span of time, whichever visit they belong to.
        e.HasIndex(x => new { x.SiteId, x.StartsAt });
        e.HasOne<StudyVisit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<VisitSite>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VisitFeedbackConfiguration : IEntityTypeConfiguration<VisitFeedback>
{
    public void Configure(EntityTypeBuilder<VisitFeedback> e)
    {
        e.ToTable("network_visit_feedback");
        e.HasKey(x => x.VisitId);
        e.Property(x => x.Adopting).HasMaxLength(VisitFeedback.TextMax);
        e.Property(x => x.Comments).HasMaxLength(VisitFeedback.TextMax);
        e.HasOne<StudyVisit>().WithOne().HasForeignKey<VisitFeedback>(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
    }
}
