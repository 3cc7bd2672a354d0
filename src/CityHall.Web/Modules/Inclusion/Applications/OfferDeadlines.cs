using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Inclusion.Applications;

/// <summary>Every minute: offers (and co-payments) past their deadline lapse, and each freed place is offered to the next on the waiting list.</summary>
public sealed class OfferDeadlines(IServiceScopeFactory scopes, ILogger<OfferDeadlines> logger) : PeriodicJob(logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lapsed = await scope.ServiceProvider.GetRequiredService<ApplicationIntake>().LapseOverdueOffersAsync(ct);
        if (lapsed > 0) logger.LogInformation("{Count} offer(s) lapsed; their places were offered to the waiting lists", lapsed);
    }
}
