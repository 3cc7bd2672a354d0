using System.Globalization;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Modules;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Portal.Public;

/// <summary>
/// A sector of the city (culture, participation, …): the services the modules offer in it, with live figures where
/// they have them, then the text staff wrote for it (the content page of the same code). A sector with no service
/// online yet says how to reach the city by phone instead of showing an empty page.
/// </summary>
[OutputCache(PolicyName = Platform.Web.OutputCaching.PublicShort)]
public sealed class SectorModel(IOptionsMonitor<CityOptions> city, ModuleRegistry modules, AppDbContext db, MarkdownRenderer markdown,
    IStringLocalizer<Text> t) : PageModel
{
    public sealed record Card(string Code, string Title, string Summary, string Href, string Icon, string? Live);

    public SectorSetting Sector { get; private set; } = null!;
    public IReadOnlyList<Card> Services { get; private set; } = [];
    public string? BodyHtml { get; private set; }
    public string Contact => city.CurrentValue.Contact.Current;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (city.CurrentValue.Sectors.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)) is not { } sector) return NotFound();
        Sector = sector;
        var cards = new List<Card>();
        foreach (var (_, service) in modules.ServicesIn(sector))
        {
            // One after another: the counts share the request's database context.
            var live = service.Live is { } figure && await figure.CountAsync(HttpContext.RequestServices, ct) is > 0 and var count
                ? t[figure.TextKey, count.ToString("N0", CultureInfo.CurrentCulture)].Value : null;
            cards.Add(new(service.Code, t[service.TitleKey], t[service.SummaryKey], service.Href, service.Icon, live));
        }
        Services = cards;
        if (await db.Set<ContentPage>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == sector.Code, ct) is { } page)
            BodyHtml = markdown.ToHtml(page.Body(CultureInfo.CurrentUICulture));
        return Page();
    }
}
