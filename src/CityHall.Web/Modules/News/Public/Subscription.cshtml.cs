using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.News.Subscriptions;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.News.Public;

/// <summary>
/// A citizen's daily digest: the kinds, departments and districts they follow, saved or stopped. Following nothing
/// is stopping, said so rather than saved as an empty subscription; what the city does not know is refused.
/// </summary>
[Authorize]
public sealed class SubscriptionModel(AppDbContext db, TimeProvider clock, IOptionsMonitor<NewsOptions> options, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public List<string> Kinds { get; set; } = [];
    [BindProperty] public List<string> Departments { get; set; } = [];
    [BindProperty] public List<string> Districts { get; set; } = [];

    public bool Subscribed { get; private set; }
    public int DigestHour => options.CurrentValue.DigestHour;
    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (await db.Set<NewsSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == UserId, ct) is { } mine)
        {
            Subscribed = true;
            (Kinds, Departments, Districts) = ([.. NewsSubscription.Split(mine.Kinds)], [.. NewsSubscription.Split(mine.Departments)], [.. NewsSubscription.Split(mine.Districts)]);
        }
        else if (User.FindFirst(PermissionClaims.HomeDistrict)?.Value is { } home)
        {
            // A first visit suggests the citizen's own district.
            Districts = [home];
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        static bool Known(List<string> chosen, IReadOnlyList<SelectListItem> items) => chosen.All(c => items.Any(i => i.Value == c));
        if (!Known(Kinds, KindItems)) ModelState.AddModelError(nameof(Kinds), t["News.Subscription.Error.Unknown"]);
        if (!Known(Departments, DepartmentItems)) ModelState.AddModelError(nameof(Departments), t["News.Subscription.Error.Unknown"]);
        if (!Known(Districts, DistrictItems)) ModelState.AddModelError(nameof(Districts), t["News.Subscription.Error.Unknown"]);
        if (ModelState.IsValid && Kinds.Count + Departments.Count + Districts.Count == 0) ModelState.AddModelError(nameof(Kinds), t["News.Subscription.Error.Nothing"]);
        Subscribed = await db.Set<NewsSubscription>().AnyAsync(s => s.UserId == UserId, ct);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var mine = await db.Set<NewsSubscription>().FirstOrDefaultAsync(s => s.UserId == UserId, ct)
            ?? db.Add(new NewsSubscription { UserId = UserId, CreatedAt = now, SentThrough = now, UnsubscribeToken = NewsSubscription.NewToken() }).Entity;
        (mine.Kinds, mine.Departments, mine.Districts) = (NewsSubscription.Join(Kinds), NewsSubscription.Join(Departments), NewsSubscription.Join(Districts));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!Subscribed)
        {
            // The same person saved twice at once (two tabs): the other request made the subscription, which stands.
        }
        return Redirect("/news/subscription?saved=1");
    }

    public async Task<IActionResult> OnPostStopAsync(CancellationToken ct)
    {
        await db.Set<NewsSubscription>().Where(s => s.UserId == UserId).ExecuteDeleteAsync(ct);
        return Redirect("/news/subscription?stopped=1");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var order = StringComparer.Create(culture, false);
        KindItems = Enum.GetValues<NewsKind>().Select(k => new SelectListItem(t["News.Kind." + k].Value, NewsPosts.Slug(k))).ToList();
        DepartmentItems = await DepartmentChoices.ItemsAsync(db, ct: ct);
        DistrictItems = (await DistrictChoices.NamesAsync(db)).OrderBy(d => d.Value, order).Select(d => new SelectListItem(d.Value, d.Key)).ToList();
    }
}
