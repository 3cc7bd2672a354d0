using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Platform.Notifications;

public enum NotificationChannel { Email = 1, Sms = 2 }

/// <summary>
/// A message waiting to leave the system. It is written in the same transaction as the change it
/// reports, then sent by <see cref="OutboxDispatcher"/> with retries, so a crash loses nothing.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public NotificationChannel Channel { get; set; }
    public string Recipient { get; set; } = "";
    public string? Subject { get; set; }
    public string Body { get; set; } = "";
    public string? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Unix milliseconds: an integer, so both SQLite and PostgreSQL can compare it in SQL.</summary>
    public long NextAttemptAtMs { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public bool GaveUp { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A notification shown on the user's notifications page.</summary>
public sealed class InAppNotification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("notify_outbox");
        e.Property(x => x.Recipient).HasMaxLength(320);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.HasIndex(x => new { x.SentAt, x.GaveUp, x.NextAttemptAtMs });
    }
}

internal sealed class InAppNotificationConfiguration : IEntityTypeConfiguration<InAppNotification>
{
    public void Configure(EntityTypeBuilder<InAppNotification> e)
    {
        e.ToTable("notify_in_app");
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Link).HasMaxLength(500);
        e.HasIndex(x => new { x.UserId, x.Id });
    }
}
