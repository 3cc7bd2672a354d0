using CityHall.Web.Platform.Notifications;

namespace CityHall.Web.Modules.Inclusion.Applications;

/// <summary>
/// Tells applicants the turns that need them or end their hopes — more information needed, not
/// eligible, on the waiting list, offered a place, lapsed, cancelled — in their own language:
/// account holders through the channels they chose, assisted applicants without an account by text
/// to the phone staff wrote down. Messages are saved with the change they report.
/// </summary>
public sealed class ApplicantNotices(Notifier notifier, IStringLocalizer<Text> t)
{
    private static readonly HashSet<ApplicationState> Told =
    [
        ApplicationState.NeedsInformation, ApplicationState.Ineligible, ApplicationState.Waitlisted, ApplicationState.Offered,
        ApplicationState.Lapsed, ApplicationState.Cancelled, ApplicationState.FollowUpDue,
    ];

    public Task TellAsync(InclusionApplication a, ApplicationState state, string? reason, CancellationToken ct) =>
        Told.Contains(state) ? SendAsync(a, $"Inclusion.Notice.{state}", reason, ct) : Task.CompletedTask;

    /// <summary>A message that is not a change of state (a loan due back soon), by its resource key.</summary>
    public Task RemindAsync(InclusionApplication a, string messageKey, CancellationToken ct) => SendAsync(a, messageKey, null, ct);

    private async Task SendAsync(InclusionApplication a, string messageKey, string? reason, CancellationToken ct)
    {
        var link = $"/inclusion/applications/{a.Reference}";
        (string Title, string Body) Compose() => (t["Inclusion.Notice.Title", a.Reference].Value,
            t[messageKey].Value + (string.IsNullOrWhiteSpace(reason) ? "" : "\n" + reason) + "\n" + t["Inclusion.Notice.Link", link].Value);
        if (a.ApplicantUserId is { } userId) await notifier.ToUserAsync(userId, Compose, link, ct);
        else if (!string.IsNullOrEmpty(a.ApplicantPhone))
        {
            var message = Compose();
            notifier.Sms(a.ApplicantPhone, message.Title + " " + t[messageKey].Value);
        }
    }
}
