using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.Portal.Admin;

/// <summary>Staff edit a content page in both languages; each save is audited with what changed.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PortalModule.ManageContent)]
public sealed class EditPageModel(AppDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ContentPageInput Input { get; set; } = new();

    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var page = await db.Set<ContentPage>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug);
        if (page is null) return NotFound();
        Slug = slug;
        Input = new() { TitleKo = page.TitleKo, TitleEn = page.TitleEn, BodyKo = page.BodyKo, BodyEn = page.BodyEn };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        var page = await db.Set<ContentPage>().FirstOrDefaultAsync(p => p.Slug == slug);
        if (page is null) return NotFound();
        Slug = slug;
        if (!ModelState.IsValid) return Page();
        var changed = new List<string>();
        void Set(string name, string before, string after, Action<string> apply)
        {
            if (before == after) return;
            changed.Add(name);
            apply(after);
        }
        // The English fields are optional: left empty they bind as null and the page shows the Korean text.
        Set("titleKo", page.TitleKo, Input.TitleKo.Trim(), v => page.TitleKo = v);
        Set("titleEn", page.TitleEn, Input.TitleEn?.Trim() ?? "", v => page.TitleEn = v);
        Set("bodyKo", page.BodyKo, Input.BodyKo, v => page.BodyKo = v);
        Set("bodyEn", page.BodyEn, Input.BodyEn ?? "", v => page.BodyEn = v);
        if (changed.Count > 0)
        {
            page.UpdatedAt = clock.GetUtcNow();
            page.UpdatedBy = User.Identity?.Name;
            await audit.RecordAsync(User, "content-page.updated", nameof(ContentPage), slug, new { changed });
        }
        return Redirect($"/pages/{slug}");
    }
}

public sealed class ContentPageInput
{
    [Display(Name = "Field.TitleKo")]
    [Required(ErrorMessage = "Admin.Pages.TitleRequired")]
    [StringLength(200, ErrorMessage = "Admin.Pages.TitleTooLong")]
    public string TitleKo { get; set; } = "";

    [Display(Name = "Field.TitleEn")]
    [StringLength(200, ErrorMessage = "Admin.Pages.TitleTooLong")]
    public string? TitleEn { get; set; } = "";

    [Display(Name = "Field.BodyKo")]
    [Required(ErrorMessage = "Admin.Pages.BodyRequired")]
    [StringLength(50_000, ErrorMessage = "Admin.Pages.BodyTooLong")]
    public string BodyKo { get; set; } = "";

    [Display(Name = "Field.BodyEn")]
    [StringLength(50_000, ErrorMessage = "Admin.Pages.BodyTooLong")]
    public string? BodyEn { get; set; } = "";
}
