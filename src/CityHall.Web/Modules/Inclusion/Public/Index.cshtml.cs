using CityHall.Web.Modules.Inclusion.Programmes;

namespace CityHall.Web.Modules.Inclusion.Public;

/// <summary>The catalogue of programmes: what each gives, whether it takes applications now.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<(InclusionProgramme Programme, ProgrammeVersion Version)> Programmes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var rows = await db.Set<InclusionProgramme>().AsNoTracking().Where(p => p.Listed)
            .Join(db.Set<ProgrammeVersion>(), p => new { p.Id, V = p.CurrentVersion }, v => new { Id = v.ProgrammeId, V = v.Version }, (p, v) => new { p, v })
            .ToListAsync(HttpContext.RequestAborted);
        Programmes = rows.OrderBy(r => r.p.Order).Select(r => (r.p, r.v)).ToList();
    }
}
