using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.CityNetwork.Awards;

/// <summary>
/// Where an edition stands in the secretariat's hands. Entries are taken while <see cref="Entries"/> and the deadline has
/// not passed; then they are screened; the jury scores in two rounds with the shortlist between them; the winners are
/// decided and announced. Each step is taken by the secretariat (<see cref="AwardRules"/> says what each needs).
/// </summary>
public enum AwardPhase { Entries, Round1, Shortlisting, Round2, Deciding, Announced }

/// <summary>One year's awards (the WeGO Awards, the Seoul Smart City Prize): its categories, criteria, questions and timetable.</summary>
public sealed class AwardEdition
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public string? TitleKo { get; set; }
    public string? Description { get; set; }
    /// <summary>The edition's own time zone (IANA), in which its dates are set and shown beside the applicant's.</summary>
    public required string TimeZone { get; set; }
    public DateTime OpensAt { get; set; }
    public DateTime DeadlineAt { get; set; }
    /// <summary>Languages an entry may be written in (ISO 639-1), the first the network's working language.</summary>
    public List<string> Languages { get; set; } = ["en"];
    /// <summary>The highest score a juror gives on one criterion (the lowest is 1).</summary>
    public int ScaleMax { get; set; } = 10;
    public AwardPhase Phase { get; set; }
    public DateTime? Round1ClosedAt { get; set; }
    public DateTime? Round2ClosedAt { get; set; }
    public DateTime? AnnouncedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const int TitleMax = 200, DescriptionMax = 4000;

    public string DisplayTitle(System.Globalization.CultureInfo culture) => Platform.City.LocalizedText.Pick(culture, TitleKo ?? Title, Title);
}

/// <summary>A category of an edition ("Open City", "Digital Divide"), with how many entries its shortlist and its winners hold.</summary>
public sealed class AwardCategory
{
    public long Id { get; set; }
    public long EditionId { get; set; }
    public required string Name { get; set; }
    public string? NameKo { get; set; }
    public string? Description { get; set; }
    public int ShortlistSize { get; set; } = 5;
    public int Winners { get; set; } = 1;

    public string DisplayName(System.Globalization.CultureInfo culture) => Platform.City.LocalizedText.Pick(culture, NameKo ?? Name, Name);
}

/// <summary>A criterion the jury scores every entry on, with its weight in the entry's score.</summary>
public sealed class AwardCriterion
{
    public long Id { get; set; }
    public long EditionId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameKo { get; set; }
    public string? Guidance { get; set; }
    public int Weight { get; set; }
    public int Order { get; set; }

    public string DisplayName(System.Globalization.CultureInfo culture) => Platform.City.LocalizedText.Pick(culture, NameKo ?? Name, Name);
}

/// <summary>Who enters: a member city, a city outside the network, or a vendor applying on a city's behalf with the city's written approval.</summary>
public enum ApplicantType { MemberCity, NonMember, Vendor }

/// <summary>
/// A question of an edition's form: for every category or one, for every applicant type or one — so each category and
/// applicant type has its own form. Answers are text (any script), up to <see cref="MaxLength"/>.
/// </summary>
public sealed class AwardQuestion
{
    public long Id { get; set; }
    public long EditionId { get; set; }
    public long? CategoryId { get; set; }
    public ApplicantType? ApplicantType { get; set; }
    public required string Prompt { get; set; }
    public string? PromptKo { get; set; }
    public bool Required { get; set; } = true;
    public int MaxLength { get; set; } = 4000;
    public int Order { get; set; }

    public bool AppliesTo(long categoryId, ApplicantType type) => (CategoryId is null || CategoryId == categoryId) && (ApplicantType is null || ApplicantType == type);
    public string DisplayPrompt(System.Globalization.CultureInfo culture) => Platform.City.LocalizedText.Pick(culture, PromptKo ?? Prompt, Prompt);
}

internal sealed class AwardEditionConfiguration : IEntityTypeConfiguration<AwardEdition>
{
    public void Configure(EntityTypeBuilder<AwardEdition> e)
    {
        e.ToTable("network_award_editions");
        e.Property(x => x.Title).HasMaxLength(AwardEdition.TitleMax);
        e.Property(x => x.TitleKo).HasMaxLength(AwardEdition.TitleMax);
        e.Property(x => x.Description).HasMaxLength(AwardEdition.DescriptionMax);
        e.Property(x => x.TimeZone).HasMaxLength(64);
        e.Property(x => x.Languages).HasMaxLength(200).HasJsonConversion();
        e.Property(x => x.Phase).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => x.Year);
    }
}

internal sealed class AwardCategoryConfiguration : IEntityTypeConfiguration<AwardCategory>
{
    public void Configure(EntityTypeBuilder<AwardCategory> e)
    {
        e.ToTable("network_award_categories");
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.NameKo).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.HasIndex(x => x.EditionId);
        e.HasOne<AwardEdition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AwardCriterionConfiguration : IEntityTypeConfiguration<AwardCriterion>
{
    public void Configure(EntityTypeBuilder<AwardCriterion> e)
    {
        e.ToTable("network_award_criteria");
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.NameKo).HasMaxLength(200);
        e.Property(x => x.Guidance).HasMaxLength(1000);
        e.HasIndex(x => new { x.EditionId, x.Code }).IsUnique();
        e.HasOne<AwardEdition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AwardQuestionConfiguration : IEntityTypeConfiguration<AwardQuestion>
{
    public void Configure(EntityTypeBuilder<AwardQuestion> e)
    {
        e.ToTable("network_award_questions");
        e.Property(x => x.Prompt).HasMaxLength(500);
        e.Property(x => x.PromptKo).HasMaxLength(500);
        e.Property(x => x.ApplicantType).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => x.EditionId);
        e.HasOne<AwardEdition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AwardCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
