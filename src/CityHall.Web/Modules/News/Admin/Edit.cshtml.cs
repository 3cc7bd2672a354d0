using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Modules.News.Attachments;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.News.Admin;

/// <summary>
/// Writing a post: its kind (those the writer may write), its department (theirs), the districts it concerns (none: the
/// whole city), texts in Korean and optionally English (Markdown), and when it appears — kept as a draft, at once, or at
/// a set time in the city's clock (an embargo: nothing of it is public before). An official notice also has its legal
/// basis and period, and "publish" submits it to a second person, who approves (numbering and publishing it) or returns
/// it from this page; once approved it is sealed, and a mistake is mended by a correction written from it.
/// Another department's post is not found. Every save, approval and return is audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + NewsModule.StaffAny)]
public sealed class EditModel(AppDbContext db, AuditLog audit, CityClock cityClock, TimeProvider clock, OfficialNotices notices,
    PermissionHolders holders, Platform.Notifications.Notifier notifier, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public PostInput Input { get; set; } = new();

    public NewsPost? Existing { get; private set; }
    /// <summary>The published notice a new correction corrects, or the one the existing post corrects.</summary>
    public NewsPost? Corrected { get; private set; }
    /// <summary>The published correction of the existing notice, if any.</summary>
    public NewsPost? CorrectedBy { get; private set; }
    public IReadOnlyList<Attachments.AttachmentSummary> Files { get; private set; } = [];
    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Districts { get; private set; } = [];
    public IReadOnlyList<SelectListItem> WhenItems { get; private set; } = [];
    public DateTime Now { get; private set; }
    public bool MayChange => Existing is null || NewsAccess.MayChange(User, Existing);
    public bool MayApprove => Existing is { } post && OfficialNotices.MayApprove(User, post);
    public bool MayWriteNotices => NewsAccess.MayWrite(User, NewsKind.Notice);

    /// <summary>"new" (0), a post's id, or not a page (-1).</summary>

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery] long? corrects, CancellationToken ct)
    {
        if (await LoadAsync(EditRoutes.IdOf(id), ct) is { } missing) return missing;
        if (Existing is { } post) Input = PostInput.From(post, cityClock, Now);
        else if (corrects is { } originalId)
        {
            if (await CorrectableAsync(originalId, ct) is not { } original) return NotFound();
            Input = PostInput.CorrectionOf(original, t);
        }
        else
        {
            if (!KindItems.Any()) return Forbid();
            Input.Kind = Enum.GetValues<NewsKind>().First(k => NewsAccess.MayWrite(User, k));
            Input.Department = DepartmentItems.Count > 0 ? DepartmentItems[0].Value : "";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var input = Input;
        var postId = EditRoutes.IdOf(id);
        if (await LoadAsync(postId, ct) is { } missing) return missing;
        // An approver who does not write this kind sees the page to approve it, but may not change it.
        if (!MayChange) return Forbid();
        Input = input;
        if (Existing is { IsSealed: true })
        {
            // What was approved stays as approved: the page shows the record again, with the way to correct it.
            ModelState.AddModelError("", t["News.Notice.Error.Sealed"]);
            Input = PostInput.From(Existing, cityClock, Now);
            return Page();
        }
        Input.Validate(ModelState, t, Now, cityClock);
        if (!Enum.IsDefined(Input.Kind) || !NewsAccess.MayWrite(User, Input.Kind)) ModelState.AddModelError("Input.Kind", t["News.Error.Kind"]);
        if (!DepartmentItems.Any(d => d.Value == Input.Department)) ModelState.AddModelError("Input.Department", t["News.Error.Department"]);
        var known = Districts.Select(d => d.Value).ToHashSet(StringComparer.Ordinal);
        if (Input.Districts.Any(d => !known.Contains(d))) ModelState.AddModelError("Input.Districts", t["News.Error.District"]);
        // A post the public has read cannot turn into a notice waiting for approval (it would vanish from the site).
        if (Existing is { } shown && shown.IsPublicAt(Now) && shown.Kind != NewsKind.Notice && Input.Kind == NewsKind.Notice)
            ModelState.AddModelError("Input.Kind", t["News.Notice.Error.FromPublic"]);
        await CheckCorrectionAsync(ct);
        if (!ModelState.IsValid) return Page();

        var now = Now;
        var post = Existing is null
            ? db.Add(new NewsPost { DepartmentCode = Input.Department, TitleKo = "", BodyKo = "", CreatedBy = User.Identity!.Name ?? "", CreatedAt = now }).Entity
            : await db.Set<NewsPost>().SingleAsync(p => p.Id == postId, ct);
        var before = Existing is null ? null : new { Existing.Kind, Existing.DepartmentCode, Existing.Districts, Existing.TitleKo, Existing.PublishAt, Existing.SubmittedAt };
        Input.ApplyTo(post, cityClock, now, User.Identity!.Name ?? "");
        post.UpdatedAt = now;
        post.Revision++;
        // The post and the approvers' notice are saved together (the notice's link needs the post's id first).
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            if (post.IsSubmitted && Existing?.IsSubmitted != true)
            {
                await TellApproversAsync(post, ct);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        var action = Existing is null ? "news.post.create" : "news.post.edit";
        await audit.RecordAsync(User, post.IsSubmitted ? action + ".submit" : action, "news-post", post.Id.ToString(CultureInfo.InvariantCulture),
            new { before, after = new { post.Kind, post.DepartmentCode, post.Districts, post.TitleKo, post.PublishAt, post.SubmittedAt, post.CorrectsId } }, ct);
        return Redirect($"/admin/news/{post.Id}?saved=1");
    }

    /// <summary>
    /// A notice newly waiting is told to those of its department who may approve it (not the one who submitted it), in
    /// the app and by e-mail as their accounts ask.
    /// </summary>
    private async Task TellApproversAsync(NewsPost post, CancellationToken ct)
    {
        var me = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var approvers = (await holders.InDepartmentAsync(NewsModule.ApproveNotices, post.DepartmentCode, ct)).Where(id => id != me).ToList();
        if (approvers.Count == 0) return;
        await notifier.ToUsersAsync(approvers, () => (t["News.Notice.Waiting.Title", post.TitleKo].Value, t["News.Notice.Waiting.Body", User.Identity?.Name ?? ""].Value),
            $"/admin/news/{post.Id}", ct);
    }

    /// <summary>The second person approves the submission they read: it gets its number and is published (or scheduled).</summary>
    public async Task<IActionResult> OnPostApproveAsync(string id, int version, CancellationToken ct)
    {
        var postId = EditRoutes.IdOf(id);
        if (postId <= 0 || await LoadAsync(postId, ct) is not null) return NotFound();
        if (!MayApprove) return Forbid();
        // The page's own form was bound too (it binds on every post); only this handler's fields count here.
        ModelState.Clear();
        var (refusal, notice) = await notices.ApproveAsync(postId, version, User.Identity!.Name ?? "", ct);
        if (refusal is { } why) return await RefusedAsync(why, postId, ct);
        await audit.RecordAsync(User, "news.notice.approve", "news-post", id,
            new { number = OfficialNotices.Number(notice!), notice!.DepartmentCode, notice.PublishAt, notice.SubmittedBy }, ct);
        return Redirect($"/admin/news/{postId}?approved=1");
    }

    /// <summary>The second person sends the submission back, saying why; the writers can change it and submit again.</summary>
    public async Task<IActionResult> OnPostReturnAsync(string id, int version, string? reason, CancellationToken ct)
    {
        var postId = EditRoutes.IdOf(id);
        if (postId <= 0 || await LoadAsync(postId, ct) is not null) return NotFound();
        if (!MayApprove) return Forbid();
        ModelState.Clear();
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
        {
            ModelState.AddModelError("reason", t[string.IsNullOrEmpty(reason) ? "News.Notice.Error.Reason" : "News.Notice.Error.ReasonLong"]);
            Input = PostInput.From(Existing!, cityClock, Now);
            return Page();
        }
        if (await notices.ReturnAsync(postId, version, reason, ct) is { } why) return await RefusedAsync(why, postId, ct);
        await audit.RecordAsync(User, "news.notice.return", "news-post", id, new { reason }, ct);
        return Redirect($"/admin/news/{postId}?returned=1");
    }

    private async Task<IActionResult> RefusedAsync(OfficialNotices.Refusal why, long postId, CancellationToken ct)
    {
        await LoadAsync(postId, ct);
        ModelState.AddModelError("", t["News.Notice.Refusal." + why]);
        Input = PostInput.From(Existing!, cityClock, Now);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken ct)
    {
        var postId = EditRoutes.IdOf(id);
        if (postId <= 0 || await LoadAsync(postId, ct) is not null) return NotFound();
        if (!MayChange) return Forbid();
        // A post once public stays on the record (links and feeds point to it), and so does an approved notice's
        // number: only drafts, embargoes and notices not yet approved can go.
        if (Existing!.IsPublicAt(Now) || Existing.IsSealed) return BadRequest();
        db.Remove(await db.Set<NewsPost>().SingleAsync(p => p.Id == postId, ct));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "news.post.delete", "news-post", postId.ToString(CultureInfo.InvariantCulture), new { Existing.TitleKo, Existing.PublishAt }, ct);
        return Redirect("/admin/news");
    }

    /// <summary>
    /// A notice one may correct: published, of a department the writer acts for, and not corrected yet (a second
    /// mistake is mended by correcting the correction, so the chain stays one line).
    /// </summary>
    private async Task<NewsPost?> CorrectableAsync(long id, CancellationToken ct)
    {
        if (!MayWriteNotices) return null;
        var original = await NewsAccess.Visible(db.Set<NewsPost>().AsNoTracking(), User).PublishedBy(Now)
            .FirstOrDefaultAsync(p => p.Id == id && p.Kind == NewsKind.Notice, ct);
        if (original is null) return null;
        Corrected = original;
        return await db.Set<NewsPost>().PublishedBy(Now).AnyAsync(p => p.CorrectsId == id, ct) ? null : original;
    }

    private async Task CheckCorrectionAsync(CancellationToken ct)
    {
        if (Input.Corrects is not { } originalId) return;
        if (Input.Kind != NewsKind.Notice) ModelState.AddModelError("Input.Kind", t["News.Notice.Error.CorrectionKind"]);
        else if (await CorrectableAsync(originalId, ct) is not { } original) ModelState.AddModelError("", t["News.Notice.Error.NotCorrectable"]);
        else if (original.DepartmentCode != Input.Department) ModelState.AddModelError("Input.Department", t["News.Notice.Error.CorrectionDepartment"]);
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        if (id < 0) return NotFound();
        Now = clock.GetUtcNow().UtcDateTime;
        if (id > 0)
        {
            // Another department's post, or one the user may neither change nor approve, is not found rather than forbidden.
            Existing = await NewsAccess.Visible(db.Set<NewsPost>().AsNoTracking(), User).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (Existing is null || !(NewsAccess.MayChange(User, Existing) || OfficialNotices.MayApprove(User, Existing))) return NotFound();
            if (Existing.CorrectsId is { } originalId) Corrected = await db.Set<NewsPost>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == originalId, ct);
            CorrectedBy = (await OfficialNotices.CorrectionsOfAsync(db, [Existing.Id], Now, ct)).GetValueOrDefault(Existing.Id);
            Files = await db.Set<Attachments.NewsAttachment>().Where(a => a.PostId == id).Summaries().ToListAsync(ct);
        }
        var culture = CultureInfo.CurrentUICulture;
        KindItems = Enum.GetValues<NewsKind>().Where(k => NewsAccess.MayWrite(User, k)).Select(k => new SelectListItem(t["News.Kind." + k].Value, k.ToString())).ToList();
        DepartmentItems = await DepartmentChoices.ItemsAsync(db, include: User.ActsForDepartment, ct: ct);
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
    [Display(Name = "News.Field.LegalBasis"), StringLength(1000, ErrorMessage = "Form.TooLong")] public string? LegalBasis { get; set; }
    [Display(Name = "News.Field.PeriodFrom")] public DateOnly? PeriodFrom { get; set; }
    [Display(Name = "News.Field.PeriodTo")] public DateOnly? PeriodTo { get; set; }
    /// <summary>The notice this one corrects (a hidden field of a correction's form).</summary>
    public long? Corrects { get; set; }

    public void Validate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer<Text> t, DateTime now, CityClock clock)
    {
        if (!Enum.IsDefined(When)) state.AddModelError("Input.When", t["News.Error.When"]);
        if (When == PublishWhen.At && !Unread(state, "Input.PublishAt"))
        {
            if (PublishAt is not { } at) state.AddModelError("Input.PublishAt", t["News.Error.PublishAt"]);
            // 0001-01-01 in Seoul is before the calendar's first instant in UTC: no time the city publishes at.
            else if (at.Year is < 1900 or > 9000) state.AddModelError("Input.PublishAt", t["News.Notice.Error.PeriodYear"]);
            else if (clock.FromLocal(at).UtcDateTime <= now) state.AddModelError("Input.PublishAt", t["News.Error.PublishAtPast"]);
        }
        if (Kind == NewsKind.Notice) ValidateNotice(state, t);
    }

    /// <summary>A value the binder could not read has its own message already.</summary>
    private static bool Unread(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string key) =>
        state.GetFieldValidationState(key) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;

    /// <summary>A notice says under which law it is made and for how long it is posted, first day before last.</summary>
    private void ValidateNotice(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer<Text> t)
    {
        if (string.IsNullOrWhiteSpace(LegalBasis)) state.AddModelError("Input.LegalBasis", t["News.Notice.Error.LegalBasis"]);
        if (PeriodFrom is null && !Unread(state, "Input.PeriodFrom")) state.AddModelError("Input.PeriodFrom", t["News.Notice.Error.PeriodFrom"]);
        if (PeriodTo is null && !Unread(state, "Input.PeriodTo")) state.AddModelError("Input.PeriodTo", t["News.Notice.Error.PeriodTo"]);
        if (PeriodFrom is { } from && from.Year is < 1900 or > 9000) state.AddModelError("Input.PeriodFrom", t["News.Notice.Error.PeriodYear"]);
        else if (PeriodTo is { } to && to.Year is < 1900 or > 9000) state.AddModelError("Input.PeriodTo", t["News.Notice.Error.PeriodYear"]);
        else if (PeriodFrom is { } first && PeriodTo is { } last && last < first) state.AddModelError("Input.PeriodTo", t["News.Notice.Error.PeriodOrder"]);
    }

    public void ApplyTo(NewsPost post, CityClock clock, DateTime now, string writer)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        (post.Kind, post.DepartmentCode, post.TitleKo, post.TitleEn, post.BodyKo, post.BodyEn) =
            (Kind, Department, TitleKo.Trim(), Clean(TitleEn), BodyKo.Trim(), Clean(BodyEn));
        var districts = Districts.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        post.Districts = districts.Count == 0 ? null : string.Join(',', districts);
        DateTime? time = When switch
        {
            PublishWhen.Draft => null,
            // Saving a post already public again keeps the time it appeared.
            PublishWhen.Now => post.PublishAt is { } at && at <= now ? at : now,
            _ => clock.FromLocal(PublishAt!.Value).UtcDateTime,
        };
        if (Kind != NewsKind.Notice)
        {
            post.PublishAt = time;
            (post.LegalBasis, post.PeriodFrom, post.PeriodTo, post.CorrectsId) = (null, null, null, null);
            (post.SubmittedBy, post.SubmittedAt, post.RequestedAt, post.ReturnReason) = (null, null, null, null);
            return;
        }
        // A notice is published by its approval only: "publish" asks for it, now or at the time given; a draft
        // withdraws a submission. Saving again submits again, so the approver approves what they last read.
        (post.LegalBasis, post.PeriodFrom, post.PeriodTo, post.CorrectsId) = (LegalBasis!.Trim(), PeriodFrom, PeriodTo, Corrects);
        post.PublishAt = null;
        if (When == PublishWhen.Draft) (post.SubmittedBy, post.SubmittedAt, post.RequestedAt) = (null, null, null);
        else (post.SubmittedBy, post.SubmittedAt, post.RequestedAt, post.ReturnReason) = (writer, now, When == PublishWhen.At ? time : null, null);
    }

    public static PostInput From(NewsPost post, CityClock clock, DateTime now) => new()
    {
        Kind = post.Kind, Department = post.DepartmentCode, Districts = [.. post.DistrictCodes], TitleKo = post.TitleKo, TitleEn = post.TitleEn,
        BodyKo = post.BodyKo, BodyEn = post.BodyEn,
        LegalBasis = post.LegalBasis, PeriodFrom = post.PeriodFrom, PeriodTo = post.PeriodTo, Corrects = post.CorrectsId,
        When = WhenOf(post, now),
        PublishAt = (post.PublishAt ?? post.RequestedAt) is { } time && time > now ? clock.ToLocal(new DateTimeOffset(time, TimeSpan.Zero)).DateTime : null,
    };

    private static PublishWhen WhenOf(NewsPost post, DateTime now)
    {
        // A notice waiting for approval, or returned, shows the publication asked for.
        var at = post.PublishAt ?? (post.IsSubmitted || post.ReturnReason is not null ? post.RequestedAt ?? now : null);
        return at is null ? PublishWhen.Draft : at <= now ? PublishWhen.Now : PublishWhen.At;
    }

    /// <summary>
    /// A correction starts as the notice it corrects, marked so in its titles (each title's mark in its own language),
    /// for the writer to mend.
    /// </summary>
    public static PostInput CorrectionOf(NewsPost original, IStringLocalizer<Text> t)
    {
        string Marked(string culture, string title) =>
            InCulture.Run(CultureInfo.GetCultureInfo(culture), () => t["News.Notice.CorrectionMark", title].Value);
        return new()
        {
            Kind = NewsKind.Notice, Department = original.DepartmentCode, Districts = [.. original.DistrictCodes],
            TitleKo = Marked("ko-KR", original.TitleKo), TitleEn = original.TitleEn is { } en ? Marked("en-US", en) : null,
            BodyKo = original.BodyKo, BodyEn = original.BodyEn, LegalBasis = original.LegalBasis,
            PeriodFrom = original.PeriodFrom, PeriodTo = original.PeriodTo, Corrects = original.Id,
        };
    }
}
