using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Developers.Incubator;

/// <summary>
/// A mentoring session the app-business centre held with a resident organisation: who mentored, on what, when and for
/// how long, with the mentor's notes for the centre's staff. The resident is named by its application's reference
/// (the Inclusion module's; its residency comes through <c>Inclusion.Contracts.IResidencies</c>).
/// </summary>
public sealed class MentoringSession
{
    public long Id { get; set; }
    public required string Resident { get; set; }
    public required string Mentor { get; set; }
    public required string Topic { get; set; }
    public DateTime HeldAt { get; set; }
    public int Minutes { get; set; }
    public string? Notes { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>A demo day: residents present their apps to the public, investors and the city's departments.</summary>
public sealed class DemoDay
{
    public long Id { get; set; }
    public required string TitleKo { get; set; }
    public required string TitleEn { get; set; }
    public DateTime StartsAt { get; set; }
    public required string Place { get; set; }
    public List<DemoDayPitch> Pitches { get; set; } = [];
}

/// <summary>A resident's turn at a demo day, in order, with the app it shows when the app is in the showcase.</summary>
public sealed class DemoDayPitch
{
    public long Id { get; set; }
    public long DemoDayId { get; set; }
    public required string Resident { get; set; }
    /// <summary>The organisation's name when the pitch was added: the public page shows it without asking the Inclusion module each time.</summary>
    public required string Organisation { get; set; }
    public long? ShowcaseAppId { get; set; }
    public int Order { get; set; }
}

/// <summary>
/// An app built on the city's data, in the public showcase: who made it, what it does, where to get it, and which of the
/// city's datasets and APIs it uses (their open-data codes, as the modules declare them). A resident's app names the
/// residency; apps from anyone else may be shown too.
/// </summary>
public sealed class ShowcaseApp
{
    public const int NameMax = 100, MakerMax = 200, SummaryMax = 1000, LinkMax = 500;

    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Maker { get; set; }
    public required string SummaryKo { get; set; }
    public required string SummaryEn { get; set; }
    /// <summary>The app's page or store listing (http or https only).</summary>
    public required string Link { get; set; }
    /// <summary>The datasets' and APIs' codes, separated by spaces.</summary>
    public string Datasets { get; set; } = "";
    public string? Resident { get; set; }
    public bool Published { get; set; }
    public DateTime AddedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> DatasetList => Datasets.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class IncubatorConfiguration : IEntityTypeConfiguration<MentoringSession>, IEntityTypeConfiguration<DemoDay>,
    IEntityTypeConfiguration<DemoDayPitch>, IEntityTypeConfiguration<ShowcaseApp>
{
    public void Configure(EntityTypeBuilder<MentoringSession> e)
    {
        e.ToTable("developer_mentoring_sessions");
        e.Property(x => x.Resident).HasMaxLength(40);
        e.Property(x => x.Mentor).HasMaxLength(100);
        e.Property(x => x.Topic).HasMaxLength(200);
        e.Property(x => x.Notes).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(450);
        e.Property(x => x.HeldAt).IsUtcTime();
        e.Property(x => x.RecordedAt).IsUtcTime();
        e.HasIndex(x => new { x.Resident, x.HeldAt });
    }

    public void Configure(EntityTypeBuilder<DemoDay> e)
    {
        e.ToTable("developer_demo_days");
        e.Property(x => x.TitleKo).HasMaxLength(200);
        e.Property(x => x.TitleEn).HasMaxLength(200);
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.StartsAt).IsUtcTime();
        e.HasIndex(x => x.StartsAt);
        e.HasMany(x => x.Pitches).WithOne().HasForeignKey(x => x.DemoDayId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DemoDayPitch> e)
    {
        e.ToTable("developer_demo_day_pitches");
        e.Property(x => x.Resident).HasMaxLength(40);
        e.Property(x => x.Organisation).HasMaxLength(ShowcaseApp.MakerMax);
        e.HasIndex(x => new { x.DemoDayId, x.Resident }).IsUnique();
        e.HasOne<ShowcaseApp>().WithMany().HasForeignKey(x => x.ShowcaseAppId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<ShowcaseApp> e)
    {
        e.ToTable("developer_showcase_apps");
        e.Property(x => x.Name).HasMaxLength(ShowcaseApp.NameMax);
        e.Property(x => x.Maker).HasMaxLength(ShowcaseApp.MakerMax);
        e.Property(x => x.SummaryKo).HasMaxLength(ShowcaseApp.SummaryMax);
        e.Property(x => x.SummaryEn).HasMaxLength(ShowcaseApp.SummaryMax);
        e.Property(x => x.Link).HasMaxLength(ShowcaseApp.LinkMax);
        e.Property(x => x.Datasets).HasMaxLength(1000);
        e.Property(x => x.Resident).HasMaxLength(40);
        e.Property(x => x.AddedAt).IsUtcTime();
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.HasIndex(x => new { x.Published, x.Name });
        e.Ignore(x => x.DatasetList);
    }
}
