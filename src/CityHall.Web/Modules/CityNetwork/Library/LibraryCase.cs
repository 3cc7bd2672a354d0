using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.CityNetwork.Library;

/// <summary>What a library item is: a practice a city tells of, a part of the e-government standard framework, an award-winning case, a report or other document.</summary>
public enum LibraryKind { Practice, Framework, AwardWinner, Document }

/// <summary>
/// Where a library item stands: a contributor's draft, sent for the secretariat's review, published (the public reads
/// it), or returned to the contributor with a note. Staff may publish directly.
/// </summary>
public enum LibraryStatus { Draft, InReview, Published, Returned }

/// <summary>
/// A case or document of e-government practice in the network's knowledge library: title, summary and body in one
/// language (any script), the city and year it comes from, its topics, and the other language versions of the same
/// case (all versions share a <see cref="TranslationGroup"/>). Members' representatives contribute drafts the
/// secretariat reviews; award winners become cases in one click (<see cref="AwardEntryId"/>).
/// </summary>
public sealed class LibraryCase
{
    public long Id { get; set; }
    public LibraryKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public required string Body { get; set; }
    /// <summary>BCP 47 tag of the language the title, summary and body are written in.</summary>
    public required string Language { get; set; }
    /// <summary>The versions of one case in several languages share this number (the first version's id).</summary>
    public long TranslationGroup { get; set; }
    public string? City { get; set; }
    public string? CountryCode { get; set; }
    /// <summary>The member the case comes from (its page lists it).</summary>
    public long? MemberId { get; set; }
    public int? Year { get; set; }
    /// <summary>Codes of <c>CityNetwork:Topics</c>.</summary>
    public List<string> Topics { get; set; } = [];
    /// <summary>The topics again as " code code " (a space at each end), so SQL finds one with a plain substring test.</summary>
    public string TopicCodes { get; set; } = "";
    public LibraryStatus Status { get; set; }
    /// <summary>The account that contributed it (null for the secretariat's own, and once the account is deleted).</summary>
    public string? ContributorUserId { get; set; }
    /// <summary>The secretariat's note when it returned the draft.</summary>
    public string? ReviewNote { get; set; }
    /// <summary>The award entry it was made from, once (a winner becomes one case).</summary>
    public long? AwardEntryId { get; set; }
    /// <summary>Title, summary, body and city folded for search in every script (see <see cref="NetworkMember.Folded"/>).</summary>
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const int TitleMax = 300, SummaryMax = 2000, BodyMax = 100_000, CityMax = 200, NoteMax = 2000;

    /// <summary>Keeps <see cref="SearchText"/> and <see cref="TopicCodes"/> in step with the texts and topics.</summary>
    public void Refold()
    {
        SearchText = NetworkMember.Folded(string.Join(' ', Title, Summary, City, Body.Length > 20_000 ? Body[..20_000] : Body));
        TopicCodes = $" {string.Join(' ', Topics)} ";
    }

    /// <summary>A contributor may change it only while it is theirs to change.</summary>
    public bool Editable => Status is LibraryStatus.Draft or LibraryStatus.Returned;
}

/// <summary>A file that goes with a library case (a PDF, a diagram), told by content; public once the case is.</summary>
public sealed class LibraryAttachment
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string Name { get; set; }
    public required byte[] Bytes { get; set; }
    public required string ContentType { get; set; }
    public required string Sha256 { get; set; }
    public DateTime UploadedAt { get; set; }
}

internal sealed class LibraryCaseConfiguration : IEntityTypeConfiguration<LibraryCase>
{
    public void Configure(EntityTypeBuilder<LibraryCase> e)
    {
        e.ToTable("network_library_cases");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Title).HasMaxLength(LibraryCase.TitleMax);
        e.Property(x => x.Summary).HasMaxLength(LibraryCase.SummaryMax);
        e.Property(x => x.Body).HasMaxLength(LibraryCase.BodyMax);
        e.Property(x => x.Language).HasMaxLength(35);
        e.Property(x => x.City).HasMaxLength(LibraryCase.CityMax);
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.Property(x => x.Topics).HasMaxLength(1000).HasJsonConversion();
        e.Property(x => x.ContributorUserId).HasMaxLength(450);
        e.Property(x => x.ReviewNote).HasMaxLength(LibraryCase.NoteMax);
        e.Property(x => x.TopicCodes).HasMaxLength(1000);
        e.Property(x => x.SearchText).HasMaxLength(25_000);
        e.HasIndex(x => new { x.Status, x.PublishedAt });
        e.HasIndex(x => x.TranslationGroup);
        e.HasIndex(x => x.MemberId);
        e.HasIndex(x => x.ContributorUserId);
        // A winner becomes one case: clicking twice, or two secretaries at once, cannot make two.
        e.HasIndex(x => x.AwardEntryId).IsUnique();
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.ContributorUserId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<NetworkMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Awards.AwardEntry>().WithMany().HasForeignKey(x => x.AwardEntryId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class LibraryAttachmentConfiguration : IEntityTypeConfiguration<LibraryAttachment>
{
    public void Configure(EntityTypeBuilder<LibraryAttachment> e)
    {
        e.ToTable("network_library_attachments");
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(64);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasIndex(x => x.CaseId);
        e.HasOne<LibraryCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
