namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>
/// What the module holds about a person, for "download my data", and its erasure with the account.
/// The city keeps its cases (their stages, service, place and times still count in statistics and
/// remain on the public map), but nothing links them to the person any more: contact details go,
/// and a private report's description and photos, which only the person and staff ever saw, go too.
/// Their follows are deleted (their apps' keys are the developer portal's).
/// </summary>
public sealed class ServiceRequestPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public string Section => "serviceRequests";

    public async Task<object?> ExportAsync(string userId, CancellationToken ct) => new
    {
        reports = await db.Set<ServiceRequest>().AsNoTracking().Where(r => r.ReporterId == userId).OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Reference, service = r.ServiceCode, status = r.Status.ToString(), r.IsPublic, r.Description, r.Address, r.Latitude, r.Longitude,
                district = r.DistrictCode, r.RequestedAt, r.ClosedAt, r.Rating, r.RatingComment, r.ReopenReason, r.NotifyByEmail, r.NotifyBySms,
                photos = r.Photos.Count,
            }).ToListAsync(ct),
        following = await db.Set<ServiceRequestFollower>().AsNoTracking().Where(f => f.UserId == userId)
            .Join(db.Set<ServiceRequest>(), f => f.RequestId, r => r.Id, (f, r) => new { r.Reference, f.FollowedAt }).ToListAsync(ct),
    };

    public async Task EraseAsync(string userId, CancellationToken ct)
    {
        var privateCases = db.Set<ServiceRequest>().Where(r => r.ReporterId == userId && !r.IsPublic).Select(r => r.Id);
        await db.Set<ServiceRequestPhoto>().Where(p => privateCases.Contains(p.RequestId)).ExecuteDeleteAsync(ct);
        await db.Set<ServiceRequest>().Where(r => r.ReporterId == userId && !r.IsPublic)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Description, ""), ct);
        await db.Set<ServiceRequestEvent>().Where(e => e.ActorId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorId, (string?)null), ct);
        await db.Set<ServiceRequest>().Where(r => r.ReporterId == userId).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.ReporterId, (string?)null).SetProperty(r => r.Email, (string?)null).SetProperty(r => r.Phone, (string?)null)
            .SetProperty(r => r.FirstName, (string?)null).SetProperty(r => r.LastName, (string?)null).SetProperty(r => r.DeviceId, (string?)null)
            .SetProperty(r => r.AccountId, (string?)null).SetProperty(r => r.RatingComment, (string?)null)
            .SetProperty(r => r.NotifyByEmail, false).SetProperty(r => r.NotifyBySms, false), ct);
        await db.Set<ServiceRequestFollower>().Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
    }
}
