using System.Security.Claims;
using CityHall.Web.Modules.Developers.Keys;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Developers.Portal;

/// <summary>
/// A developer's apps and their keys: make a key for an app with the scopes it needs (those the person may give),
/// see each key's calls by day for the last <see cref="UsageDays"/> days as a chart and a table, rotate a key (the old
/// one keeps working for the overlap) or revoke it. A new or rotated key is shown once, in a response no cache keeps.
/// </summary>
[Authorize]
public sealed class KeysModel(DeveloperKeys keys, AppDbContext db, CityClock clock, IStringLocalizer<Text> t) : PageModel
{
    public const int UsageDays = 14;

    [BindProperty] public KeyInput Input { get; set; } = new();

    public IReadOnlyList<DeveloperKey> Keys { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ScopeItems { get; private set; } = [];
    /// <summary>Each key's calls (and calls refused for its rate) by day, oldest first, over the last days.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<(DateOnly Day, long Calls, long Limited)>> Usage { get; private set; } = new Dictionary<long, IReadOnlyList<(DateOnly, long, long)>>();
    public string? IssuedKey { get; private set; }
    public string? IssuedFor { get; private set; }
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var allowed = (await keys.ScopesForAsync(User)).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var name = Input.AppName?.Trim() ?? "";
        if (name.Length == 0 || name.Length > DeveloperKey.AppNameMax) ModelState.AddModelError("Input.AppName", t["Developers.Keys.Error.Name", DeveloperKey.AppNameMax]);
        if (Input.Scopes.Count == 0 || Input.Scopes.Any(s => !allowed.Contains(s))) ModelState.AddModelError("Input.Scopes", t["Developers.Keys.Error.Scopes"]);
        if (ModelState.IsValid)
        {
            IssuedKey = await keys.IssueAsync(User, name, Input.Scopes.Distinct().ToList(), ct);
            if (IssuedKey is null) ModelState.AddModelError("Input.AppName", t["Developers.Keys.Error.TooMany"]);
            else
            {
                IssuedFor = name;
                Input = new();
                ModelState.Clear();
            }
        }
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync([FromQuery(Name = "id")] long id, CancellationToken ct)
    {
        if (await keys.RotateAsync(User, id, ct) is not { } secret) return NotFound();
        IssuedKey = secret;
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
        IssuedFor = Keys.First(k => k.Id == id).AppName;
        Done = t["Developers.Keys.Rotated", IssuedFor];
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync([FromQuery(Name = "id")] long id, CancellationToken ct)
    {
        if (!await keys.RevokeAsync(User, id, ct)) return NotFound();
        await LoadAsync(ct);
        Done = t["Developers.Keys.Revoked", Keys.First(k => k.Id == id).AppName];
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var owner = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Keys = await keys.OfOwnerAsync(owner, ct);
        ScopeItems = [.. (await keys.ScopesForAsync(User)).Select(s => new SelectListItem($"{s.Code} — {t[s.DescriptionKey]}", s.Code))];
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var since = clock.FromLocal(today.AddDays(1 - UsageDays).ToDateTime(TimeOnly.MinValue)).UtcDateTime;
        var ids = Keys.Select(k => k.Id).ToList();
        var rows = await db.Set<DeveloperKeyUsage>().AsNoTracking().Where(u => ids.Contains(u.KeyId) && u.Hour >= since)
            .Select(u => new { u.KeyId, u.Hour, u.Calls, u.Limited }).ToListAsync(ct);
        // Each hour's counts on the city's day it falls in, then every day of the last ones (a day without calls shows 0).
        var byDay = rows.GroupBy(r => (r.KeyId, Day: DateOnly.FromDateTime(clock.ToLocal(new DateTimeOffset(r.Hour, TimeSpan.Zero)).DateTime)))
            .ToDictionary(g => g.Key, g => (Calls: g.Sum(r => r.Calls), Limited: g.Sum(r => r.Limited)));
        var days = Enumerable.Range(1 - UsageDays, UsageDays).Select(today.AddDays).ToList();
        Usage = ids.ToDictionary(id => id, id => (IReadOnlyList<(DateOnly, long, long)>)
            [.. days.Select(day => byDay.GetValueOrDefault((id, day)) is var c ? (day, c.Calls, c.Limited) : default)]);
    }

    public sealed class KeyInput
    {
        [Display(Name = "Developers.Keys.AppName")] public string? AppName { get; set; }
        [Display(Name = "Developers.Keys.Scopes")] public List<string> Scopes { get; set; } = [];
    }
}
