namespace CityHall.Web.Modules.Portal.Admin;

[Authorize(Policy = PermissionPolicyProvider.Prefix + PortalModule.ManageContent)]
public sealed class PagesModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<ContentPage> Items { get; private set; } = [];

    public async Task OnGetAsync() =>
        Items = await db.Set<ContentPage>().AsNoTracking().OrderBy(p => p.Slug).ToListAsync();
}
