using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Broadcasts;

public enum BroadcastMedium { Radio, Television }

/// <summary>A channel the city broadcasts on (TBS FM 95.1, TBS TV, TBS eFM 101.3): data a city sets, not code.</summary>
public sealed class BroadcastChannel
{
    public required string Code { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
    public BroadcastMedium Medium { get; set; }
    /// <summary>Where to tune in ("FM 95.1 MHz", "Cable and IPTV"), as listeners read it.</summary>
    public string? Frequency { get; set; }
    /// <summary>The live stream (a player page or a stream URL).</summary>
    public string? LiveUrl { get; set; }
    public string? Website { get; set; }
    public int Order { get; set; }
}

/// <summary>A programme of a channel with its weekly slots (city time).</summary>
public sealed class Programme
{
    public long Id { get; set; }
    public required string ChannelCode { get; set; }
    public required string TitleKo { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionKo { get; set; }
    public string? DescriptionEn { get; set; }
    public string? Hosts { get; set; }
    public List<ProgrammeSlot> Slots { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A weekly showing: the day, the start (city time) and how long; one past midnight ends the next day.</summary>
public sealed class ProgrammeSlot
{
    public long Id { get; set; }
    public long ProgrammeId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Start { get; set; }
    public int Minutes { get; set; }
}

/// <summary>
/// A change to the weekly schedule at a given time (stored in UTC: an instant): it replaces whatever it overlaps —
/// with a special programme (a title of its own), a regular programme at another time
/// (<see cref="ProgrammeId"/>), or nothing (<see cref="OffAir"/>: a holiday, maintenance).
/// </summary>
public sealed class ScheduleException
{
    public long Id { get; set; }
    public required string ChannelCode { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public long? ProgrammeId { get; set; }
    public string? TitleKo { get; set; }
    public string? TitleEn { get; set; }
    public bool OffAir { get; set; }
    /// <summary>Why, for listeners ("광복절 특집", "transmitter maintenance").</summary>
    public string? Note { get; set; }
}

internal sealed class BroadcastConfiguration : IEntityTypeConfiguration<BroadcastChannel>, IEntityTypeConfiguration<Programme>,
    IEntityTypeConfiguration<ProgrammeSlot>, IEntityTypeConfiguration<ScheduleException>
{
    public void Configure(EntityTypeBuilder<BroadcastChannel> e)
    {
        e.ToTable("broadcast_channels");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.NameKo).HasMaxLength(100);
        e.Property(x => x.NameEn).HasMaxLength(100);
        e.Property(x => x.Medium).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Frequency).HasMaxLength(100);
        e.Property(x => x.LiveUrl).HasMaxLength(500);
        e.Property(x => x.Website).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<Programme> e)
    {
        e.ToTable("broadcast_programmes");
        e.Property(x => x.ChannelCode).HasMaxLength(32);
        e.Property(x => x.TitleKo).HasMaxLength(200);
        e.Property(x => x.TitleEn).HasMaxLength(200);
        e.Property(x => x.DescriptionKo).HasMaxLength(2000);
        e.Property(x => x.DescriptionEn).HasMaxLength(2000);
        e.Property(x => x.Hosts).HasMaxLength(200);
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.HasOne<BroadcastChannel>().WithMany().HasForeignKey(x => x.ChannelCode).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Slots).WithOne().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ChannelCode);
    }

    public void Configure(EntityTypeBuilder<ProgrammeSlot> e) => e.ToTable("broadcast_slots");

    public void Configure(EntityTypeBuilder<ScheduleException> e)
    {
        e.ToTable("broadcast_exceptions");
        e.Property(x => x.ChannelCode).HasMaxLength(32);
        e.Property(x => x.TitleKo).HasMaxLength(200);
        e.Property(x => x.TitleEn).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(300);
        e.HasOne<BroadcastChannel>().WithMany().HasForeignKey(x => x.ChannelCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.StartsAt).IsUtcTime();
        e.Property(x => x.EndsAt).IsUtcTime();
        e.HasIndex(x => new { x.ChannelCode, x.StartsAt });
    }
}
