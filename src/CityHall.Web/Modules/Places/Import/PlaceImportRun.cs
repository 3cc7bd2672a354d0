using CityHall.Web.Platform.Import;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Places.Import;

public enum ImportRunStatus { Running, Succeeded, Refused, Failed }

/// <summary>
/// One import of a file uploaded by staff: who, what, when, and what came of it (the counts and
/// every skipped row with its line and reason, up to <see cref="MaxSkipsKept"/>). The record is the
/// summary page and the history of imports; while it runs, the rows read so far live in
/// <see cref="PlaceImportJobs"/>.
/// </summary>
public sealed class PlaceImportRun
{
    public const int MaxSkipsKept = 1000;

    public Guid Id { get; set; }
    public required string KindCode { get; set; }
    public required string FileName { get; set; }
    public required string Mapping { get; set; }
    public required string StartedBy { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public ImportRunStatus Status { get; set; }
    public string? Encoding { get; set; }
    public int Read { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int SkippedCount { get; set; }
    /// <summary>Why the file was refused (nothing written), or what went wrong.</summary>
    public string? Problem { get; set; }
    /// <summary>The skipped rows as JSON [{"Line":3,"Reason":"…"}], at most <see cref="MaxSkipsKept"/>.</summary>
    public string SkipsJson { get; set; } = "[]";

    public IReadOnlyList<SkippedRow> Skips => JsonSerializer.Deserialize<List<SkippedRow>>(SkipsJson) ?? [];
}

internal sealed class PlaceImportRunConfiguration : IEntityTypeConfiguration<PlaceImportRun>
{
    public void Configure(EntityTypeBuilder<PlaceImportRun> e)
    {
        e.ToTable("place_import_runs");
        e.Property(x => x.KindCode).HasMaxLength(32);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.Mapping).HasMaxLength(100);
        e.Property(x => x.StartedBy).HasMaxLength(450);
        e.Property(x => x.Encoding).HasMaxLength(16);
        e.Property(x => x.Problem).HasMaxLength(2000);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.StartedAt).IsUtcTime();
        e.Property(x => x.FinishedAt).IsUtcTime();
        e.Ignore(x => x.Skips);
        e.HasIndex(x => x.StartedAt);
    }
}
