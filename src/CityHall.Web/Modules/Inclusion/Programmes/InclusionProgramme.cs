using CityHall.Web.Modules.Inclusion.Eligibility;
using CityHall.Web.Modules.Inclusion.Selection;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Inclusion.Programmes;

/// <summary>
/// What the city gives when an application succeeds: an item delivered, a visit or appointment, a seat in a class, a
/// loan returned later, a licence for a period, or a residency: a desk at a city centre (the app-business centre) for a
/// period, no desk held by two residents at once.
/// </summary>
public enum FulfilmentKind { Delivery, Appointment, ClassSeat, Loan, Licence, Residency }

public enum SelectionMethod { FirstComeFirstServed, Score, Lottery }

/// <summary>How an application's sub-pool is found: none (one pool), the applicant's district, or the applicant's choice (school level).</summary>
public enum PoolBasis { None, District, Choice }

/// <summary>
/// A programme (refurbished PCs, assistive devices, repairs, counselling, study licences, seniors'
/// classes). Its terms live in numbered <see cref="ProgrammeVersion"/>s: a change makes a new
/// version and every application keeps the version it was made and decided under.
/// </summary>
public sealed class InclusionProgramme
{
    public long Id { get; set; }
    /// <summary>The programme's address (/inclusion/{code}).</summary>
    public required string Code { get; set; }
    public FulfilmentKind Fulfilment { get; set; }
    public int CurrentVersion { get; set; }
    /// <summary>Shown in the citizens' catalogue.</summary>
    public bool Listed { get; set; } = true;
    public int Order { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>
    /// The current round: it opened at <see cref="RoundOpensAt"/>, and <see cref="RoundApplications"/>
    /// applications submitted since still hold a place in it (released when withdrawn, refused,
    /// lapsed or cancelled). Counted with one conditional update so a version's application limit
    /// holds under concurrency; a new version that moves the window's opening starts a new round.
    /// </summary>
    public DateTime RoundOpensAt { get; set; }
    public int RoundApplications { get; set; }
}

/// <summary>A sub-pool of a quota ("elementary school": 300 licences; "Jongno-gu": 20 PCs).</summary>
public sealed record QuotaPool(string Code, string NameKo, string NameEn, int Quota);

/// <summary>A document the applicant uploads (or shows at a service centre) to prove what they declared.</summary>
public sealed record EvidenceRequirement(string Code, string NameKo, string NameEn, string HintKo, string HintEn, bool Required);

/// <summary>
/// A programme's terms at one version: names and plain-language description, application window,
/// quota and sub-pools, co-payment, evidence, eligibility rules, selection, re-grant exclusion and
/// household limit. Never edited once applications point at it; staff changes make the next version.
/// </summary>
public sealed class ProgrammeVersion
{
    public long Id { get; set; }
    public long ProgrammeId { get; set; }
    public int Version { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
    /// <summary>What the programme gives and to whom, in plain words (Markdown paragraphs).</summary>
    public required string SummaryKo { get; set; }
    public required string SummaryEn { get; set; }
    /// <summary>Applications accepted from this instant (UTC) until <see cref="ClosesAt"/>.</summary>
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    /// <summary>Places in all; with pools, each pool's quota (they add up to this).</summary>
    public int Quota { get; set; }
    /// <summary>Applications taken at most in this round (the quota plus a waiting list); null: no limit. Beyond it the programme is full.</summary>
    public int? ApplicationLimit { get; set; }
    public PoolBasis PoolBasis { get; set; }
    public List<QuotaPool> Pools { get; set; } = [];
    /// <summary>The share the recipient pays (10 for 10%), null when free; unpaid within <see cref="CoPaymentDays"/> of the offer, the place lapses.</summary>
    public int? CoPaymentPercent { get; set; }
    /// <summary>The item's price on which the co-payment is counted, in won.</summary>
    public int? ItemPrice { get; set; }
    public int CoPaymentDays { get; set; }
    /// <summary>Days an offer stays open before it lapses and the next on the waiting list is offered.</summary>
    public int OfferDays { get; set; }
    public List<EvidenceRequirement> Evidence { get; set; } = [];
    public List<EligibilityRule> Rules { get; set; } = [];
    /// <summary>Attributes asked though no rule tests them: what a scoring panel weighs (income, for "economic situation").</summary>
    public List<RuleAttribute> AlsoAsk { get; set; } = [];
    public SelectionMethod Selection { get; set; }
    /// <summary>Criteria of a weighted score, in tie-break order.</summary>
    public List<Criterion> Criteria { get; set; } = [];
    /// <summary>A household served by this programme may not be served again for this many months (0: no exclusion).</summary>
    public int ReGrantExclusionMonths { get; set; }
    /// <summary>Applications one household may hold at once (served ones count during the exclusion).</summary>
    public int HouseholdLimit { get; set; } = 1;
    /// <summary>For appointments: the visit is due within this many days of the place being accepted (the repair service's "within 2 days"); null: no service level.</summary>
    public int? ServiceLevelDays { get; set; }
    /// <summary>An optional question of the programme's own ("What is wrong with your PC?"); empty: none.</summary>
    public string? DetailsQuestionKo { get; set; }
    public string? DetailsQuestionEn { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    public EligibilityRuleSet RuleSet => new(Version, Rules);

    public bool IsOpen(DateTime utcNow) => utcNow >= OpensAt && utcNow < ClosesAt;

    /// <summary>When the service level says the visit is due: the place accepted (UTC) plus <see cref="ServiceLevelDays"/>; null without either.</summary>
    public DateTime? ServiceDue(DateTime? acceptedAt) => ServiceLevelDays is { } days && acceptedAt is { } at ? at.AddDays(days) : null;

    /// <summary>The attributes the rules look at, and those asked for scoring: only those are asked.</summary>
    public bool Asks(RuleAttribute attribute) => AlsoAsk.Contains(attribute) || Rules.Any(r => r.Attribute == attribute);
}

internal sealed class InclusionProgrammeConfiguration : IEntityTypeConfiguration<InclusionProgramme>, IEntityTypeConfiguration<ProgrammeVersion>
{
    public void Configure(EntityTypeBuilder<InclusionProgramme> e)
    {
        e.ToTable("inclusion_programmes");
        e.Property(x => x.Code).HasMaxLength(40);
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Fulfilment).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.Property(x => x.RoundOpensAt).IsUtcTime();
    }

    public void Configure(EntityTypeBuilder<ProgrammeVersion> e)
    {
        e.ToTable("inclusion_programme_versions");
        e.HasOne<InclusionProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProgrammeId, x.Version }).IsUnique();
        e.Property(x => x.NameKo).HasMaxLength(200);
        e.Property(x => x.NameEn).HasMaxLength(200);
        e.Property(x => x.SummaryKo).HasMaxLength(8000);
        e.Property(x => x.SummaryEn).HasMaxLength(8000);
        e.Property(x => x.OpensAt).IsUtcTime();
        e.Property(x => x.ClosesAt).IsUtcTime();
        e.Property(x => x.CreatedAt).IsUtcTime();
        e.Property(x => x.CreatedBy).HasMaxLength(450);
        e.Property(x => x.PoolBasis).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Selection).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.DetailsQuestionKo).HasMaxLength(300);
        e.Property(x => x.DetailsQuestionEn).HasMaxLength(300);
        e.Property(x => x.Pools).HasJsonConversion();
        e.Property(x => x.Evidence).HasJsonConversion();
        e.Property(x => x.Rules).HasJsonConversion();
        e.Property(x => x.AlsoAsk).HasJsonConversion();
        e.Property(x => x.Criteria).HasJsonConversion();
        e.Ignore(x => x.RuleSet);
    }
}
