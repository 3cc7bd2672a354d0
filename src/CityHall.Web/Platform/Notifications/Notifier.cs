namespace CityHall.Web.Platform.Notifications;

/// <summary>
/// What modules call to tell someone something. It only adds rows to the context: they are saved
/// with the caller's own change and delivered later by the dispatcher.
/// </summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock)
{
    public void Email(string to, string subject, string body, string? userId = null) =>
        Enqueue(NotificationChannel.Email, to, subject, body, userId);

    public void Sms(string phoneNumber, string body, string? userId = null) =>
        Enqueue(NotificationChannel.Sms, phoneNumber, null, body, userId);

    public void InApp(string userId, string title, string body, string? link = null) =>
        db.Add(new InAppNotification { UserId = userId, Title = title, Body = body, Link = link, CreatedAt = clock.GetUtcNow() });

    private void Enqueue(NotificationChannel channel, string recipient, string? subject, string body, string? userId)
    {
        var now = clock.GetUtcNow();
        db.Add(new OutboxMessage
        {
            Channel = channel, Recipient = recipient, Subject = subject, Body = body, UserId = userId,
            CreatedAt = now, NextAttemptAtMs = now.ToUnixTimeMilliseconds(),
        });
    }
}
