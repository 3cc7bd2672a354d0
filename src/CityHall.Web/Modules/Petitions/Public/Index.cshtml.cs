namespace CityHall.Web.Modules.Petitions.Public;

/// <summary>Published proposals, newest first: those collecting supports, closed ones and rejected ones (with their reasons).</summary>
public sealed class IndexModel(AppDbContext db, PetitionText text) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string Status { get; set; } = "collecting";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PetitionText Text => text;
    public IReadOnlyList<Petition> Rows { get; private set; } = [];
    public int PageCount { get; private set; }
    public int Total { get; private set; }

    public static readonly Dictionary<string, PetitionStatus> Tabs = new()
    {
        ["collecting"] = PetitionStatus.Collecting,
        ["awaiting"] = PetitionStatus.AwaitingAnswer,
        ["answered"] = PetitionStatus.Answered,
        ["closed"] = PetitionStatus.Closed,
        ["rejected"] = PetitionStatus.Rejected,
    };

    public async Task OnGetAsync()
    {
        if (!Tabs.TryGetValue(Status, out var status)) { Status = "collecting"; status = PetitionStatus.Collecting; }
        var query = db.Set<Petition>().AsNoTracking().Where(p => p.Status == status);
        Total = await query.CountAsync();
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query.OrderByDescending(p => p.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }
}
