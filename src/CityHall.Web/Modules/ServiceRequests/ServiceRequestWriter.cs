using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>
/// Writes new cases by group commit: a storm of reports (a flood, the first snow) costs one
/// transaction per batch instead of one each. A batch that fails is written one case at a time;
/// a case whose reference another case already holds draws a new one (40 random bits make that
/// rare, not impossible).
/// </summary>
public sealed class ServiceRequestWriter(IServiceScopeFactory scopes, ILogger<ServiceRequestWriter> logger)
    : GroupCommitWriter<ServiceRequest>(scopes, logger)
{
    protected override async Task WriteAsync(AppDbContext db, IReadOnlyList<ServiceRequest> batch, CancellationToken ct)
    {
        if (batch.Count == 1 && batch[0].Reference is { } reference
            && await db.Set<ServiceRequest>().AnyAsync(r => r.Reference == reference, ct))
        {
            // Written alone after a failed batch: the likely fault is a reference already taken.
            batch[0].Reference = PublicReference.Redraw(reference);
        }
        db.AddRange(batch);
    }
}
