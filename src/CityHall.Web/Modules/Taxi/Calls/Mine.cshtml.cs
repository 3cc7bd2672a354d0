using System.Security.Claims;

namespace CityHall.Web.Modules.Taxi.Calls;

/// <summary>The rider's calls (the latest 100): each links to its page, with its receipt, rating and any problem reported.</summary>
[Authorize]
public sealed class MineModel(AppDbContext db) : PageModel
{
    public const int Listed = 100;
    public MyCalls Calls { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Calls = await MyCalls.ReadAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier)!, Listed, ct);
}
