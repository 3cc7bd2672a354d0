using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>
/// Where a case stands. Open311 knows only open and closed (<see cref="ServiceRequestStates.IsClosed"/>);
/// the richer state goes to status_notes. Pending is a batch service's request not yet accepted.
/// </summary>
public enum RequestStatus { Pending = 0, Received = 1, Assigned = 2, InProgress = 3, Waiting = 4, Resolved = 5, Closed = 6, Duplicate = 7, Rejected = 8 }

/// <summary>How a report reached the city.</summary>
public enum RequestChannel { Web = 0, Open311 = 1 }

public static class ServiceRequestStates
{
    public static readonly RequestStatus[] Closed = [RequestStatus.Resolved, RequestStatus.Closed, RequestStatus.Duplicate, RequestStatus.Rejected];
    public static readonly RequestStatus[] Open = [RequestStatus.Received, RequestStatus.Assigned, RequestStatus.InProgress, RequestStatus.Waiting];

    public static bool IsClosed(RequestStatus status) => Array.IndexOf(Closed, status) >= 0;

    public static bool IsReporter(System.Security.Claims.ClaimsPrincipal user, string? reporterId) =>
        reporterId is not null && reporterId == user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    /// <summary>
    /// Who sees what a case says (description, place, photos, replies): everyone for a public case; for a
    /// private one its reporter and the officials who may handle it — the responsible department's, or
    /// administrators (staff permissions count only after a two-factor sign-in: <see cref="StaffTwoFactorClaims"/>).
    /// </summary>
    public static bool SeesContent(System.Security.Claims.ClaimsPrincipal user, bool isPublic, string? reporterId, string? departmentCode) =>
        isPublic || IsReporter(user, reporterId) || CaseWork.MayHandle(user, departmentCode);
}

/// <summary>
/// A citizen's complaint or service request: the service, where (a point, an address or both), the
/// answers to the service's questions, who reported it and how to reach them, and the case's
/// progress: the responsible department and handler, the status and the statutory deadline.
/// Times are UTC <see cref="DateTime"/>s (<see cref="UtcTimes"/>) so that both databases can filter and sort by them.
/// </summary>
public sealed class ServiceRequest
{
    public long Id { get; set; }
    /// <summary>The public reference (Open311 service_request_id), hard to guess so it can serve as a tracking code. Null while a batch request waits.</summary>
    public string? Reference { get; set; }
    /// <summary>A batch service's receipt, exchanged for the reference once the request is accepted (Open311 token).</summary>
    public string? Token { get; set; }
    public required string ServiceCode { get; set; }
    public RequestStatus Status { get; set; }
    public RequestChannel Channel { get; set; }
    /// <summary>Shown on the public map, list and Open311; private cases are seen only by their reporter and staff.</summary>
    public bool IsPublic { get; set; } = true;

    public string Description { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Address { get; set; }
    public string? AddressId { get; set; }
    public string? Zipcode { get; set; }
    public string? DistrictCode { get; set; }
    /// <summary>Answers to the service's attributes: one row per value (a multi-value list repeats the code).</summary>
    public List<RequestAttributeValue> Attributes { get; set; } = [];
    public string? MediaUrl { get; set; }
    /// <summary>What the case is about when another part of the site filed it (a place whose entry is wrong): its title and its page on this site.</summary>
    public string? SubjectTitle { get; set; }
    public string? SubjectPath { get; set; }

    /// <summary>The signed-in reporter, if any.</summary>
    public string? ReporterId { get; set; }
    /// <summary>The app's key (the developer portal's) the request came through over Open311: that app may read the request even when private.</summary>
    public long? ApiKeyId { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? DeviceId { get; set; }
    public string? AccountId { get; set; }

    public string? DepartmentCode { get; set; }
    public string? HandlerId { get; set; }
    /// <summary>What the city tells the public about the case (Open311 status_notes).</summary>
    public string? StatusNotes { get; set; }

    public DateTime RequestedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>The statutory deadline (Open311 expected_datetime); moved once when extended.</summary>
    public DateTime? DueAt { get; set; }
    public DateTime? ExtendedAt { get; set; }

    /// <summary>How the reporter chose to hear of progress, besides the tracking page and the app.</summary>
    public bool NotifyByEmail { get; set; }
    public bool NotifyBySms { get; set; }

    /// <summary>The reporter's rating of the answer (1–5) after closing, with an optional comment.</summary>
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    /// <summary>"This is not solved": allowed once, with the reason.</summary>
    public DateTime? ReopenedAt { get; set; }
    public string? ReopenReason { get; set; }
    /// <summary>For a duplicate: the case it repeats (its followers are told there).</summary>
    public long? DuplicateOfId { get; set; }

    public List<ServiceRequestPhoto> Photos { get; set; } = [];
    public List<ServiceRequestEvent> Events { get; set; } = [];
}

/// <summary>A photo of the problem as the city re-encoded it (no location metadata); served only as the case is visible.</summary>
public sealed class ServiceRequestPhoto
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    /// <summary>1 to 3, in the order the reporter gave them.</summary>
    public int Position { get; set; }
    public required byte[] Bytes { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required string Hash { get; set; }
}

/// <summary>Someone who said "this is mine too": told of the case's progress as its reporter is.</summary>
public sealed class ServiceRequestFollower
{
    public long RequestId { get; set; }
    public required string UserId { get; set; }
    public DateTime FollowedAt { get; set; }
}

/// <summary>What happened to a case, for its history: status changes, replies, internal notes (never shown to the citizen), extensions, transfers.</summary>
public enum CaseEventKind { Received = 0, Status = 1, Assigned = 2, Reply = 3, Note = 4, Extended = 5, Transferred = 6, Duplicate = 7, Reopened = 8, Rated = 9 }

public sealed class ServiceRequestEvent
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public CaseEventKind Kind { get; set; }
    /// <summary>The status after the event.</summary>
    public RequestStatus Status { get; set; }
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    /// <summary>Shown in the history: a department's name for staff actions towards citizens, the person's own name internally.</summary>
    public string? ActorName { get; set; }
    public string? Text { get; set; }
    /// <summary>Staff-only: internal notes and who handled it.</summary>
    public bool Internal { get; set; }
}

/// <summary>One answer to a service attribute; list values are the option keys.</summary>
public sealed class RequestAttributeValue
{
    public required string Code { get; set; }
    public required string Value { get; set; }
}

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> e)
    {
        e.ToTable("service_requests");
        e.Property(x => x.Reference).HasMaxLength(16);
        e.Property(x => x.Token).HasMaxLength(36);
        e.HasIndex(x => x.Reference).IsUnique();
        e.HasIndex(x => x.Token).IsUnique();
        e.Property(x => x.ServiceCode).HasMaxLength(32);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.Address).HasMaxLength(250);
        e.Property(x => x.AddressId).HasMaxLength(100);
        e.Property(x => x.Zipcode).HasMaxLength(20);
        e.Property(x => x.DistrictCode).HasMaxLength(32);
        e.Property(x => x.MediaUrl).HasMaxLength(500);
        e.Property(x => x.SubjectTitle).HasMaxLength(300);
        e.Property(x => x.SubjectPath).HasMaxLength(300);
        e.Property(x => x.ReporterId).HasMaxLength(450);
        e.Property(x => x.Email).HasMaxLength(256);
        e.Property(x => x.Phone).HasMaxLength(32);
        e.Property(x => x.FirstName).HasMaxLength(100);
        e.Property(x => x.LastName).HasMaxLength(100);
        e.Property(x => x.DeviceId).HasMaxLength(100);
        e.Property(x => x.AccountId).HasMaxLength(100);
        e.Property(x => x.DepartmentCode).HasMaxLength(32);
        e.Property(x => x.HandlerId).HasMaxLength(450);
        e.Property(x => x.StatusNotes).HasMaxLength(1000);
        e.Property(x => x.RequestedAt).IsUtcTime();
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.Property(x => x.ClosedAt).IsUtcTime();
        e.Property(x => x.DueAt).IsUtcTime();
        e.Property(x => x.ExtendedAt).IsUtcTime();
        // Open311's list reads newest first within a date range; the queue reads by department and status.
        e.HasIndex(x => x.RequestedAt);
        e.HasIndex(x => new { x.DepartmentCode, x.Status });
        e.HasIndex(x => new { x.ServiceCode, x.Status });
        e.HasIndex(x => x.ReporterId);
        // "Open reports of the same service within 50 m": a latitude band per service, then the exact distance.
        e.HasIndex(x => new { x.ServiceCode, x.Latitude });
        e.Property(x => x.RatingComment).HasMaxLength(1000);
        e.Property(x => x.ReopenReason).HasMaxLength(1000);
        e.Property(x => x.ReopenedAt).IsUtcTime();
        e.OwnsMany(x => x.Attributes, a => a.ToJson());
        e.HasMany(x => x.Photos).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Events).WithOne().HasForeignKey(v => v.RequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ServiceDefinition>().WithMany().HasForeignKey(x => x.ServiceCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceRequestPhotoConfiguration : IEntityTypeConfiguration<ServiceRequestPhoto>
{
    public void Configure(EntityTypeBuilder<ServiceRequestPhoto> e)
    {
        e.ToTable("service_request_photos");
        e.HasIndex(x => new { x.RequestId, x.Position }).IsUnique();
        e.Property(x => x.Hash).HasMaxLength(64);
    }
}

internal sealed class ServiceRequestFollowerConfiguration : IEntityTypeConfiguration<ServiceRequestFollower>
{
    public void Configure(EntityTypeBuilder<ServiceRequestFollower> e)
    {
        e.ToTable("service_request_followers");
        e.HasKey(x => new { x.RequestId, x.UserId });
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.FollowedAt).IsUtcTime();
        e.HasIndex(x => x.UserId);
        e.HasOne<ServiceRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceRequestEventConfiguration : IEntityTypeConfiguration<ServiceRequestEvent>
{
    public void Configure(EntityTypeBuilder<ServiceRequestEvent> e)
    {
        e.ToTable("service_request_events");
        e.HasIndex(x => x.RequestId);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.At).IsUtcTime();
        e.Property(x => x.ActorId).HasMaxLength(450);
        e.Property(x => x.ActorName).HasMaxLength(200);
        e.Property(x => x.Text).HasMaxLength(4000);
    }
}
