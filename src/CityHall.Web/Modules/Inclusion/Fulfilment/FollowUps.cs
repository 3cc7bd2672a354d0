using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Inclusion.Fulfilment;

/// <summary>Every hour: follow-up surveys that have come due, and reminders for loans due back soon.</summary>
public sealed class FollowUps(IServiceScopeFactory scopes, ILogger<FollowUps> logger) : PeriodicJob(logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (followUps, reminders) = await scope.ServiceProvider.GetRequiredService<FulfilmentDesk>().FollowUpAsync(ct);
        if (followUps + reminders > 0) logger.LogInformation("{FollowUps} follow-up(s) due, {Reminders} loan reminder(s) sent", followUps, reminders);
    }
}
