using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Decisions.Budgets;

/// <summary>
/// Where a participatory budget stands, as its dates put it: citizens propose ideas, then support them, staff review
/// them, citizens vote on the projects put on each heading's ballot, the results are published, and the funded
/// projects are carried out.
/// </summary>
public enum BudgetPhase { Draft, Upcoming, Ideas, Supports, Review, Ballot, Results, Execution }

/// <summary>
/// How a heading's ballot is filled in: choose projects whose costs add up to at most the heading's amount and at
/// least a share of it (knapsack, Decidim's default), or approve up to a number of projects (CONSUL's approval).
/// </summary>
public enum BallotStyle { Knapsack = 1, Approval = 2 }

/// <summary>
/// A participatory budget (CONSUL, Decidim; Seoul decided 766 projects worth ₩59.3 billion this way in 2017): an
/// amount of the city's money, split into headings (city-wide and per district), which citizens decide how to spend.
/// Each phase starts on its own date and lasts until the next one starts.
/// </summary>
public sealed class Budget
{
    public long Id { get; set; }
    public required string TitleKo { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionKo { get; set; }
    public string? DescriptionEn { get; set; }
    public BallotStyle Style { get; set; } = BallotStyle.Knapsack;
    /// <summary>Knapsack: the share of the heading's amount a ballot must fill at least, in percent (Decidim's default 70).</summary>
    public int MinSharePercent { get; set; } = 70;
    /// <summary>Approval: how many projects a ballot may approve at most.</summary>
    public int MaxProjects { get; set; } = 3;
    public DateTime IdeasFrom { get; set; }
    public DateTime SupportsFrom { get; set; }
    public DateTime ReviewFrom { get; set; }
    public DateTime BallotFrom { get; set; }
    /// <summary>The ballot closes, and the results are published, at this time.</summary>
    public DateTime ResultsFrom { get; set; }
    public DateTime ExecutionFrom { get; set; }
    /// <summary>Null while staff prepare it.</summary>
    public DateTime? PublishedAt { get; set; }
    /// <summary>When the headings' ballots were drawn up from the selected projects (from then on the ballots are fixed).</summary>
    public DateTime? BallotsPreparedAt { get; set; }
    /// <summary>This budget's key for supporters' commitments: one support per verified person and project, never who.</summary>
    public byte[] Salt { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string CreatedBy { get; set; }

    public BudgetPhase PhaseAt(DateTime now) =>
        PublishedAt is null ? BudgetPhase.Draft
        : now >= ExecutionFrom ? BudgetPhase.Execution
        : now >= ResultsFrom ? BudgetPhase.Results
        : now >= BallotFrom ? BudgetPhase.Ballot
        : now >= ReviewFrom ? BudgetPhase.Review
        : now >= SupportsFrom ? BudgetPhase.Supports
        : now >= IdeasFrom ? BudgetPhase.Ideas
        : BudgetPhase.Upcoming;

    /// <summary>Each phase after the draft with the date it starts, in order.</summary>
    public IReadOnlyList<(BudgetPhase Phase, DateTime From)> Timeline =>
    [
        (BudgetPhase.Ideas, IdeasFrom), (BudgetPhase.Supports, SupportsFrom), (BudgetPhase.Review, ReviewFrom),
        (BudgetPhase.Ballot, BallotFrom), (BudgetPhase.Results, ResultsFrom), (BudgetPhase.Execution, ExecutionFrom),
    ];
}

/// <summary>A part of a budget with its own amount: the whole city, or one district (only its residents vote on its ballot).</summary>
public sealed class BudgetHeading
{
    public long Id { get; set; }
    public long BudgetId { get; set; }
    public required string NameKo { get; set; }
    public string? NameEn { get; set; }
    /// <summary>The district whose verified residents vote on this heading; null: the whole city.</summary>
    public string? DistrictCode { get; set; }
    /// <summary>What the heading may spend, in the city's currency.</summary>
    public long Amount { get; set; }
    /// <summary>The heading's ballot once drawn up: a poll of its own (its own chain, receipts and recount; <see cref="Poll.BudgetHeadingId"/>).</summary>
    public long? PollId { get; set; }
}

/// <summary>Staff's technical review of a project: not yet reviewed, feasible (it may go on the ballot), or not (with the reasons, published).</summary>
public enum Feasibility { Undecided = 0, Feasible = 1, Unfeasible = 2 }

/// <summary>
/// A project a heading's money could pay for: proposed as an idea, reviewed by staff (feasibility, cost, reasons, all
/// published with it), and, when selected, put on the heading's ballot.
/// </summary>
public sealed class BudgetProject
{
    public long Id { get; set; }
    public long BudgetId { get; set; }
    public long HeadingId { get; set; }
    public required string TitleKo { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionKo { get; set; }
    public string? DescriptionEn { get; set; }
    /// <summary>What it costs, in the city's currency: the estimate, then the reviewed cost.</summary>
    public long Cost { get; set; }
    /// <summary>Where it would be built or held (WGS84), when it is somewhere in particular.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public Feasibility Feasibility { get; set; }
    /// <summary>The review's reasons (why not feasible, what the cost covers), published with the project.</summary>
    public string? ReviewNoteKo { get; set; }
    public string? ReviewNoteEn { get; set; }
    /// <summary>Put on the heading's ballot (only a feasible project can be).</summary>
    public bool Selected { get; set; }
    /// <summary>The citizen who proposed it (their account); null for a project staff entered.</summary>
    public string? AuthorId { get; set; }
    public Moderation Moderation { get; set; }
    /// <summary>Why a moderator declined it, shown to its author.</summary>
    public string? ModerationNote { get; set; }
    /// <summary>Verified people who supported it (<see cref="BudgetSupport"/>), which narrows the list for the review.</summary>
    public int Supports { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>One verified person's support of a project, as the commitment of their identity under the budget's salt.</summary>
public sealed class BudgetSupport
{
    public long ProjectId { get; set; }
    public required string Commitment { get; set; }
    public DateTime At { get; set; }
}

internal sealed class BudgetSupportConfiguration : IEntityTypeConfiguration<BudgetSupport>
{
    public void Configure(EntityTypeBuilder<BudgetSupport> e)
    {
        e.ToTable("decision_budget_supports");
        e.HasKey(x => new { x.ProjectId, x.Commitment });
        e.Property(x => x.Commitment).HasMaxLength(64);
        e.Property(x => x.At).IsUtcTime();
        e.HasOne<BudgetProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> e)
    {
        e.ToTable("decision_budgets");
        e.Property(x => x.TitleKo).HasMaxLength(300);
        e.Property(x => x.TitleEn).HasMaxLength(300);
        e.Property(x => x.DescriptionKo).HasMaxLength(4000);
        e.Property(x => x.DescriptionEn).HasMaxLength(4000);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.Salt).HasMaxLength(32);
        e.Property(x => x.IdeasFrom).IsUtcTime();
        e.Property(x => x.SupportsFrom).IsUtcTime();
        e.Property(x => x.ReviewFrom).IsUtcTime();
        e.Property(x => x.BallotFrom).IsUtcTime();
        e.Property(x => x.ResultsFrom).IsUtcTime();
        e.Property(x => x.ExecutionFrom).IsUtcTime();
        e.Property(x => x.PublishedAt).IsUtcTime();
        e.Property(x => x.BallotsPreparedAt).IsUtcTime();
        e.Property(x => x.CreatedAt).IsUtcTime();
        e.Property(x => x.UpdatedAt).IsUtcTime();
    }
}

internal sealed class BudgetHeadingConfiguration : IEntityTypeConfiguration<BudgetHeading>
{
    public void Configure(EntityTypeBuilder<BudgetHeading> e)
    {
        e.ToTable("decision_budget_headings");
        e.Property(x => x.NameKo).HasMaxLength(200);
        e.Property(x => x.NameEn).HasMaxLength(200);
        e.Property(x => x.DistrictCode).HasMaxLength(20);
        e.HasOne<Budget>().WithMany().HasForeignKey(x => x.BudgetId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BudgetProjectConfiguration : IEntityTypeConfiguration<BudgetProject>
{
    public void Configure(EntityTypeBuilder<BudgetProject> e)
    {
        e.ToTable("decision_budget_projects");
        e.Property(x => x.TitleKo).HasMaxLength(300);
        e.Property(x => x.TitleEn).HasMaxLength(300);
        e.Property(x => x.DescriptionKo).HasMaxLength(8000);
        e.Property(x => x.DescriptionEn).HasMaxLength(8000);
        e.Property(x => x.ReviewNoteKo).HasMaxLength(4000);
        e.Property(x => x.ReviewNoteEn).HasMaxLength(4000);
        e.Property(x => x.ModerationNote).HasMaxLength(1000);
        e.Property(x => x.AuthorId).HasMaxLength(450);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.CreatedAt).IsUtcTime();
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.HasIndex(x => new { x.BudgetId, x.HeadingId });
        e.HasIndex(x => x.AuthorId);
        e.HasOne<Budget>().WithMany().HasForeignKey(x => x.BudgetId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<BudgetHeading>().WithMany().HasForeignKey(x => x.HeadingId).OnDelete(DeleteBehavior.Restrict);
    }
}
