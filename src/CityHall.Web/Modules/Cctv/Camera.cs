using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Cctv;

/// <summary>
/// Why a camera is there. The codes are the ones mappings, settings and the open data use; Korea's national CCTV
/// standard data names more purposes (생활방범, 차량방범, 교통단속, 교통정보수집, 어린이보호, 재난재해, 시설물관리,
/// 쓰레기단속, 기타), which the shipped mapping folds into these.
/// </summary>
public enum CameraPurpose { CrimePrevention, Traffic, Disaster, ChildrenSafety, Parks, Facilities, Other }

/// <summary>
/// Whether a camera is heard from: not reporting (no recorder sends for it, or none has yet), online (heard within its
/// recorder's interval and the grace), offline (silent longer: an outage is open).
/// </summary>
public enum CameraHealth { NotReporting, Online, Offline }

/// <summary>
/// A camera site of the city's registry: where it is and looks, why, whose it is, how long it keeps what it records and
/// whom to ask — what the law asks a notice to tell (Korea's Personal Information Protection Act, article 25) — and,
/// when a recorder reports for it, whether it is heard from. A site may hold several cameras (<see cref="Count"/>), as
/// the national standard data counts them. No video is handled anywhere.
/// </summary>
public sealed class Camera
{
    public const int AddressMax = 300, NoticeMax = 2000, ContactMax = 100, OperatorMax = 200, ViewTextMax = 200;

    public int Id { get; set; }
    /// <summary>The city's id of the camera, the one its recorder reports ("CAM-7K3M9Q2X"): unique.</summary>
    public required string Code { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string? DistrictCode { get; set; }
    public string? Address { get; set; }
    public string? LotAddress { get; set; }
    public CameraPurpose Purpose { get; set; }
    /// <summary>The department that answers for it: edits it, manages its recorder's key, hears of its outages.</summary>
    public required string DepartmentCode { get; set; }
    /// <summary>The body that runs it as the source names it ("서울특별시 종로구청"), shown on the notice.</summary>
    public string? OperatorName { get; set; }
    /// <summary>The operator's contact for the public (a phone number), shown on the notice.</summary>
    public string? OperatorContact { get; set; }
    public int Count { get; set; } = 1;
    public DateOnly? InstalledOn { get; set; }
    /// <summary>Where it looks, in degrees clockwise from north; null when unknown (or all around: see <see cref="ViewAngle"/>).</summary>
    public int? ViewDirection { get; set; }
    /// <summary>How wide it sees, 1–360 degrees; 360 for a dome that turns all around; null when unknown.</summary>
    public int? ViewAngle { get; set; }
    /// <summary>The source's own words about the view ("360도 전방면"), kept as they were.</summary>
    public string? ViewText { get; set; }
    public int? RetentionDays { get; set; }
    /// <summary>The notice's own words, when the department wrote some; else the standard notice is composed from the facts.</summary>
    public string? Notice { get; set; }
    public DateOnly? RemovedOn { get; set; }

    /// <summary>The recorder that reports for it; null when none does (then it is never "offline").</summary>
    public int? RecorderId { get; set; }
    public CameraHealth Health { get; set; }
    public DateTime? LastSeenAt { get; set; }
    /// <summary>When it will count as silent unless heard from again: the last heartbeat plus its recorder's interval and the grace.</summary>
    public DateTime? SilentAfter { get; set; }
    /// <summary>While offline: the first heartbeat heard again, which ends the outage at the next sweep.</summary>
    public DateTime? BackAt { get; set; }

    public string? Source { get; set; }
    public string? SourceId { get; set; }
    public string? Attribution { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool InService => RemovedOn is null;
}

/// <summary>
/// A recorder (an NVR, or a camera that reports for itself) that sends heartbeats for its cameras with its own key:
/// every body it sends is signed with HMAC-SHA256. The key is shown once when issued; stored encrypted (Data Protection),
/// so a copy of the database gives no one the power to report for cameras. A rotated key keeps working for the overlap
/// so the device can be reconfigured without an outage.
/// </summary>
public sealed class CameraRecorder
{
    public const int NameMax = 200;

    public int Id { get; set; }
    /// <summary>What the device sends as <c>X-Cctv-Recorder</c> ("NVR-JONGNO-01"): unique.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string DepartmentCode { get; set; }
    /// <summary>How often it sends, in seconds; its cameras are silent once this and the grace have passed.</summary>
    public int IntervalSeconds { get; set; }
    public string? KeyProtected { get; set; }
    public DateTime? KeyIssuedAt { get; set; }
    public string? PreviousKeyProtected { get; set; }
    public DateTime? PreviousKeyUntil { get; set; }
    /// <summary>The time of the last batch taken (the device's "sentAt"): a batch not newer is a replay and is refused.</summary>
    public DateTime? LastBatchAt { get; set; }
    public bool Retired { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A camera's silence: from its last heartbeat until it was heard again; the department is told once, when it is found.</summary>
public sealed class CameraOutage
{
    public long Id { get; set; }
    public int CameraId { get; set; }
    /// <summary>The last heartbeat before the silence.</summary>
    public DateTime StartedAt { get; set; }
    public DateTime DetectedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public required string DepartmentCode { get; set; }
}

internal sealed class CameraConfiguration : IEntityTypeConfiguration<Camera>
{
    public void Configure(EntityTypeBuilder<Camera> e)
    {
        e.ToTable("cctv_cameras");
        e.Property(x => x.Code).HasMaxLength(40);
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.DistrictCode).HasMaxLength(32);
        e.Property(x => x.Address).HasMaxLength(Camera.AddressMax);
        e.Property(x => x.LotAddress).HasMaxLength(Camera.AddressMax);
        e.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.DepartmentCode).HasMaxLength(32);
        e.Property(x => x.OperatorName).HasMaxLength(Camera.OperatorMax);
        e.Property(x => x.OperatorContact).HasMaxLength(Camera.ContactMax);
        e.Property(x => x.ViewText).HasMaxLength(Camera.ViewTextMax);
        e.Property(x => x.Notice).HasMaxLength(Camera.NoticeMax);
        e.Property(x => x.Health).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.LastSeenAt).IsUtcTime();
        e.Property(x => x.SilentAfter).IsUtcTime();
        e.Property(x => x.BackAt).IsUtcTime();
        e.Property(x => x.Source).HasMaxLength(64);
        e.Property(x => x.SourceId).HasMaxLength(100);
        e.Property(x => x.Attribution).HasMaxLength(300);
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.HasIndex(x => new { x.Source, x.SourceId }).IsUnique();
        // The sweep: cameras heard from that fell silent, and offline ones heard again.
        e.HasIndex(x => new { x.Health, x.SilentAfter });
        // A recorder's batch: its cameras by code.
        e.HasIndex(x => new { x.RecorderId, x.Code });
        e.HasIndex(x => new { x.DistrictCode, x.Purpose });
        e.HasOne<CameraRecorder>().WithMany().HasForeignKey(x => x.RecorderId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CameraRecorderConfiguration : IEntityTypeConfiguration<CameraRecorder>
{
    public void Configure(EntityTypeBuilder<CameraRecorder> e)
    {
        e.ToTable("cctv_recorders");
        e.Property(x => x.Code).HasMaxLength(40);
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Name).HasMaxLength(CameraRecorder.NameMax);
        e.Property(x => x.DepartmentCode).HasMaxLength(32);
        e.Property(x => x.KeyProtected).HasMaxLength(1000);
        e.Property(x => x.PreviousKeyProtected).HasMaxLength(1000);
        e.Property(x => x.KeyIssuedAt).IsUtcTime();
        e.Property(x => x.PreviousKeyUntil).IsUtcTime();
        e.Property(x => x.LastBatchAt).IsUtcTime();
        e.Property(x => x.UpdatedAt).IsUtcTime();
    }
}

internal sealed class CameraOutageConfiguration : IEntityTypeConfiguration<CameraOutage>
{
    public void Configure(EntityTypeBuilder<CameraOutage> e)
    {
        e.ToTable("cctv_outages");
        e.Property(x => x.StartedAt).IsUtcTime();
        e.Property(x => x.DetectedAt).IsUtcTime();
        e.Property(x => x.EndedAt).IsUtcTime();
        e.Property(x => x.DepartmentCode).HasMaxLength(32);
        e.HasIndex(x => new { x.CameraId, x.EndedAt });
        e.HasIndex(x => new { x.DepartmentCode, x.DetectedAt });
        e.HasOne<Camera>().WithMany().HasForeignKey(x => x.CameraId).OnDelete(DeleteBehavior.Cascade);
    }
}
