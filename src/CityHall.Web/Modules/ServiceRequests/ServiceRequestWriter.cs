using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>A case to write, with the language of the person who filed it (their receipt is composed in it).</summary>
public sealed record NewCase(ServiceRequest Request, string Culture);

/// <summary>
/// Writes new cases by group commit: a storm of reports (a flood, the first snow) costs one
/// transaction per batch instead of one each. Each case's receipt is written in the same
/// transaction, so a case is never kept without the message that tells its reporter (the outbox
/// rule). A batch that fails is written one case at a time; a case whose reference another case
/// already holds draws a new one (40 random bits make that rare, not impossible).
/// </summary>
public sealed class ServiceRequestWriter(IServiceScopeFactory scopes, ILogger<ServiceRequestWriter> logger)
    : GroupCommitWriter<NewCase>(scopes, logger)
{
    protected override async Task WriteAsync(IServiceProvider scope, AppDbContext db, IReadOnlyList<NewCase> batch, CancellationToken ct)
    {
        if (batch.Count == 1 && batch[0].Request.Reference is { } reference
            && await db.Set<ServiceRequest>().AnyAsync(r => r.Reference == reference, ct))
        {
            // Written alone after a failed batch: the likely fault is a reference already taken.
            batch[0].Request.Reference = PublicReference.Redraw(reference);
        }
        db.AddRange(batch.Select(c => c.Request));
        // Composed after the reference is final: the receipt names it.
        await scope.GetRequiredService<CaseNotifier>().ReceiptsAsync(batch, ct);
    }
}
