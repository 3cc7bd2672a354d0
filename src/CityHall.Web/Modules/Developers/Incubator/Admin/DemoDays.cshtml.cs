using CityHall.Web.Modules.Inclusion.Contracts;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Developers.Incubator.Admin;

/// <summary>
/// Demo days: staff announce one (title in both languages, when, where) and line up the residents who present, each
/// with the app it shows when that app is in the showcase. A resident presents once per demo day; only the centre's
/// residents can be lined up.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DevelopersModule.Incubator)]
public sealed class DemoDaysModel(IResidencies residencies, AppDbContext db, IOptionsMonitor<DevelopersOptions> options, CityClock clock, AuditLog audit,
    IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public DayInput Day { get; set; } = new();
    [BindProperty] public PitchInput Pitch { get; set; } = new();

    public IReadOnlyList<DemoDay> Days { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ResidentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AppItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DayItems { get; private set; } = [];
    public IReadOnlyDictionary<long, string> AppNames { get; private set; } = new Dictionary<long, string>();
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done is "day" or "pitch" ? done : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostDayAsync(CancellationToken ct)
    {
        ModelState.Forget("Pitch.");
        ModelState.Remove("Day.StartsAt");
        var (ko, en, place) = (Day.TitleKo?.Trim() ?? "", Day.TitleEn?.Trim() ?? "", Day.Place?.Trim() ?? "");
        if (ko.Length is 0 or > 200) ModelState.AddModelError("Day.TitleKo", t["Incubator.Error.Title"]);
        if (en.Length is 0 or > 200) ModelState.AddModelError("Day.TitleEn", t["Incubator.Error.Title"]);
        if (place.Length is 0 or > 200) ModelState.AddModelError("Day.Place", t["Incubator.Error.Place"]);
        if (Day.StartsAt is not { } starts || starts.Year is < 2000 or > 2100) ModelState.AddModelError("Day.StartsAt", t["Incubator.Error.StartsAt"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var day = new DemoDay { TitleKo = ko, TitleEn = en, Place = place, StartsAt = clock.FromLocal(Day.StartsAt!.Value).UtcDateTime };
        db.Add(day);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "incubator.demo-day", "demo-day", Id(day.Id), new { day.TitleKo, day.TitleEn, day.StartsAt, day.Place }, ct);
        return RedirectToPage(new { done = "day" });
    }

    public async Task<IActionResult> OnPostPitchAsync(CancellationToken ct)
    {
        ModelState.Forget("Day.");
        var residents = await residencies.OfProgrammeAsync(options.CurrentValue.IncubatorProgramme, ct);
        var day = await db.Set<DemoDay>().Include(d => d.Pitches).FirstOrDefaultAsync(d => d.Id == Pitch.DemoDay, ct);
        var resident = residents.FirstOrDefault(r => r.Reference == Pitch.Resident);
        if (day is null) ModelState.AddModelError("Pitch.DemoDay", t["Incubator.Error.DemoDay"]);
        if (resident is null) ModelState.AddModelError("Pitch.Resident", t["Incubator.Error.Resident"]);
        else if (day?.Pitches.Any(p => p.Resident == resident.Reference) == true) ModelState.AddModelError("Pitch.Resident", t["Incubator.Error.PitchTwice", resident.Organisation]);
        if (Pitch.App is { } app && !await db.Set<ShowcaseApp>().AnyAsync(a => a.Id == app, ct)) ModelState.AddModelError("Pitch.App", t["Incubator.Error.App"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var pitch = new DemoDayPitch { DemoDayId = day!.Id, Resident = resident!.Reference, Organisation = resident.Organisation, ShowcaseAppId = Pitch.App, Order = day.Pitches.Count + 1 };
        db.Add(pitch);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "incubator.pitch", "demo-day", Id(day.Id), new { pitch.Resident, pitch.Organisation, pitch.ShowcaseAppId, pitch.Order }, ct);
        return RedirectToPage(new { done = "pitch" });
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken ct)
    {
        Days = await db.Set<DemoDay>().AsNoTracking().Include(d => d.Pitches).OrderByDescending(d => d.StartsAt).ToListAsync(ct);
        DayItems = [.. Days.Select(d => new SelectListItem($"{clock.Format(d.StartsAt)} {LocalizedText.Pick(System.Globalization.CultureInfo.CurrentUICulture, d.TitleKo, d.TitleEn)}", Id(d.Id)))];
        var residents = await residencies.OfProgrammeAsync(options.CurrentValue.IncubatorProgramme, ct);
        ResidentItems = [new(t["Incubator.ChooseResident"], ""), .. residents.DistinctBy(r => r.Reference).Select(r => new SelectListItem(r.Organisation, r.Reference))];
        var apps = await db.Set<ShowcaseApp>().AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, a.Maker }).ToListAsync(ct);
        AppNames = apps.ToDictionary(a => a.Id, a => a.Name);
        AppItems = [new(t["Incubator.NoApp"], ""), .. apps.Select(a => new SelectListItem($"{a.Name} ({a.Maker})", Id(a.Id)))];
    }

    public sealed class DayInput
    {
        [Display(Name = "Incubator.DemoDay.TitleKo")] public string? TitleKo { get; set; }
        [Display(Name = "Incubator.DemoDay.TitleEn")] public string? TitleEn { get; set; }
        [Display(Name = "Incubator.DemoDay.StartsAt")] public DateTime? StartsAt { get; set; }
        [Display(Name = "Incubator.DemoDay.Place")] public string? Place { get; set; }
    }

    public sealed class PitchInput
    {
        [Display(Name = "Incubator.DemoDay")] public long? DemoDay { get; set; }
        [Display(Name = "Incubator.Resident")] public string? Resident { get; set; }
        [Display(Name = "Incubator.Pitch.App")] public long? App { get; set; }
    }
}
