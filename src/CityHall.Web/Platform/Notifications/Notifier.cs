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
    public Task ToUserAsync(string userId, Func<(string Title, string Body)> compose, string? link = null, CancellationToken ct = default) =>
        ToUsersAsync([userId], compose, link, ct);

    /// <summary>
    /// The same for many people (a proposal's signers): their accounts are read a thousand at a time,
    /// and the message is composed once per language, not once per person.
    /// </summary>
    public async Task ToUsersAsync(IReadOnlyCollection<string> userIds, Func<(string Title, string Body)> compose, string? link = null,
        CancellationToken ct = default)
    {
        var composed = new Dictionary<string, (string Title, string Body)>();
        foreach (var chunk in userIds.Distinct().Chunk(1000))
        {
            var users = await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.NotifyByEmail, u.NotifyBySms, u.PhoneNumber, u.PreferredCulture })
                .ToListAsync(ct);
            foreach (var user in users)
            {
                var culture = user.PreferredCulture ?? "";
                if (!composed.TryGetValue(culture, out var message)) composed[culture] = message = ComposeIn(culture, compose);
                InApp(user.Id, message.Title, message.Body, link);
                if (user.NotifyByEmail && user.EmailConfirmed && user.Email is not null) Email(user.Email, message.Title, message.Body, user.Id);
                if (user.NotifyBySms && !string.IsNullOrEmpty(user.PhoneNumber)) Sms(user.PhoneNumber, message.Title, user.Id);
            }
        }
    }

    /// <summary>
    /// Composes a message in the given culture ("" or null: the current one): resources are read in that
    /// language, and dates and numbers are written as its readers write them.
    /// </summary>
    public static (string Title, string Body) ComposeIn(string? culture, Func<(string Title, string Body)> compose) =>
        string.IsNullOrEmpty(culture) ? compose() : Localization.InCulture.Run(System.Globalization.CultureInfo.GetCultureInfo(culture), compose);

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
