using CityHall.Web.Modules.Inclusion.Contracts;
using CityHall.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Developers.Incubator.Admin;

/// <summary>
/// The showcase as staff keep it: add or change an app (name, maker, what it does in both languages, its address, the
/// city's datasets and APIs it uses, the resident that made it if any), and publish or withdraw it. Only http(s)
/// addresses and the APIs and datasets the modules publish (<see cref="Portal.CityApis"/>) are taken.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DevelopersModule.Incubator)]
public sealed class ShowcaseModel(AppDbContext db, Portal.CityApis apis, IResidencies residencies, IOptionsMonitor<DevelopersOptions> options,
    TimeProvider clock, AuditLog audit, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public AppInput Input { get; set; } = new();

    public IReadOnlyList<ShowcaseApp> Apps { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DatasetItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ResidentItems { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, string? done, CancellationToken ct)
    {
        Done = done is "saved" or "published" or "withdrawn" ? done : null;
        if (id is { } editing)
        {
            if (await db.Set<ShowcaseApp>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == editing, ct) is not { } app) return NotFound();
            Input = new AppInput
            {
                Id = app.Id, Name = app.Name, Maker = app.Maker, SummaryKo = app.SummaryKo, SummaryEn = app.SummaryEn, Link = app.Link,
                Datasets = [.. app.DatasetList], Resident = app.Resident, Published = app.Published,
            };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var i = Input;
        var (name, maker, ko, en, link) = (i.Name?.Trim() ?? "", i.Maker?.Trim() ?? "", i.SummaryKo?.Trim() ?? "", i.SummaryEn?.Trim() ?? "", i.Link?.Trim() ?? "");
        if (name.Length is 0 or > ShowcaseApp.NameMax) ModelState.AddModelError("Input.Name", t["Incubator.Error.AppName", ShowcaseApp.NameMax]);
        if (maker.Length is 0 or > ShowcaseApp.MakerMax) ModelState.AddModelError("Input.Maker", t["Incubator.Error.Maker", ShowcaseApp.MakerMax]);
        if (ko.Length is 0 or > ShowcaseApp.SummaryMax) ModelState.AddModelError("Input.SummaryKo", t["Incubator.Error.Summary", ShowcaseApp.SummaryMax]);
        if (en.Length is 0 or > ShowcaseApp.SummaryMax) ModelState.AddModelError("Input.SummaryEn", t["Incubator.Error.Summary", ShowcaseApp.SummaryMax]);
        if (link.Length > ShowcaseApp.LinkMax || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            ModelState.AddModelError("Input.Link", t["Incubator.Error.Link"]);
        var known = DatasetItems.Select(d => d.Value).ToHashSet(StringComparer.Ordinal);
        var datasets = i.Datasets.Distinct(StringComparer.Ordinal).ToList();
        if (datasets.Count == 0 || datasets.Any(d => !known.Contains(d))) ModelState.AddModelError("Input.Datasets", t["Incubator.Error.Datasets"]);
        var resident = string.IsNullOrEmpty(i.Resident) ? null : i.Resident;
        if (resident is not null && !ResidentItems.Any(r => r.Value == resident)) ModelState.AddModelError("Input.Resident", t["Incubator.Error.Resident"]);
        ShowcaseApp? app = null;
        if (i.Id is { } id && (app = await db.Set<ShowcaseApp>().FirstOrDefaultAsync(a => a.Id == id, ct)) is null) return NotFound();
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        if (app is null)
        {
            app = new ShowcaseApp { Name = name, Maker = maker, SummaryKo = ko, SummaryEn = en, Link = link, AddedAt = now };
            db.Add(app);
        }
        (app.Name, app.Maker, app.SummaryKo, app.SummaryEn, app.Link) = (name, maker, ko, en, link);
        app.Datasets = string.Join(' ', datasets.Order(StringComparer.Ordinal));
        app.Resident = resident;
        app.Published = i.Published;
        app.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "incubator.showcase", "showcase-app", Id(app.Id), new { app.Name, app.Maker, app.Link, app.Datasets, app.Resident, app.Published }, ct);
        return RedirectToPage(new { done = "saved" });
    }

    public async Task<IActionResult> OnPostPublishAsync([FromQuery(Name = "id")] long id, bool publish, CancellationToken ct)
    {
        if (await db.Set<ShowcaseApp>().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } app) return NotFound();
        app.Published = publish;
        app.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, publish ? "incubator.showcase.publish" : "incubator.showcase.withdraw", "showcase-app", Id(app.Id), new { app.Name }, ct);
        return RedirectToPage(new { done = publish ? "published" : "withdrawn" });
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken ct)
    {
        Apps = await db.Set<ShowcaseApp>().AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        DatasetItems = [.. (await apis.AllAsync(ct)).OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => new SelectListItem($"{d.Title} ({d.Code})", d.Code))];
        var residents = await residencies.OfProgrammeAsync(options.CurrentValue.IncubatorProgramme, ct);
        ResidentItems = [new(t["Incubator.NotResident"], ""), .. residents.DistinctBy(r => r.Reference).Select(r => new SelectListItem(r.Organisation, r.Reference))];
    }

    public sealed class AppInput
    {
        public long? Id { get; set; }
        [Display(Name = "Incubator.App.Name")] public string? Name { get; set; }
        [Display(Name = "Incubator.App.Maker")] public string? Maker { get; set; }
        [Display(Name = "Incubator.App.SummaryKo")] public string? SummaryKo { get; set; }
        [Display(Name = "Incubator.App.SummaryEn")] public string? SummaryEn { get; set; }
        [Display(Name = "Incubator.App.Link")] public string? Link { get; set; }
        [Display(Name = "Incubator.App.Datasets")] public List<string> Datasets { get; set; } = [];
        [Display(Name = "Incubator.App.Resident")] public string? Resident { get; set; }
        [Display(Name = "Incubator.App.Published")] public bool Published { get; set; }
    }
}
