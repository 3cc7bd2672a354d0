using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Places;

/// <summary>A kind of place ("public-toilet", "restaurant"): data, so a city adds its own kinds.</summary>
public sealed class PlaceKind
{
    public required string Code { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
    public int Order { get; set; }
}

/// <summary>What a place offers people with disabilities and parents; null where the source does not say.</summary>
public sealed class AccessibilityFacts
{
    public bool? WheelchairAccess { get; set; }
    public bool? AccessibleToilet { get; set; }
    public bool? BabyChanging { get; set; }
    public bool? EmergencyBell { get; set; }
    public bool? Cctv { get; set; }
}

/// <summary>
/// A place citizens look for near them: a public toilet, a restaurant, a tourist spot, a WiFi zone.
/// Imported places keep their source and the source's id (a re-import updates them) and the
/// attribution the source's licence asks for; opening hours keep the source's words beside what
/// could be read from them.
/// </summary>
public sealed class Place
{
    public long Id { get; set; }
    public required string KindCode { get; set; }
    public required string NameKo { get; set; }
    public string? NameEn { get; set; }
    public string? DescriptionKo { get; set; }
    public string? DescriptionEn { get; set; }
    public string? RoadAddress { get; set; }
    public string? LotAddress { get; set; }
    public string? DistrictCode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }

    /// <summary>The source's own words ("24시간", "09:00~18:00", "정시(영업시작~종료)").</summary>
    public string? OpeningHoursText { get; set; }
    /// <summary>Open day and night, as read from the source.</summary>
    public bool AlwaysOpen { get; set; }
    /// <summary>Daily opening and closing, city time, when the source gives them (closing before opening: past midnight).</summary>
    public TimeOnly? OpensAt { get; set; }
    public TimeOnly? ClosesAt { get; set; }

    public AccessibilityFacts Accessibility { get; set; } = new();

    /// <summary>Where the entry came from ("seoul-smart-map"), null when staff entered it; with SourceId, unique.</summary>
    public string? Source { get; set; }
    public string? SourceId { get; set; }
    /// <summary>The credit the source's licence asks for, shown with the place.</summary>
    public string? Attribution { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Open at this city time: always, or between opening and closing (closing before opening runs past midnight); null when unknown.</summary>
    public static bool? IsOpenAt(bool alwaysOpen, TimeOnly? opensAt, TimeOnly? closesAt, TimeOnly now) =>
        alwaysOpen ? true
        : opensAt is not { } opens || closesAt is not { } closes ? null
        : opens <= closes ? now >= opens && now < closes : now >= opens || now < closes;

    public bool? IsOpenAt(TimeOnly now) => IsOpenAt(AlwaysOpen, OpensAt, ClosesAt, now);

    /// <summary><see cref="IsOpenAt(TimeOnly)"/> == true as a query the database runs, for lists that filter before they page.</summary>
    public static System.Linq.Expressions.Expression<Func<Place, bool>> OpenAt(TimeOnly now) => p => p.AlwaysOpen
        || (p.OpensAt != null && p.ClosesAt != null
            && ((p.OpensAt <= p.ClosesAt && p.OpensAt <= now && now < p.ClosesAt) || (p.OpensAt > p.ClosesAt && (p.OpensAt <= now || now < p.ClosesAt))));
}

internal sealed class PlaceKindConfiguration : IEntityTypeConfiguration<PlaceKind>
{
    public void Configure(EntityTypeBuilder<PlaceKind> e)
    {
        e.ToTable("place_kinds");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.NameKo).HasMaxLength(100);
        e.Property(x => x.NameEn).HasMaxLength(100);
    }
}

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> e)
    {
        e.ToTable("places");
        e.Property(x => x.KindCode).HasMaxLength(32);
        e.Property(x => x.NameKo).HasMaxLength(200);
        e.Property(x => x.NameEn).HasMaxLength(200);
        e.Property(x => x.DescriptionKo).HasMaxLength(2000);
        e.Property(x => x.DescriptionEn).HasMaxLength(2000);
        e.Property(x => x.RoadAddress).HasMaxLength(300);
        e.Property(x => x.LotAddress).HasMaxLength(300);
        e.Property(x => x.DistrictCode).HasMaxLength(32);
        e.Property(x => x.Phone).HasMaxLength(40);
        e.Property(x => x.Website).HasMaxLength(500);
        e.Property(x => x.OpeningHoursText).HasMaxLength(300);
        e.Property(x => x.Source).HasMaxLength(64);
        e.Property(x => x.SourceId).HasMaxLength(100);
        e.Property(x => x.Attribution).HasMaxLength(300);
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.OwnsOne(x => x.Accessibility, a =>
        {
            a.Property(f => f.WheelchairAccess).HasColumnName("WheelchairAccess");
            a.Property(f => f.AccessibleToilet).HasColumnName("AccessibleToilet");
            a.Property(f => f.BabyChanging).HasColumnName("BabyChanging");
            a.Property(f => f.EmergencyBell).HasColumnName("EmergencyBell");
            a.Property(f => f.Cctv).HasColumnName("Cctv");
        });
        e.HasIndex(x => new { x.Source, x.SourceId }).IsUnique();
        e.HasIndex(x => new { x.KindCode, x.DistrictCode });
        e.HasOne<PlaceKind>().WithMany().HasForeignKey(x => x.KindCode).OnDelete(DeleteBehavior.Restrict);
    }
}
