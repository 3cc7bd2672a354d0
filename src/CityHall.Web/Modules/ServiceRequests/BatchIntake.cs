using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>
/// The back office's batch run for services configured as Open311 "batch": every half minute the
/// waiting requests are accepted into their departments' queues, and their tokens start returning
/// references.
/// </summary>
public sealed class BatchIntake(IServiceScopeFactory scopes, ILogger<BatchIntake> logger) : PeriodicJob(logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(30);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ServiceRequestIntake>();
        while (await intake.AcceptPendingAsync(500, ct) == 500) { }
    }
}
