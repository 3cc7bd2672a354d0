using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Programmes;

namespace CityHall.Web.Modules.Inclusion.Admin;

/// <summary>Staff's start: each programme with its applications by state, and the way to its queue, selection and assisted applications.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + InclusionModule.Manage)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Line(InclusionProgramme Programme, ProgrammeVersion Version, IReadOnlyDictionary<ApplicationState, int> Counts);

    public IReadOnlyList<Line> Programmes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var rows = await db.Set<InclusionProgramme>().AsNoTracking()
            .Join(db.Set<ProgrammeVersion>(), p => new { p.Id, V = p.CurrentVersion }, v => new { Id = v.ProgrammeId, V = v.Version }, (p, v) => new { p, v })
            .ToListAsync(ct);
        var counts = await db.Set<InclusionApplication>().AsNoTracking().Where(a => a.State != ApplicationState.Draft)
            .GroupBy(a => new { a.ProgrammeId, a.State }).Select(g => new { g.Key.ProgrammeId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        Programmes = rows.OrderBy(r => r.p.Order).Select(r => new Line(r.p, r.v,
            counts.Where(c => c.ProgrammeId == r.p.Id).ToDictionary(c => c.State, c => c.Count))).ToList();
    }
}
