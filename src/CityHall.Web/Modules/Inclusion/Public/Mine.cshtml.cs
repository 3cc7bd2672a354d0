using System.Security.Claims;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Programmes;

namespace CityHall.Web.Modules.Inclusion.Public;

/// <summary>The signed-in citizen's applications, newest first, drafts included so they can be finished.</summary>
[Authorize]
public sealed class MineModel(AppDbContext db) : PageModel
{
    public sealed record Row(string Reference, string NameKo, string NameEn, ApplicationState State, DateTime CreatedAt, DateTime? SubmittedAt);

    public IReadOnlyList<Row> Applications { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Applications = await db.Set<InclusionApplication>().AsNoTracking().Where(a => a.ApplicantUserId == userId)
            .Join(db.Set<ProgrammeVersion>(), a => new { Id = a.ProgrammeId, V = a.ProgrammeVersion }, v => new { Id = v.ProgrammeId, V = v.Version },
                (a, v) => new { a, v })
            .OrderByDescending(x => x.a.Id)
            .Select(x => new Row(x.a.Reference, x.v.NameKo, x.v.NameEn, x.a.State, x.a.CreatedAt, x.a.SubmittedAt))
            .Take(200).ToListAsync(HttpContext.RequestAborted);
    }
}
