using System.Globalization;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.News.Admin;

/// <summary>
/// The posts of the departments the writer belongs to (every department's for administrators): drafts, embargoed
/// and published, latest first, 20 a page, with the notices waiting for the user's approval above them. Another
/// department's drafts and embargoes are not theirs to see.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + NewsModule.StaffAny)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    // From the query only: "page" is also the route value naming the Razor page.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<NewsPost> Posts { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public DateTime Now { get; private set; }
    /// <summary>Notices of the user's departments waiting for a second person, when the user may approve them (not their own).</summary>
    public IReadOnlyList<NewsPost> Waiting { get; private set; } = [];
    public bool MayWrite => Enum.GetValues<NewsKind>().Any(k => NewsAccess.MayWrite(User, k));
    public IReadOnlyDictionary<string, string> DepartmentNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var query = NewsAccess.Visible(db.Set<NewsPost>().AsNoTracking(), User);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        // Drafts (no time yet) first, then by time, latest first.
        Posts = await query.OrderBy(p => p.PublishAt == null ? 0 : 1).ThenByDescending(p => p.PublishAt).ThenByDescending(p => p.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        if (User.HasPermission(NewsModule.ApproveNotices))
        {
            var me = User.Identity?.Name;
            Waiting = await query.Where(p => p.Kind == NewsKind.Notice && p.SubmittedAt != null && p.ApprovedAt == null && p.SubmittedBy != me)
                .OrderBy(p => p.SubmittedAt).Take(100).ToListAsync(ct);
        }
        var culture = CultureInfo.CurrentUICulture;
        DepartmentNames = (await db.Set<Department>().AsNoTracking().ToListAsync(ct)).ToDictionary(d => d.Code, d => d.Name(culture));
    }

    public string PageLink(int page) => page == 1 ? "/admin/news" : "/admin/news?page=" + page.ToString(CultureInfo.InvariantCulture);
}
