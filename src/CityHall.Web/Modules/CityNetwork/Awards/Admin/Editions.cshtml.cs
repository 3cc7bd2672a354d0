using System.Globalization;
using CityHall.Web.Modules.CityNetwork.Admin;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.CityNetwork.Awards.Admin;

/// <summary>The awards editions, newest first, and a new one: its year, titles, time zone, entry window (in that zone), languages and scale.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class EditionsModel(AppDbContext db, AwardEditions editions, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public EditionInput Input { get; set; } = new() { TimeZone = "Asia/Seoul", Languages = "en, ko" };
    public IReadOnlyList<AwardEdition> Editions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ZoneItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (AwardTimes.Find(Input.TimeZone) is null) ModelState.AddModelError("Input.TimeZone", t["Network.Awards.Error.TimeZone"]);
        if (Input.OpensAt is null) ModelState.AddModelError("Input.OpensAt", t["Network.Awards.Error.OpensAt"]);
        if (Input.DeadlineAt is null) ModelState.AddModelError("Input.DeadlineAt", t["Network.Awards.Error.Deadline"]);
        else if (Input.OpensAt is { } opens && Input.DeadlineAt <= opens) ModelState.AddModelError("Input.DeadlineAt", t["Network.Awards.Error.DeadlineBeforeOpening"]);
        var languages = ParseLanguages(Input.Languages);
        if (languages is null) ModelState.AddModelError("Input.Languages", t["Network.Awards.Error.Languages"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var edition = await editions.CreateAsync(User, new AwardEdition
        {
            Year = Input.Year!.Value, Title = Input.Title.Trim(), TitleKo = string.IsNullOrWhiteSpace(Input.TitleKo) ? null : Input.TitleKo.Trim(),
            Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(), TimeZone = Input.TimeZone!,
            OpensAt = AwardTimes.ToUtc(Input.OpensAt!.Value, Input.TimeZone!), DeadlineAt = AwardTimes.ToUtc(Input.DeadlineAt!.Value, Input.TimeZone!),
            Languages = languages!, ScaleMax = Input.ScaleMax, Phase = AwardPhase.Entries,
        }, ct);
        return Redirect($"/admin/network/awards/{edition.Id}");
    }

    /// <summary>"en, ko" → ["en", "ko"]: two-letter codes of languages .NET knows, at least one.</summary>
    public static List<string>? ParseLanguages(string? text)
    {
        var codes = (text ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToLowerInvariant()).Distinct().ToList();
        if (codes.Count == 0 || codes.Count > 10) return null;
        foreach (var code in codes)
        {
            if (code.Length != 2 || !code.All(char.IsAsciiLetterLower)) return null;
            try { if (CultureInfo.GetCultureInfo(code, predefinedOnly: true).TwoLetterISOLanguageName != code) return null; }
            catch (CultureNotFoundException) { return null; }
        }
        return codes;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Editions = await db.Set<AwardEdition>().AsNoTracking().OrderByDescending(e => e.Year).ThenByDescending(e => e.Id).ToListAsync(ct);
        ZoneItems = AwardTimes.Choices(t["Network.Choose"], clock.GetUtcNow().UtcDateTime);
    }

    public sealed class EditionInput
    {
        [Display(Name = "Network.Awards.Field.Year"), Required(ErrorMessage = "Network.Awards.Error.Year"), Range(2000, 2199, ErrorMessage = "Network.Awards.Error.Year")]
        public int? Year { get; set; }
        [Display(Name = "Network.Awards.Field.Title"), Required(ErrorMessage = "Network.Awards.Error.Title"), StringLength(AwardEdition.TitleMax, ErrorMessage = "Form.TooLong")]
        public string Title { get; set; } = "";
        [Display(Name = "Network.Awards.Field.TitleKo"), StringLength(AwardEdition.TitleMax, ErrorMessage = "Form.TooLong")] public string? TitleKo { get; set; }
        [Display(Name = "Network.Awards.Field.Description"), StringLength(AwardEdition.DescriptionMax, ErrorMessage = "Form.TooLong")] public string? Description { get; set; }
        [Display(Name = "Network.Awards.Field.TimeZone")] public string? TimeZone { get; set; }
        [Display(Name = "Network.Awards.Field.OpensAt")] public DateTime? OpensAt { get; set; }
        [Display(Name = "Network.Awards.Field.DeadlineAt")] public DateTime? DeadlineAt { get; set; }
        [Display(Name = "Network.Awards.Field.Languages"), StringLength(60, ErrorMessage = "Form.TooLong")] public string? Languages { get; set; }
        [Display(Name = "Network.Awards.Field.ScaleMax"), Range(3, 100, ErrorMessage = "Network.Awards.Error.Scale")] public int ScaleMax { get; set; } = 10;
    }
}
