using CityHall.Web.Modules.CityNetwork.Awards;
using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Library.Public;

/// <summary>
/// A published library case: its text marked with its language, where and when it comes from, its topics, the same case
/// in other languages, its attachments, and the award it won when it is a winner. Anything not published is not found.
/// </summary>
public sealed class CaseModel(AppDbContext db, LibraryShelf shelf, IOptionsMonitor<CityNetworkOptions> options) : PageModel
{
    public LibraryCase Case { get; private set; } = null!;
    public IReadOnlyList<LibraryCase> Translations { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name, string ContentType)> Attachments { get; private set; } = [];
    public NetworkMember? Member { get; private set; }
    public AwardEdition? Award { get; private set; }
    public CityNetworkOptions Network => options.CurrentValue;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await shelf.Published.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } item) return NotFound();
        Case = item;
        Translations = await shelf.TranslationsAsync(item, publishedOnly: true, ct);
        Attachments = (await db.Set<LibraryAttachment>().AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Name, a.ContentType }).ToListAsync(ct)).Select(a => (a.Id, a.Name, a.ContentType)).ToList();
        if (item.MemberId is { } memberId) Member = await db.Set<NetworkMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (item.AwardEntryId is { } entryId)
            Award = await db.Set<AwardEntry>().AsNoTracking().Where(e => e.Id == entryId)
                .Join(db.Set<AwardEdition>().AsNoTracking(), e => e.EditionId, ed => ed.Id, (e, ed) => ed).FirstOrDefaultAsync(ct);
        return Page();
    }
}
