using CityHall.Web.Modules.Inclusion.Programmes;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Inclusion.Selection;

/// <summary>
/// A selection as it was run, kept and published: the method, the seed of a draw, every entrant
/// (reference, pool, when they applied — and, for a score, their averaged scores), and the selected
/// and waiting lists per pool. With the seed and the entrants anyone can run a draw again.
/// </summary>
public sealed class SelectionRun
{
    public long Id { get; set; }
    public long ProgrammeId { get; set; }
    public int ProgrammeVersion { get; set; }
    public SelectionMethod Method { get; set; }
    public string? Seed { get; set; }
    public DateTime RunAt { get; set; }
    public required string RunBy { get; set; }
    public List<PublishedEntrant> Entrants { get; set; } = [];
    public List<PoolResult> Results { get; set; } = [];
}

/// <summary>An entrant as published: no names, only the application reference, pool, time applied and (for a score) the total.</summary>
public sealed record PublishedEntrant(string Reference, string Pool, DateTime SubmittedAt, double? Score);

/// <summary>One panel member's scores for one application by criterion, or a declared conflict of interest (then no scores, and they do not count).</summary>
public sealed class PanelScoreEntry
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public required string MemberId { get; set; }
    public Dictionary<string, double> Scores { get; set; } = [];
    public bool Conflict { get; set; }
    public DateTime At { get; set; }
}

internal sealed class SelectionConfiguration : IEntityTypeConfiguration<SelectionRun>, IEntityTypeConfiguration<PanelScoreEntry>
{
    public void Configure(EntityTypeBuilder<SelectionRun> e)
    {
        e.ToTable("inclusion_selection_runs");
        e.HasOne<InclusionProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ProgrammeId);
        e.Property(x => x.Method).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Seed).HasMaxLength(200);
        e.Property(x => x.RunAt).IsUtcTime();
        e.Property(x => x.RunBy).HasMaxLength(450);
        e.Property(x => x.Entrants).HasJsonConversion();
        e.Property(x => x.Results).HasJsonConversion();
    }

    public void Configure(EntityTypeBuilder<PanelScoreEntry> e)
    {
        e.ToTable("inclusion_panel_scores");
        e.HasOne<Applications.InclusionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ApplicationId, x.MemberId }).IsUnique();
        e.Property(x => x.MemberId).HasMaxLength(450);
        e.Property(x => x.Scores).HasJsonConversion();
        e.Property(x => x.At).IsUtcTime();
    }
}
