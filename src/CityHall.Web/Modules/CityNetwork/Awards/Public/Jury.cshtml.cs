using System.Security.Claims;

namespace CityHall.Web.Modules.CityNetwork.Awards.Public;

/// <summary>A juror's desk: each category they sit on, and its entries of the current round they may see, scored by them or not yet.</summary>
[Authorize]
public sealed class JuryModel(AppDbContext db, AwardJury jury) : PageModel
{
    /// <summary>A category the juror sits on: its latest round (0: none yet), whether it is still open, and the entries of it the juror may see.</summary>
    public sealed record Seat(AwardJuror Juror, AwardEdition Edition, AwardCategory Category, int Round, bool Open, IReadOnlyList<(AwardEntry Entry, bool Scored)> Entries);

    public IReadOnlyList<Seat> Seats { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var seats = new List<Seat>();
        foreach (var juror in await jury.SeatsOfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct))
        {
            var edition = await db.Set<AwardEdition>().AsNoTracking().FirstAsync(e => e.Id == juror.EditionId, ct);
            var category = await db.Set<AwardCategory>().AsNoTracking().FirstAsync(c => c.Id == juror.CategoryId, ct);
            var round = AwardRules.LatestRound(edition.Phase);
            var entries = await jury.EntriesForAsync(juror, edition, ct);
            var scored = round == 0 ? [] : (await db.Set<AwardScore>().Where(s => s.JurorId == juror.Id && s.Round == round).Select(s => s.EntryId).Distinct().ToListAsync(ct)).ToHashSet();
            seats.Add(new Seat(juror, edition, category, round, round > 0 && edition.Phase == AwardRules.PhaseOf(round), entries.Select(e => (e, scored.Contains(e.Id))).ToList()));
        }
        Seats = seats;
    }
}
