using System.Security.Claims;

namespace CityHall.Web.Modules.ServiceRequests.Public;

/// <summary>A citizen's own reports (public and private, every stage) and the ones they follow.</summary>
[Authorize]
public sealed class MineModel(AppDbContext db, ServiceDirectory directory) : PageModel
{
    public sealed record Row(string? Reference, string? Token, string ServiceCode, RequestStatus Status, DateTime RequestedAt, DateTime? DueAt, bool IsPublic);

    public IReadOnlyList<Row> Reported { get; private set; } = [];
    public IReadOnlyList<Row> Followed { get; private set; } = [];
    public ServiceDirectory.Snapshot Catalogue { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Catalogue = await directory.GetAsync(HttpContext.RequestAborted);
        Reported = await db.Set<ServiceRequest>().AsNoTracking().Where(r => r.ReporterId == me).OrderByDescending(r => r.Id)
            .Select(r => new Row(r.Reference, r.Token, r.ServiceCode, r.Status, r.RequestedAt, r.DueAt, r.IsPublic)).Take(200).ToListAsync();
        Followed = await db.Set<ServiceRequestFollower>().AsNoTracking().Where(f => f.UserId == me).OrderByDescending(f => f.FollowedAt)
            .Join(db.Set<ServiceRequest>(), f => f.RequestId, r => r.Id, (f, r) => new Row(r.Reference, r.Token, r.ServiceCode, r.Status, r.RequestedAt, r.DueAt, r.IsPublic))
            .Take(200).ToListAsync();
    }
}
