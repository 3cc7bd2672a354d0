using System.Globalization;
using CityHall.Web.Modules.News.Attachments;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.News.Public;

/// <summary>One post, once published (before its time it is not found, whoever asks: staff see it on their own page).</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Platform.Web.OutputCaching.PublicShort)]
public sealed class DetailModel(AppDbContext db, TimeProvider clock, OfficialNotices notices) : PageModel
{
    /// <summary>For a notice: where it stands, the notice it corrects and the correction that replaced it (both published).</summary>
    public NoticeStatus? Status { get; private set; }
    public NewsPost? Corrects { get; private set; }
    public NewsPost? CorrectedBy { get; private set; }
    public IReadOnlyList<Attachments.AttachmentSummary> Files { get; private set; } = [];
    public NewsPictureInfo? Picture { get; private set; }

    public NewsPost Post { get; private set; } = null!;
    public string DepartmentName { get; private set; } = "";
    public IReadOnlyList<string> DistrictNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Set<NewsPost>().AsNoTracking().PublishedBy(now).FirstOrDefaultAsync(p => p.Id == id, ct) is not { } post) return NotFound();
        Post = post;
        var culture = CultureInfo.CurrentUICulture;
        DepartmentName = (await db.Set<Department>().AsNoTracking().FirstOrDefaultAsync(d => d.Code == post.DepartmentCode, ct))?.Name(culture) ?? post.DepartmentCode;
        var districts = await DistrictChoices.NamesAsync(db);
        DistrictNames = post.DistrictCodes.Select(c => districts.GetValueOrDefault(c, c)).ToList();
        Picture = await NewsPictures.OfAsync(db, post.Id, ct);
        Files = await db.Set<Attachments.NewsAttachment>().Where(a => a.PostId == post.Id).Summaries().ToListAsync(ct);
        if (post.Kind == NewsKind.Notice)
        {
            CorrectedBy = (await OfficialNotices.CorrectionsOfAsync(db, [post.Id], now, ct)).GetValueOrDefault(post.Id);
            if (post.CorrectsId is { } original) Corrects = await db.Set<NewsPost>().AsNoTracking().PublishedBy(now).FirstOrDefaultAsync(p => p.Id == original, ct);
            Status = OfficialNotices.StatusOn(post, notices.Today, CorrectedBy is not null);
        }
        return Page();
    }
}
