using System.Security.Claims;
using CityHall.Web.Modules.CityNetwork.Members;

namespace CityHall.Web.Modules.CityNetwork.Awards.Public;

/// <summary>
/// An entry as a juror reads and scores it: its text and answers, the score on each criterion (1 to the edition's
/// scale; changed as often as wanted until the round closes), and declaring a conflict of interest. The juror's own
/// scores only, until the round has closed; then every juror's. An entry in conflict is not found.
/// </summary>
[Authorize]
public sealed class JuryEntryModel(AppDbContext db, AwardJury jury, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty(Name = "Scores")] public Dictionary<long, int> Scores { get; set; } = [];
    [BindProperty, Display(Name = "Network.Awards.Field.ConflictReason"), StringLength(1000, ErrorMessage = "Form.TooLong")] public string? ConflictReason { get; set; }
    [TempData] public string? Refusal { get; set; }

    public AwardJuror Juror { get; private set; } = null!;
    public AwardEdition Edition { get; private set; } = null!;
    public AwardEntry Entry { get; private set; } = null!;
    public IReadOnlyList<AwardCriterion> Criteria { get; private set; } = [];
    public IReadOnlyList<AwardQuestion> Questions { get; private set; } = [];
    public int Round { get; private set; }
    public bool Open { get; private set; }
    /// <summary>Every juror's scores of this entry in the round, once it has closed (juror → criterion → score).</summary>
    public IReadOnlyDictionary<long, Dictionary<long, int>> AllScores { get; private set; } = new Dictionary<long, Dictionary<long, int>>();
    public IReadOnlyDictionary<long, string> JurorNames { get; private set; } = new Dictionary<long, string>();

    public async Task<IActionResult> OnGetAsync(long jurorId, long entryId, CancellationToken ct)
    {
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        if (!await LoadAsync(jurorId, entryId, ct)) return NotFound();
        Scores = await db.Set<AwardScore>().Where(s => s.JurorId == jurorId && s.EntryId == entryId && s.Round == Round).ToDictionaryAsync(s => s.CriterionId, s => s.Score, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long jurorId, long entryId, CancellationToken ct)
    {
        if (!await LoadAsync(jurorId, entryId, ct)) return NotFound();
        var given = Scores.Where(s => Criteria.Any(c => c.Id == s.Key)).ToDictionary();
        if (given.Count != Criteria.Count)
            Refusal = t["Network.Awards.Score.EveryCriterion"];
        else if (await jury.ScoreAsync(User, jurorId, entryId, Round, given, ct) is { } refusal) Refusal = t[refusal, Edition.ScaleMax];
        return Redirect($"/network/awards/jury/{jurorId}/entries/{entryId}{(Refusal is null ? "?scored=true" : "")}");
    }

    public async Task<IActionResult> OnPostConflictAsync(long jurorId, long entryId, CancellationToken ct)
    {
        if (!await LoadAsync(jurorId, entryId, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(ConflictReason)) ModelState.AddModelError(nameof(ConflictReason), t["Network.Awards.Error.ConflictReason"]);
        if (!ModelState.IsValid) return Page();
        if (await jury.DeclareConflictAsync(User, jurorId, entryId, ConflictReason!, ct) is { } refusal)
        {
            Refusal = t[refusal];
            return Redirect($"/network/awards/jury/{jurorId}/entries/{entryId}");
        }
        return Redirect("/network/awards/jury?declared=true");
    }

    private async Task<bool> LoadAsync(long jurorId, long entryId, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await db.Set<AwardJuror>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jurorId && j.UserId == me, ct) is not { } juror) return false;
        Juror = juror;
        Edition = await db.Set<AwardEdition>().AsNoTracking().FirstAsync(e => e.Id == juror.EditionId, ct);
        // Only what the juror may see: the entries of their category in the round, none in conflict.
        if ((await jury.EntriesForAsync(juror, Edition, ct)).FirstOrDefault(e => e.Id == entryId) is not { } entry) return false;
        Entry = entry;
        Round = Math.Max(1, AwardRules.LatestRound(Edition.Phase)); // no entry is shown while entries still come in
        Open = Edition.Phase == AwardRules.PhaseOf(Round);
        Criteria = await db.Set<AwardCriterion>().AsNoTracking().Where(c => c.EditionId == Edition.Id).OrderBy(c => c.Order).ToListAsync(ct);
        Questions = (await db.Set<AwardQuestion>().AsNoTracking().Where(q => q.EditionId == Edition.Id).OrderBy(q => q.Order).ToListAsync(ct))
            .Where(q => q.AppliesTo(entry.CategoryId, entry.ApplicantType)).ToList();
        if (!Open)
        {
            var all = await db.Set<AwardScore>().AsNoTracking().Where(s => s.EntryId == entryId && s.Round == Round).ToListAsync(ct);
            AllScores = all.GroupBy(s => s.JurorId).ToDictionary(g => g.Key, g => g.ToDictionary(s => s.CriterionId, s => s.Score));
            var ids = AllScores.Keys.ToList();
            JurorNames = await db.Set<AwardJuror>().AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Name, ct);
        }
        return true;
    }
}
