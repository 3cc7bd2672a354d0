using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.CityNetwork.Awards.Public;

/// <summary>
/// An edition: its categories and criteria, its deadline in its own time zone and in the reader's (chosen here; the
/// script suggests the browser's), and — while it takes entries — starting an entry: category, who applies (a member
/// city the account represents, a city outside the network, or a vendor for a city), the practice's title, language.
/// </summary>
public sealed class EditionModel(AppDbContext db, AwardEntries entries, Countries countries, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tz")] public string? ReaderZone { get; set; }
    [BindProperty] public StartInput Input { get; set; } = new();

    public AwardEdition Edition { get; private set; } = null!;
    public IReadOnlyList<AwardCategory> Categories { get; private set; } = [];
    public IReadOnlyList<AwardCriterion> Criteria { get; private set; } = [];
    public IReadOnlyList<NetworkMember> Represented { get; private set; } = [];
    public bool TakesEntries { get; private set; }
    public IReadOnlyList<SelectListItem> CategoryItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> TypeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> MemberItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CountryItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> LanguageItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ZoneItems { get; private set; } = [];
    public string? ReaderZoneValid => AwardTimes.Find(ReaderZone)?.Id;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.TimeZone = ReaderZoneValid;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        // The page is public; starting an entry needs an account (a handler cannot carry [Authorize]).
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!TakesEntries) ModelState.AddModelError("Input.CategoryId", t["Network.Awards.Entry.DeadlinePassed"]);
        if (Input.CategoryId is not { } categoryId || Categories.All(c => c.Id != categoryId)) ModelState.AddModelError("Input.CategoryId", t["Network.Awards.Error.Category"]);
        NetworkMember? member = null;
        switch (Input.ApplicantType)
        {
            case ApplicantType.MemberCity:
                member = Represented.FirstOrDefault(m => m.Id == Input.MemberId);
                if (member is null) ModelState.AddModelError("Input.MemberId", t["Network.Awards.Error.NotRepresented"]);
                break;
            case ApplicantType.NonMember or ApplicantType.Vendor:
                if (Input.ApplicantType == ApplicantType.Vendor && Input.MemberId is { } forMember)
                    member = await db.Set<NetworkMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == forMember && m.Status == MemberStatus.Active, ct);
                if (member is null && string.IsNullOrWhiteSpace(Input.CityName)) ModelState.AddModelError("Input.CityName", t["Network.Awards.Error.CityName"]);
                if (member is null && countries.Find(Input.Country) is null) ModelState.AddModelError("Input.Country", t["Network.Error.ChooseCountry"]);
                if (Input.ApplicantType == ApplicantType.Vendor && string.IsNullOrWhiteSpace(Input.VendorName)) ModelState.AddModelError("Input.VendorName", t["Network.Awards.Error.VendorName"]);
                break;
            default:
                ModelState.AddModelError("Input.ApplicantType", t["Network.Awards.Error.ApplicantType"]);
                break;
        }
        if (Input.Language is null || !Edition.Languages.Contains(Input.Language)) ModelState.AddModelError("Input.Language", t["Network.Awards.Error.Language"]);
        if (!string.IsNullOrEmpty(Input.TimeZone) && AwardTimes.Find(Input.TimeZone) is null) ModelState.AddModelError("Input.TimeZone", t["Network.Awards.Error.TimeZone"]);
        if (!ModelState.IsValid) return Page();
        var entry = await entries.StartAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, Edition, Input.CategoryId!.Value, Input.ApplicantType!.Value, member,
            Input.CityName ?? "", Input.Country ?? "", Input.VendorName, Input.Title, Input.Language!, AwardTimes.Find(Input.TimeZone)?.Id, ct);
        return Redirect($"/network/awards/entries/{entry.Reference}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await db.Set<AwardEdition>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } edition) return false;
        Edition = edition;
        TakesEntries = AwardRules.TakesEntries(edition, clock.GetUtcNow().UtcDateTime);
        Categories = await db.Set<AwardCategory>().AsNoTracking().Where(c => c.EditionId == id).OrderBy(c => c.Id).ToListAsync(ct);
        Criteria = await db.Set<AwardCriterion>().AsNoTracking().Where(c => c.EditionId == id).OrderBy(c => c.Order).ToListAsync(ct);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } me) Represented = await entries.RepresentedAsync(me, ct);
        var culture = CultureInfo.CurrentUICulture;
        var choose = t["Network.Choose"].Value;
        CategoryItems = [new(choose, ""), .. Categories.Select(c => new SelectListItem(c.DisplayName(culture), c.Id.ToString(CultureInfo.InvariantCulture)))];
        TypeItems = Enum.GetValues<ApplicantType>().Select(v => new SelectListItem(t[$"Network.Awards.Applicant.{v}"], v.ToString())).ToList();
        MemberItems = [new(t["Network.Awards.NoMember"], ""), .. (await db.Set<NetworkMember>().AsNoTracking().Where(m => m.Status == MemberStatus.Active && m.Kind == MemberKind.City)
            .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => new SelectListItem(m.Name, m.Id.ToString(CultureInfo.InvariantCulture)))];
        CountryItems = countries.Choices(culture, choose);
        LanguageItems = edition.Languages.Select(l => new SelectListItem(CultureInfo.GetCultureInfo(l).NativeName, l)).ToList();
        ZoneItems = AwardTimes.Choices(t["Network.Awards.EditionZoneOnly"], clock.GetUtcNow().UtcDateTime);
        return true;
    }

    public sealed class StartInput
    {
        [Display(Name = "Network.Awards.Field.Category")] public long? CategoryId { get; set; }
        [Display(Name = "Network.Awards.Field.ApplicantType")] public ApplicantType? ApplicantType { get; set; }
        [Display(Name = "Network.Awards.Field.MemberCity")] public long? MemberId { get; set; }
        [Display(Name = "Network.Awards.Field.CityName"), StringLength(NetworkMember.NameMax, ErrorMessage = "Form.TooLong")] public string? CityName { get; set; }
        [Display(Name = "Network.Field.Country")] public string? Country { get; set; }
        [Display(Name = "Network.Awards.Field.VendorName"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? VendorName { get; set; }
        [Display(Name = "Network.Awards.Field.EntryTitle"), Required(ErrorMessage = "Network.Awards.Error.EntryTitle"), StringLength(AwardEntry.TitleMax, ErrorMessage = "Form.TooLong")]
        public string Title { get; set; } = "";
        [Display(Name = "Network.Awards.Field.Language")] public string? Language { get; set; }
        [Display(Name = "Network.Awards.Field.YourTimeZone")] public string? TimeZone { get; set; }
    }
}
