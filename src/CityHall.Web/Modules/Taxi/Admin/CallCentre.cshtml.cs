using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Platform.Audit;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Admin;

/// <summary>
/// The call centre's queue (Seoul's Dasan 120): calls whose riders, told no car was found, asked to be called back —
/// oldest first, with the number, the pickup, what the car must offer and how long they have waited — and what each
/// agent recorded (called back and a car sent by phone, no car, not reached). Only officials of
/// <see cref="TaxiOptions.CallCentreDepartment"/> with <see cref="TaxiModule.Operate"/> (and administrators) see it: it
/// holds riders' numbers. Every answer is audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + TaxiModule.Operate)]
public sealed class CallCentreModel(AppDbContext db, AuditLog audit, IOptionsMonitor<TaxiOptions> options, TimeProvider clock,
    CityHall.Web.Platform.City.CityClock cityClock, IStringLocalizer<Text> t) : PageModel
{
    /// <summary>Calls answered shown below the queue.</summary>
    public const int RecentlyAnswered = 50;

    public IReadOnlyList<TaxiCall> Waiting { get; private set; } = [];
    public IReadOnlyList<TaxiCall> Answered { get; private set; } = [];
    public IReadOnlyDictionary<string, string> DistrictNames { get; private set; } = new Dictionary<string, string>();
    public DateTime Now { get; private set; }
    [TempData] public string? Refusal { get; set; }

    public string Local(DateTime utc) => cityClock.Format(utc);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MayAnswer) return NotFound();
        // A refusal from the last post (post, redirect, get) is shown in the page's usual error summary.
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        Now = clock.GetUtcNow().UtcDateTime;
        Waiting = await db.Set<TaxiCall>().AsNoTracking().Where(c => c.HandedOverAt != null && c.CentreOutcome == null)
            .OrderBy(c => c.HandedOverAt).ToListAsync(ct);
        Answered = await db.Set<TaxiCall>().AsNoTracking().Where(c => c.HandedOverAt != null && c.CentreOutcome != null)
            .OrderByDescending(c => c.CentreHandledAt).Take(RecentlyAnswered).ToListAsync(ct);
        DistrictNames = await CityHall.Web.Platform.City.DistrictChoices.NamesAsync(db);
        return Page();
    }

    /// <summary>An agent records what came of a call; a call another agent answered meanwhile is refused, nothing changed.</summary>
    public async Task<IActionResult> OnPostAsync(long callId, CallCentreOutcome? outcome, CancellationToken ct)
    {
        if (!MayAnswer) return NotFound();
        if (outcome is not { } answer || !Enum.IsDefined(answer))
            Refusal = t["Taxi.CallCentre.ChooseOutcome"];
        else
        {
            var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
            var answered = await db.Set<TaxiCall>().Where(c => c.Id == callId && c.HandedOverAt != null && c.CentreOutcome == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.CentreOutcome, answer).SetProperty(c => c.CentreHandledAt, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(c => c.CentreHandledBy, me).SetProperty(c => c.Revision, c => c.Revision + 1), ct);
            if (answered == 0) Refusal = t["Taxi.CallCentre.AlreadyAnswered"];
            else await audit.RecordAsync(User, "taxi.call-centre.answer", "taxi-call", callId.ToString(CultureInfo.InvariantCulture), new { outcome = answer.ToString() }, ct);
        }
        return Redirect("/admin/taxi/call-centre");
    }

    private bool MayAnswer => User.ActsForDepartment(options.CurrentValue.CallCentreDepartment);
}
