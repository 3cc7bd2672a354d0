using Microsoft.AspNetCore.OutputCaching;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Broadcasts.Public;

/// <summary>A programme: what it is, its weekly times, its next showings (schedule changes applied), and its calendar file.</summary>
[OutputCache(PolicyName = Platform.Web.OutputCaching.PublicShort)]
public sealed class ProgrammeModel(AppDbContext db, BroadcastGuide guide, CityClock clock) : PageModel
{
    public const int Upcoming = 5;

    public Programme Programme { get; private set; } = null!;
    public BroadcastChannel Channel { get; private set; } = null!;
    public IReadOnlyList<Airing> Next { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await db.Set<Programme>().AsNoTracking().Include(p => p.Slots).FirstOrDefaultAsync(p => p.Id == id, ct) is not { } programme) return NotFound();
        Programme = programme;
        Channel = await db.Set<BroadcastChannel>().AsNoTracking().FirstAsync(c => c.Code == programme.ChannelCode, ct);
        var now = clock.Now.DateTime;
        Next = (await guide.AiringsAsync(programme.ChannelCode, now, now.AddDays(28), ct)).Where(a => a.ProgrammeId == id).Take(Upcoming).ToList();
        return Page();
    }
}
