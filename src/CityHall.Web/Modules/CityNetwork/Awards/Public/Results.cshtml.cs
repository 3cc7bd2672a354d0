namespace CityHall.Web.Modules.CityNetwork.Awards.Public;

/// <summary>An edition's results once announced: each category's winners, with their certificates, and the rest of its shortlist.</summary>
public sealed class ResultsModel(AppDbContext db) : PageModel
{
    public AwardEdition Edition { get; private set; } = null!;
    public IReadOnlyList<(AwardCategory Category, IReadOnlyList<AwardEntry> Winners, IReadOnlyList<AwardEntry> Shortlisted)> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await db.Set<AwardEdition>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.AnnouncedAt != null, ct) is not { } edition) return NotFound();
        Edition = edition;
        var categories = await db.Set<AwardCategory>().AsNoTracking().Where(c => c.EditionId == id).OrderBy(c => c.Id).ToListAsync(ct);
        var entries = await db.Set<AwardEntry>().AsNoTracking()
            .Where(e => e.EditionId == id && (e.Status == EntryStatus.Awarded || e.Status == EntryStatus.NotAwarded)).ToListAsync(ct);
        Categories = categories.Select(c => (c,
            (IReadOnlyList<AwardEntry>)entries.Where(e => e.CategoryId == c.Id && e.Status == EntryStatus.Awarded).OrderBy(e => e.Round2Rank).ThenBy(e => e.Id).ToList(),
            (IReadOnlyList<AwardEntry>)entries.Where(e => e.CategoryId == c.Id && e.Status == EntryStatus.NotAwarded).OrderBy(e => e.CityName).ToList())).ToList();
        return Page();
    }
}
