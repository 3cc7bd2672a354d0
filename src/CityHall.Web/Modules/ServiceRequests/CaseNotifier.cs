using CityHall.Web.Platform.Notifications;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>
/// Tells the people behind a case what happened to it, in their own language. Messages are only
/// added to the context: they are saved with the change they report, and sent by the outbox.
/// </summary>
public sealed class CaseNotifier(AppDbContext db, Notifier notifier, Platform.City.CityClock cityClock, IStringLocalizer<Text> t)
{
    /// <summary>
    /// The receipts of new cases — the first of the messages a reporter hears at every stage — added to
    /// the context that writes the cases, so they are committed with them. The reporters' accounts are
    /// read in one query for the batch; a new case has no followers yet.
    /// </summary>
    public async Task ReceiptsAsync(IReadOnlyList<NewCase> cases, CancellationToken ct)
    {
        var reporterIds = cases.Select(c => c.Request.ReporterId).OfType<string>().Distinct().ToList();
        var reporters = reporterIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => reporterIds.Contains(u.Id))
            .Select(u => new Reporter(u.Id, u.Email, u.EmailConfirmed, u.PhoneNumber, u.PreferredCulture)).ToDictionaryAsync(u => u.Id, ct);
        foreach (var (c, culture) in cases)
        {
            (string Title, string Body) Compose() => Message(c, "Reports.CaseWork.Message.Received", c.DueAt is { } due ? cityClock.Format(due) : "–");
            if (c.ReporterId is { } reporter)
            {
                if (reporters.TryGetValue(reporter, out var user)) TellReporter(c, user, Compose, culture);
            }
            else if (c.Email is { } email)
            {
                var message = Notifier.ComposeIn(culture, Compose);
                notifier.Email(email, message.Title, message.Body);
            }
        }
    }

    /// <summary>The reporter (in the app, and by the e-mail or text they chose; an Open311 reporter by the e-mail they gave) and every follower.</summary>
    public async Task TellAsync(ServiceRequest c, string messageKey, CancellationToken ct, string? detail = null)
    {
        (string Title, string Body) Compose() => Message(c, messageKey, detail);
        if (c.ReporterId is { } reporter)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == reporter)
                .Select(u => new Reporter(u.Id, u.Email, u.EmailConfirmed, u.PhoneNumber, u.PreferredCulture)).FirstOrDefaultAsync(ct);
            if (user is not null) TellReporter(c, user, Compose, culture: null);
        }
        else if (c.Email is { } email)
        {
            var message = Compose();
            notifier.Email(email, message.Title, message.Body);
        }
        var followers = await db.Set<ServiceRequestFollower>().AsNoTracking().Where(f => f.RequestId == c.Id).Select(f => f.UserId).ToListAsync(ct);
        if (followers.Count > 0) await notifier.ToUsersAsync(followers, Compose, Link(c), ct);
    }

    private sealed record Reporter(string Id, string? Email, bool EmailConfirmed, string? PhoneNumber, string? PreferredCulture);

    private static string Link(ServiceRequest c) => $"/reports/{c.Reference ?? c.Token}";

    private (string Title, string Body) Message(ServiceRequest c, string messageKey, string? detail) =>
        (t["Reports.CaseWork.Message.Title", c.Reference ?? c.Token ?? ""].Value, t[messageKey, detail ?? ""].Value + "\n" + t["Reports.CaseWork.Message.Link", Link(c)].Value);

    /// <summary>In the app, and by the e-mail or text the reporter chose for this case; in their language, else <paramref name="culture"/>, else the current one.</summary>
    private void TellReporter(ServiceRequest c, Reporter user, Func<(string Title, string Body)> compose, string? culture)
    {
        var message = Notifier.ComposeIn(user.PreferredCulture ?? culture, compose);
        notifier.InApp(user.Id, message.Title, message.Body, Link(c));
        if (c.NotifyByEmail && user.EmailConfirmed && user.Email is not null) notifier.Email(user.Email, message.Title, message.Body, user.Id);
        if (c.NotifyBySms && !string.IsNullOrEmpty(user.PhoneNumber)) notifier.Sms(user.PhoneNumber, message.Title, user.Id);
    }
}
