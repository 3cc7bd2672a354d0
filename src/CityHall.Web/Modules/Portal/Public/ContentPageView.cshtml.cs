using System.Globalization;

namespace CityHall.Web.Modules.Portal.Public;

public sealed class ContentPageViewModel(AppDbContext db, MarkdownRenderer markdown) : PageModel
{
    public string Title { get; private set; } = "";
    public string BodyHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var page = await db.Set<ContentPage>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug);
        if (page is null) return NotFound();
        Title = page.Title(CultureInfo.CurrentUICulture);
        BodyHtml = markdown.ToHtml(page.Body(CultureInfo.CurrentUICulture));
        return Page();
    }
}
