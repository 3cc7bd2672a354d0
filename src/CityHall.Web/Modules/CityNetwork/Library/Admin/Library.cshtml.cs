using CityHall.Web.Modules.CityNetwork.Admin;

namespace CityHall.Web.Modules.CityNetwork.Library.Admin;

/// <summary>
/// The secretariat's library: cases waiting for review first, then the others by status; a new case of its own; and the
/// one click that makes an announced award winner a published case.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class LibraryModel(AppDbContext db, LibraryShelf shelf) : PageModel
{
    public IReadOnlyList<LibraryCase> Cases { get; private set; } = [];
    public LibraryStatus Status { get; private set; }
    public IReadOnlyDictionary<LibraryStatus, int> Counts { get; private set; } = new Dictionary<LibraryStatus, int>();
    [TempData] public string? Refusal { get; set; }

    public async Task OnGetAsync(LibraryStatus? status, CancellationToken ct)
    {
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        Status = status is { } s && Enum.IsDefined(s) ? s : LibraryStatus.InReview;
        var only = Status;
        Cases = await db.Set<LibraryCase>().AsNoTracking().Where(c => c.Status == only).OrderByDescending(c => c.UpdatedAt).Take(200).ToListAsync(ct);
        Counts = await db.Set<LibraryCase>().GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public async Task<IActionResult> OnPostFromWinnerAsync(long entryId, CancellationToken ct)
    {
        var (made, refusal) = await shelf.FromWinnerAsync(User, entryId, ct);
        if (made is null)
        {
            Refusal = shelf.Explain(refusal);
            return Redirect("/admin/network/library");
        }
        return Redirect($"/admin/network/library/{made.Id}?saved=true");
    }
}
