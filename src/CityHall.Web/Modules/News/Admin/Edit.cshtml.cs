using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.News.Admin;

/// <summary>
/// Writing a post: its kind (those the writer may write), its department (theirs), the districts it concerns (none: the
/// whole city), texts in Korean and optionally English (Markdown), and when it appears — kept as a draft, at once, or at
/// a set time in the city's clock (an embargo: nothing of it is public before). Another department's post is not found.
/// Every save is audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + NewsModule.WriteAny)]
public sealed class EditModel(AppDbContext db, AuditLog audit, CityClock cityClock, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public PostInput Input { get; set; } = new();

    public NewsPost? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Districts { get; private set; } = [];
    public IReadOnlyList<SelectListItem> WhenItems { get; private set; } = [];
    public DateTime Now { get; private set; }

    /// <summary>"new" (0), a post's id, or not a page (-1).</summary>
    private static long IdOf(string id) => id == "new" ? 0 : long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(IdOf(id), ct) is { } missing) return missing;
        if (Existing is { } post) Input = PostInput.From(post, cityClock, Now);
        else
        {
            Input.Kind = Enum.GetValues<NewsKind>().First(k => NewsAccess.MayWrite(User, k));
            Input.Department = DepartmentItems.Count > 0 ? DepartmentItems[0].Value : "";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var input = Input;
        var postId = IdOf(id);
        if (await LoadAsync(postId, ct) is { } missing) return missing;
        Input = input;
        Input.Validate(ModelState, t, Now, cityClock);
        if (!Enum.IsDefined(Input.Kind) || !NewsAccess.MayWrite(User, Input.Kind)) ModelState.AddModelError("Input.Kind", t["News.Error.Kind"]);
        if (!DepartmentItems.Any(d => d.Value == Input.Department)) ModelState.AddModelError("Input.Department", t["News.Error.Department"]);
        var known = Districts.Select(d => d.Value).ToHashSet(StringComparer.Ordinal);
        if (Input.Districts.Any(d => !known.Contains(d))) ModelState.AddModelError("Input.Districts", t["News.Error.District"]);
        if (!ModelState.IsValid) return Page();

        var now = Now;
        var post = Existing is null
            ? db.Add(new NewsPost { DepartmentCode = Input.Department, TitleKo = "", BodyKo = "", CreatedBy = User.Identity!.Name ?? "", CreatedAt = now }).Entity
            : await db.Set<NewsPost>().SingleAsync(p => p.Id == postId, ct);
        var before = Existing is null ? null : new { Existing.Kind, Existing.DepartmentCode, Existing.Districts, Existing.TitleKo, Existing.PublishAt };
        Input.ApplyTo(post, cityClock, now);
        post.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, Existing is null ? "news.post.create" : "news.post.edit", "news-post", post.Id.ToString(CultureInfo.InvariantCulture),
            new { before, after = new { post.Kind, post.DepartmentCode, post.Districts, post.TitleKo, post.PublishAt } }, ct);
        return Redirect($"/admin/news/{post.Id}?saved=1");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken ct)
    {
        var postId = IdOf(id);
        if (postId <= 0 || await LoadAsync(postId, ct) is not null) return NotFound();
        // A post once public stays on the record (links and feeds point to it): only drafts and embargoes can go.
        if (Existing!.IsPublicAt(Now)) return BadRequest();
        db.Remove(await db.Set<NewsPost>().SingleAsync(p => p.Id == postId, ct));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "news.post.delete", "news-post", postId.ToString(CultureInfo.InvariantCulture), new { Existing.TitleKo, Existing.PublishAt }, ct);
        return Redirect("/admin/news");
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        if (id < 0) return NotFound();
        Now = clock.GetUtcNow().UtcDateTime;
        if (id > 0)
        {
            // Another department's post, or one of a kind the writer may not write, is not found rather than forbidden.
            Existing = await NewsAccess.Visible(db.Set<NewsPost>().AsNoTracking(), User).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (Existing is null || !NewsAccess.MayChange(User, Existing)) return NotFound();
        }
        var culture = CultureInfo.CurrentUICulture;
        KindItems = Enum.GetValues<NewsKind>().Where(k => NewsAccess.MayWrite(User, k)).Select(k => new SelectListItem(t["News.Kind." + k].Value, k.ToString())).ToList();
        var departments = await db.Set<Department>().AsNoTracking().ToListAsync(ct);
        DepartmentItems = departments.Where(d => User.ActsForDepartment(d.Code)).OrderBy(d => d.Name(culture), StringComparer.Create(culture, false))
            .Select(d => new SelectListItem(d.Name(culture), d.Code)).ToList();
        Districts = (await DistrictChoices.NamesAsync(db)).OrderBy(d => d.Value, StringComparer.Create(culture, false)).Select(d => new SelectListItem(d.Value, d.Key)).ToList();
        WhenItems = Enum.GetValues<PublishWhen>().Select(w => new SelectListItem(t["News.When." + w].Value, w.ToString())).ToList();
        return null;
    }
}

public enum PublishWhen { Draft, Now, At }

public sealed class PostInput
{
    [Display(Name = "News.Field.Kind")] public NewsKind Kind { get; set; }
    [Display(Name = "News.Field.Department")] public string Department { get; set; } = "";
    public List<string> Districts { get; set; } = [];
    [Display(Name = "News.Field.TitleKo"), Required(ErrorMessage = "News.Error.Title"), StringLength(300, ErrorMessage = "Form.TooLong")]
    public string TitleKo { get; set; } = "";
    [Display(Name = "News.Field.TitleEn"), StringLength(300, ErrorMessage = "Form.TooLong")] public string? TitleEn { get; set; }
    [Display(Name = "News.Field.BodyKo"), Required(ErrorMessage = "News.Error.Body"), StringLength(50_000, ErrorMessage = "Form.TooLong")]
    public string BodyKo { get; set; } = "";
    [Display(Name = "News.Field.BodyEn"), StringLength(50_000, ErrorMessage = "Form.TooLong")] public string? BodyEn { get; set; }
    [Display(Name = "News.Field.When")] public PublishWhen When { get; set; } = PublishWhen.Draft;
    [Display(Name = "News.Field.PublishAt")] public DateTime? PublishAt { get; set; }

    public void Validate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer<Text> t, DateTime now, CityClock clock)
    {
        if (!Enum.IsDefined(When)) state.AddModelError("Input.When", t["News.Error.When"]);
        // A time the binder could not read has its own message already.
        var unread = state.GetFieldValidationState("Input.PublishAt") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
        if (When == PublishWhen.At && !unread)
        {
            if (PublishAt is not { } at) state.AddModelError("Input.PublishAt", t["News.Error.PublishAt"]);
            else if (clock.FromLocal(at).UtcDateTime <= now) state.AddModelError("Input.PublishAt", t["News.Error.PublishAtPast"]);
        }
    }

    public void ApplyTo(NewsPost post, CityClock clock, DateTime now)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        (post.Kind, post.DepartmentCode, post.TitleKo, post.TitleEn, post.BodyKo, post.BodyEn) =
            (Kind, Department, TitleKo.Trim(), Clean(TitleEn), BodyKo.Trim(), Clean(BodyEn));
        var districts = Districts.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        post.Districts = districts.Count == 0 ? null : string.Join(',', districts);
        post.PublishAt = When switch
        {
            PublishWhen.Draft => null,
            // Saving a post already public again keeps the time it appeared.
            PublishWhen.Now => post.PublishAt is { } at && at <= now ? at : now,
            _ => clock.FromLocal(PublishAt!.Value).UtcDateTime,
        };
    }

    public static PostInput From(NewsPost post, CityClock clock, DateTime now) => new()
    {
        Kind = post.Kind, Department = post.DepartmentCode, Districts = [.. post.DistrictCodes], TitleKo = post.TitleKo, TitleEn = post.TitleEn,
        BodyKo = post.BodyKo, BodyEn = post.BodyEn,
        When = post.PublishAt is not { } at ? PublishWhen.Draft : at <= now ? PublishWhen.Now : PublishWhen.At,
        PublishAt = post.PublishAt is { } time && time > now ? clock.ToLocal(new DateTimeOffset(time, TimeSpan.Zero)).DateTime : null,
    };
}
