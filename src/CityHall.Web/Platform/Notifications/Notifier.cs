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

    /// <summary>
    /// Tells an account holder through the channels they chose: always in the app, by e-mail and by
    /// text when they asked for them. The message is composed in their own language.
    /// </summary>
    public async Task ToUserAsync(string userId, Func<(string Title, string Body)> compose, string? link = null, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.EmailConfirmed, u.NotifyByEmail, u.NotifyBySms, u.PhoneNumber, u.PreferredCulture })
            .FirstOrDefaultAsync(ct);
        if (user is null) return;
        var current = System.Globalization.CultureInfo.CurrentUICulture;
        (string Title, string Body) message;
        try
        {
            if (!string.IsNullOrEmpty(user.PreferredCulture))
                System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(user.PreferredCulture);
            message = compose();
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = current; }
        InApp(userId, message.Title, message.Body, link);
        if (user.NotifyByEmail && user.EmailConfirmed && user.Email is not null) Email(user.Email, message.Title, message.Body, userId);
        if (user.NotifyBySms && !string.IsNullOrEmpty(user.PhoneNumber)) Sms(user.PhoneNumber, message.Title, userId);
    }

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
