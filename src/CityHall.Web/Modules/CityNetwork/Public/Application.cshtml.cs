using System.Security.Claims;
using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Public;

/// <summary>
/// An application to join, as its applicant follows it by reference: what was sent, where it stands, the reason if it
/// came back, the member page once admitted. Only the account that applied sees it (the secretariat has its own page).
/// </summary>
[Authorize]
public sealed class ApplicationModel(AppDbContext db, IOptionsMonitor<CityNetworkOptions> options) : PageModel
{
    public MembershipApplication Application { get; private set; } = null!;
    public CityNetworkOptions Network => options.CurrentValue;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await db.Set<MembershipApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Reference == reference && a.ApplicantUserId == me, ct) is not { } application)
            return NotFound();
        Application = application;
        return Page();
    }
}
