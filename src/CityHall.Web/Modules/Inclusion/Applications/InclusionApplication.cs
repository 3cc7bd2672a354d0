using CityHall.Web.Modules.Inclusion.Eligibility;
using CityHall.Web.Modules.Inclusion.Programmes;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Inclusion.Applications;

/// <summary>How the application reached the city: the applicant online, or staff entering it at a service centre or on the phone.</summary>
public enum ApplicationChannel { Online, ServiceCentre, Phone }

/// <summary>
/// An application to a programme, from draft to closed. It keeps the programme version it was
/// made under, the applicant's answers, who entered it (the applicant, or staff for an assisted
/// application), and — once decided — the rule version and the rule that failed.
/// </summary>
public sealed class InclusionApplication
{
    public long Id { get; set; }
    /// <summary>"INC-261127-K7Q4-M2XP": given when the application is started, shown on every page and letter.</summary>
    public required string Reference { get; set; }
    public long ProgrammeId { get; set; }
    public int ProgrammeVersion { get; set; }
    public ApplicationState State { get; set; }
    /// <summary>The applicant's account; null for an assisted application of someone without one.</summary>
    public string? ApplicantUserId { get; set; }
    public string ApplicantName { get; set; } = "";
    public string? ApplicantPhone { get; set; }
    public ApplicationChannel Channel { get; set; }
    /// <summary>The account that entered the application (the applicant, or the staff member who helped).</summary>
    public required string EnteredBy { get; set; }
    public string? DistrictCode { get; set; }
    public string? Address { get; set; }
    /// <summary>The address reduced to letters and digits: applications with the same key are one household.</summary>
    public string? HouseholdKey { get; set; }
    public string? Pool { get; set; }
    public ApplicationAnswers Answers { get; set; } = new();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>The rule-set version of the last eligibility decision, and the rule that failed (null when eligible).</summary>
    public int? RuleVersion { get; set; }
    public string? FailedRuleId { get; set; }
    /// <summary>When an offer (or a co-payment) lapses if not acted on.</summary>
    public DateTime? RespondBy { get; set; }
    /// <summary>The selection run that placed the application, and its place in that run's order for its pool (1 = first); the waiting list is served in this order.</summary>
    public long? SelectionRunId { get; set; }
    public int? QueuePosition { get; set; }
    /// <summary>Changes with every save: two staff members acting on one application at once cannot both win.</summary>
    public int Revision { get; set; }
}

/// <summary>
/// What the applicant answered, as they answered it. Income is kept with the share of the median it
/// came to when answered, so a later change of the median table does not change a decision.
/// <see cref="Verified"/> records what staff established for each attribute beyond the applicant's word.
/// </summary>
public sealed record ApplicationAnswers
{
    public DateOnly? BirthDate { get; init; }
    public List<string>? Benefits { get; init; }
    public int? HouseholdSize { get; init; }
    public long? MonthlyIncome { get; init; }
    public int? IncomePercentOfMedian { get; init; }
    public DisabilitySeverity? Disability { get; init; }
    public string? Details { get; init; }
    /// <summary>The organisation applying, for a programme open to organisations (<see cref="ApplicationQuestions.IsForOrganisations"/>).</summary>
    public OrganisationAnswer? Organisation { get; init; }
    public Dictionary<RuleAttribute, Verification> Verified { get; init; } = [];

    public ApplicantFacts ToFacts(string? district, DateOnly today)
    {
        Verification By(RuleAttribute a) => Verified.GetValueOrDefault(a, Verification.SelfDeclared);
        return new ApplicantFacts
        {
            District = district is null ? null : new(district, By(RuleAttribute.District)),
            Age = BirthDate is { } b ? new(AgeOn(b, today), By(RuleAttribute.Age)) : null,
            Benefits = Benefits is { } list ? new(list.ToHashSet(StringComparer.Ordinal), By(RuleAttribute.Benefit)) : null,
            IncomePercentOfMedian = IncomePercentOfMedian is { } i ? new(i, By(RuleAttribute.IncomePercentOfMedian)) : null,
            Disability = Disability is { } d ? new(d, By(RuleAttribute.Disability)) : null,
            HouseholdSize = HouseholdSize is { } h ? new(h, By(RuleAttribute.HouseholdSize)) : null,
            YearsInBusiness = Organisation is { } o ? new(AgeOn(o.FoundedOn, today), By(RuleAttribute.YearsInBusiness)) : null,
            TeamSize = Organisation is { } team ? new(team.TeamSize, By(RuleAttribute.TeamSize)) : null,
        };
    }

    /// <summary>Full years on the day (a birthday on 29 February counts from 1 March in common years).</summary>
    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }
}

/// <summary>
/// An organisation as its representative describes it: its registered name and number, the day it was founded
/// (registered), and how many people work in it.
/// </summary>
public sealed record OrganisationAnswer(string Name, string RegistrationNumber, DateOnly FoundedOn, int TeamSize);

/// <summary>One step in an application's history: every state change and decision, with who, in what role, why, and under which rule version.</summary>
public sealed class ApplicationEvent
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public DateTime At { get; set; }
    public ApplicationState? From { get; set; }
    public ApplicationState To { get; set; }
    public required string ActorId { get; set; }
    /// <summary>"applicant", or the staff role the actor acted in ("official", "moderator", …).</summary>
    public required string ActorRole { get; set; }
    public string? Reason { get; set; }
    public int? RuleVersion { get; set; }
}

/// <summary>A document uploaded for an application (PDF, JPEG or PNG), kept as uploaded: staff need to read it as the applicant sent it.</summary>
public sealed class ApplicationDocument
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public required string EvidenceCode { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

/// <summary>
/// A household's place against a programme's household limit: slot 1..limit, unique per programme and
/// household, so two applications from one household arriving at once cannot both take slot 1.
/// Released when the application ends without being served; once served (<see cref="ServedAt"/>) it
/// stays until the re-grant exclusion has passed.
/// </summary>
public sealed class HouseholdClaim
{
    public long Id { get; set; }
    public long ProgrammeId { get; set; }
    public required string HouseholdKey { get; set; }
    public int Slot { get; set; }
    public long ApplicationId { get; set; }
    public DateTime ClaimedAt { get; set; }
    public DateTime? ServedAt { get; set; }
}

internal sealed class InclusionApplicationConfiguration : IEntityTypeConfiguration<InclusionApplication>, IEntityTypeConfiguration<ApplicationEvent>,
    IEntityTypeConfiguration<ApplicationDocument>, IEntityTypeConfiguration<HouseholdClaim>
{
    public void Configure(EntityTypeBuilder<InclusionApplication> e)
    {
        e.ToTable("inclusion_applications");
        e.Property(x => x.Reference).HasMaxLength(32);
        e.HasIndex(x => x.Reference).IsUnique();
        e.HasOne<InclusionProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ApplicantUserId).HasMaxLength(450);
        e.Property(x => x.ApplicantName).HasMaxLength(100);
        e.Property(x => x.ApplicantPhone).HasMaxLength(32);
        e.Property(x => x.EnteredBy).HasMaxLength(450);
        e.Property(x => x.DistrictCode).HasMaxLength(16);
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.HouseholdKey).HasMaxLength(300);
        e.Property(x => x.Pool).HasMaxLength(40);
        e.Property(x => x.FailedRuleId).HasMaxLength(60);
        e.Property(x => x.Answers).HasJsonConversion().HasMaxLength(8000);
        e.Property(x => x.CreatedAt).IsUtcTime();
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.Property(x => x.SubmittedAt).IsUtcTime();
        e.Property(x => x.RespondBy).IsUtcTime();
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => new { x.ProgrammeId, x.State, x.SubmittedAt });
        e.HasIndex(x => new { x.ApplicantUserId, x.ProgrammeId });
        e.HasIndex(x => x.HouseholdKey);
        e.HasIndex(x => new { x.State, x.RespondBy });
    }

    public void Configure(EntityTypeBuilder<ApplicationEvent> e)
    {
        e.ToTable("inclusion_application_events");
        e.HasOne<InclusionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ApplicationId);
        e.Property(x => x.At).IsUtcTime();
        e.Property(x => x.From).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.To).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.ActorId).HasMaxLength(450);
        e.Property(x => x.ActorRole).HasMaxLength(40);
        e.Property(x => x.Reason).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<ApplicationDocument> e)
    {
        e.ToTable("inclusion_application_documents");
        e.HasOne<InclusionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ApplicationId);
        e.Property(x => x.EvidenceCode).HasMaxLength(40);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(40);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.UploadedAt).IsUtcTime();
        e.Property(x => x.UploadedBy).HasMaxLength(450);
    }

    public void Configure(EntityTypeBuilder<HouseholdClaim> e)
    {
        e.ToTable("inclusion_household_claims");
        e.Property(x => x.HouseholdKey).HasMaxLength(300);
        e.HasIndex(x => new { x.ProgrammeId, x.HouseholdKey, x.Slot }).IsUnique();
        e.HasIndex(x => x.ApplicationId);
        e.HasOne<InclusionProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<InclusionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.ClaimedAt).IsUtcTime();
        e.Property(x => x.ServedAt).IsUtcTime();
    }
}
