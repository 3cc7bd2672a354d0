using CityHall.Web.Platform.Notifications;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>
/// Tells the people behind a case what happened to it, in their own language. Messages are only
/// added to the context: they are saved with the change they report, and sent by the outbox.
/// </summary>
public sealed class CaseNotifier(AppDbContext db, Notifier notifier, IStringLocalizer<Text> t)
{
    /// <summary>The reporter (in the app, and by the e-mail or text they chose; an Open311 reporter by the e-mail they gave) and every follower.</summary>
    public async Task TellAsync(ServiceRequest c, string messageKey, CancellationToken ct, string? detail = null)
    {
        var link = $"/reports/{c.Reference ?? c.Token}";
        (string Title, string Body) Compose() =>
            (t["Reports.CaseWork.Message.Title", c.Reference ?? c.Token ?? ""].Value, t[messageKey, detail ?? ""].Value + "\n" + t["Reports.CaseWork.Message.Link", link].Value);
        if (c.ReporterId is { } reporter)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == reporter)
                .Select(u => new { u.Email, u.EmailConfirmed, u.PhoneNumber, u.PreferredCulture }).FirstOrDefaultAsync(ct);
            if (user is not null)
            {
                var message = Notifier.ComposeIn(user.PreferredCulture, Compose);
                notifier.InApp(reporter, message.Title, message.Body, link);
                if (c.NotifyByEmail && user.EmailConfirmed && user.Email is not null) notifier.Email(user.Email, message.Title, message.Body, reporter);
                if (c.NotifyBySms && !string.IsNullOrEmpty(user.PhoneNumber)) notifier.Sms(user.PhoneNumber, message.Title, reporter);
            }
        }
        else if (c.Email is { } email)
        {
            var message = Compose();
            notifier.Email(email, message.Title, message.Body);
        }
        var followers = await db.Set<ServiceRequestFollower>().AsNoTracking().Where(f => f.RequestId == c.Id).Select(f => f.UserId).ToListAsync(ct);
        if (followers.Count > 0) await notifier.ToUsersAsync(followers, Compose, link, ct);
    }
}
