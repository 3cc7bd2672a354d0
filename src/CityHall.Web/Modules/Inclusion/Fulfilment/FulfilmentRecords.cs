using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Programmes;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Inclusion.Fulfilment;

/// <summary>
/// A class of a programme (seniors' smartphone classes): a level, a site, its sessions, a capacity
/// with an instructor and a supporter, and a completion rule (attend at least this many sessions).
/// <see cref="Booked"/> is only ever raised by a conditional update, so seats are never over-allocated.
/// </summary>
public sealed class ClassCourse
{
    public long Id { get; set; }
    public long ProgrammeId { get; set; }
    public required string TitleKo { get; set; }
    public required string TitleEn { get; set; }
    public required string Site { get; set; }
    public int Capacity { get; set; }
    public int Booked { get; set; }
    public required string Instructor { get; set; }
    public required string Supporter { get; set; }
    public int CompletionSessions { get; set; }
    public List<ClassSession> Sessions { get; set; } = [];
}

public sealed class ClassSession
{
    public long Id { get; set; }
    public long ClassId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
}

/// <summary>An application's seat in a class: one per application.</summary>
public sealed class ClassSeat
{
    public long Id { get; set; }
    public long ClassId { get; set; }
    public long ApplicationId { get; set; }
    public DateTime BookedAt { get; set; }
}

/// <summary>Whether a seat-holder came to a session, as the instructor or supporter recorded it.</summary>
public sealed class Attendance
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public long ApplicationId { get; set; }
    public bool Present { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>How an appointment happens: a visit to the applicant's home, remote help, or at a centre.</summary>
public enum AppointmentMode { Visit, Remote, AtCentre }

/// <summary>A time staff can serve (a technician's visit, a counsellor's hour) with room for <see cref="Capacity"/> appointments.</summary>
public sealed class AppointmentSlot
{
    public long Id { get; set; }
    public long ProgrammeId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public int Capacity { get; set; }
    public int Booked { get; set; }
    public required string Staffer { get; set; }
    /// <summary>The ways this slot can be used (a technician's slot: visit or remote; a counselling centre's: at the centre or remote).</summary>
    public List<AppointmentMode> Modes { get; set; } = [];
}

public sealed class Appointment
{
    public long Id { get; set; }
    public long SlotId { get; set; }
    public long ApplicationId { get; set; }
    public AppointmentMode Mode { get; set; }
    public DateTime BookedAt { get; set; }
}

/// <summary>
/// What was given, as staff recorded it: a delivery (supplier, item and serial, installed, trained,
/// who signed the receipt), a loan (deposit, due date, return and condition), a licence (code and
/// period), or a visit; then the applicant's follow-up survey.
/// </summary>
public sealed class FulfilmentRecord
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public FulfilmentKind Kind { get; set; }
    public string? Supplier { get; set; }
    public string? Item { get; set; }
    public string? SerialNumber { get; set; }
    public bool Installed { get; set; }
    public bool Trained { get; set; }
    public string? ReceiptSignedBy { get; set; }
    public int? Deposit { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime? ReturnedAt { get; set; }
    /// <summary>When the borrower was reminded that the loan is due back (once).</summary>
    public DateTime? ReminderSentAt { get; set; }
    public string? ReturnCondition { get; set; }
    public string? LicenceCode { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? Notes { get; set; }
    public DateTime FulfilledAt { get; set; }
    public required string RecordedBy { get; set; }
    public int? SurveyScore { get; set; }
    public string? SurveyComment { get; set; }
    public DateTime? SurveyAt { get; set; }
}

internal sealed class FulfilmentConfiguration : IEntityTypeConfiguration<ClassCourse>, IEntityTypeConfiguration<ClassSession>, IEntityTypeConfiguration<ClassSeat>,
    IEntityTypeConfiguration<Attendance>, IEntityTypeConfiguration<AppointmentSlot>, IEntityTypeConfiguration<Appointment>, IEntityTypeConfiguration<FulfilmentRecord>
{
    public void Configure(EntityTypeBuilder<ClassCourse> e)
    {
        e.ToTable("inclusion_classes");
        e.HasOne<InclusionProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Sessions).WithOne().HasForeignKey(s => s.ClassId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.TitleKo).HasMaxLength(200);
        e.Property(x => x.TitleEn).HasMaxLength(200);
        e.Property(x => x.Site).HasMaxLength(300);
        e.Property(x => x.Instructor).HasMaxLength(100);
        e.Property(x => x.Supporter).HasMaxLength(100);
        e.HasIndex(x => x.ProgrammeId);
    }

    public void Configure(EntityTypeBuilder<ClassSession> e)
    {
        e.ToTable("inclusion_class_sessions");
        e.Property(x => x.StartsAt).IsUtcTime();
        e.Property(x => x.EndsAt).IsUtcTime();
    }

    public void Configure(EntityTypeBuilder<ClassSeat> e)
    {
        e.ToTable("inclusion_class_seats");
        e.HasOne<ClassCourse>().WithMany().HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<InclusionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ApplicationId).IsUnique();
        e.HasIndex(x => x.ClassId);
        e.Property(x => x.BookedAt).IsUtcTime();
    }

    public void Configure(EntityTypeBuilder<Attendance> e)
    {
        e.ToTable("inclusion_attendance");
        e.HasOne<ClassSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<InclusionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SessionId, x.ApplicationId }).IsUnique();
        e.Property(x => x.RecordedBy).HasMaxLength(450);
    }

    public void Configure(EntityTypeBuilder<AppointmentSlot> e)
    {
        e.ToTable("inclusion_appointment_slots");
        e.HasOne<InclusionProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProgrammeId, x.StartsAt });
        e.Property(x => x.StartsAt).IsUtcTime();
        e.Property(x => x.EndsAt).IsUtcTime();
        e.Property(x => x.Staffer).HasMaxLength(100);
        e.Property(x => x.Modes).HasJsonConversion();
    }

    public void Configure(EntityTypeBuilder<Appointment> e)
    {
        e.ToTable("inclusion_appointments");
        e.HasOne<AppointmentSlot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<InclusionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ApplicationId).IsUnique();
        e.HasIndex(x => x.SlotId);
        e.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.BookedAt).IsUtcTime();
    }

    public void Configure(EntityTypeBuilder<FulfilmentRecord> e)
    {
        e.ToTable("inclusion_fulfilments");
        e.HasOne<InclusionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ApplicationId).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        foreach (var p in new[] { nameof(FulfilmentRecord.Supplier), nameof(FulfilmentRecord.Item), nameof(FulfilmentRecord.SerialNumber),
            nameof(FulfilmentRecord.ReceiptSignedBy), nameof(FulfilmentRecord.ReturnCondition), nameof(FulfilmentRecord.LicenceCode) })
            e.Property(p).HasMaxLength(200);
        e.Property(x => x.Notes).HasMaxLength(1000);
        e.Property(x => x.SurveyComment).HasMaxLength(1000);
        e.Property(x => x.DueAt).IsUtcTime();
        e.Property(x => x.ReturnedAt).IsUtcTime();
        e.Property(x => x.ReminderSentAt).IsUtcTime();
        e.Property(x => x.FulfilledAt).IsUtcTime();
        e.Property(x => x.SurveyAt).IsUtcTime();
        e.Property(x => x.RecordedBy).HasMaxLength(450);
    }
}
