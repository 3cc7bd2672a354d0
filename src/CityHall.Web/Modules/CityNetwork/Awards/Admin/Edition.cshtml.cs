using System.Globalization;
using CityHall.Web.Modules.CityNetwork.Admin;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.CityNetwork.Awards.Admin;

/// <summary>
/// One edition as the secretariat runs it: its categories, criteria and weights, the form's questions (per category and
/// applicant type), the jurors of each category, the entries (screening each submitted one), the step to the next phase,
/// and — once a round has closed — each category's ranking with the spread of the jurors' scores and outliers flagged.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class EditionModel(AppDbContext db, AwardEditions editions, AwardEntries entries, AuditLog audit, Countries countries,
    UserManager<CityHallUser> users, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public CategoryInput Category { get; set; } = new();
    [BindProperty] public QuestionInput Question { get; set; } = new();
    [BindProperty] public JurorInput Juror { get; set; } = new();
    [BindProperty(Name = "Weights")] public Dictionary<long, int> Weights { get; set; } = [];
    [TempData] public string? Refusal { get; set; }

    public AwardEdition Edition { get; private set; } = null!;
    public IReadOnlyList<AwardCategory> Categories { get; private set; } = [];
    public IReadOnlyList<AwardCriterion> Criteria { get; private set; } = [];
    public IReadOnlyList<AwardQuestion> Questions { get; private set; } = [];
    public IReadOnlyList<AwardJuror> Jurors { get; private set; } = [];
    public IReadOnlyList<AwardEntry> Entries { get; private set; } = [];
    /// <summary>The library case each winner became (entry id → case id), once made.</summary>
    public IReadOnlyDictionary<long, long> LibraryCases { get; private set; } = new Dictionary<long, long>();
    public Dictionary<long, IReadOnlyList<AwardRanking.Ranked>> Round1 { get; private set; } = [];
    public Dictionary<long, IReadOnlyList<AwardRanking.Ranked>> Round2 { get; private set; } = [];
    public IReadOnlyList<AwardTieBreak> TieBreaks { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CategoryItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> TypeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CountryItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> MemberItems { get; private set; } = [];

    public string CategoryName(long id) => Categories.FirstOrDefault(c => c.Id == id)?.DisplayName(CultureInfo.CurrentUICulture) ?? "";
    public string EntryTitle(long id) => Entries.FirstOrDefault(e => e.Id == id) is { } e ? $"{e.Reference} {e.Title} ({e.CityName})" : id.ToString(CultureInfo.InvariantCulture);
    public string JurorName(long id) => Jurors.FirstOrDefault(j => j.Id == id)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCategoryAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.CheckOnly("Category.");
        if (Edition.Phase != AwardPhase.Entries) ModelState.AddModelError("Category.Name", t["Network.Awards.Phase.Wrong"]);
        if (!ModelState.IsValid) return Page();
        var category = new AwardCategory
        {
            EditionId = id, Name = Category.Name.Trim(), NameKo = Clean(Category.NameKo), Description = Clean(Category.Description),
            ShortlistSize = Category.ShortlistSize, Winners = Category.Winners,
        };
        db.Add(category);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "network.award.category-add", "network-award-edition", id.ToString(CultureInfo.InvariantCulture), new { category.Id, category.Name }, ct);
        return Redirect($"/admin/network/awards/{id}?saved=true#categories");
    }

    /// <summary>The criteria's weights (whole numbers; what counts is each one's share of their sum), until the jury starts.</summary>
    public async Task<IActionResult> OnPostWeightsAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Edition.Phase != AwardPhase.Entries) Refusal = t["Network.Awards.Phase.Wrong"];
        else if (Weights.Count != Criteria.Count || Criteria.Any(c => !Weights.TryGetValue(c.Id, out var w) || w < 0 || w > 100) || Weights.Values.Sum() == 0)
            Refusal = t["Network.Awards.Error.Weights"];
        else
        {
            var criteria = await db.Set<AwardCriterion>().Where(c => c.EditionId == id).ToListAsync(ct);
            var before = criteria.ToDictionary(c => c.Code, c => c.Weight);
            foreach (var c in criteria) c.Weight = Weights[c.Id];
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(User, "network.award.weights", "network-award-edition", id.ToString(CultureInfo.InvariantCulture),
                new { before, after = criteria.ToDictionary(c => c.Code, c => c.Weight) }, ct);
        }
        return Redirect($"/admin/network/awards/{id}{(Refusal is null ? "?saved=true" : "")}#criteria");
    }

    public async Task<IActionResult> OnPostQuestionAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.CheckOnly("Question.");
        if (Edition.Phase != AwardPhase.Entries) ModelState.AddModelError("Question.Prompt", t["Network.Awards.Phase.Wrong"]);
        if (Question.CategoryId is { } c && Categories.All(x => x.Id != c)) ModelState.AddModelError("Question.CategoryId", t["Network.Awards.Error.Category"]);
        if (Question.ApplicantType is { } type && !Enum.IsDefined(type)) ModelState.AddModelError("Question.ApplicantType", t["Network.Awards.Error.ApplicantType"]);
        if (!ModelState.IsValid) return Page();
        var question = new AwardQuestion
        {
            EditionId = id, CategoryId = Question.CategoryId, ApplicantType = Question.ApplicantType, Prompt = Question.Prompt.Trim(), PromptKo = Clean(Question.PromptKo),
            Required = Question.Required, MaxLength = Question.MaxLength, Order = Questions.Count + 1,
        };
        db.Add(question);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "network.award.question-add", "network-award-edition", id.ToString(CultureInfo.InvariantCulture), new { question.Id, question.Prompt }, ct);
        return Redirect($"/admin/network/awards/{id}?saved=true#questions");
    }

    public async Task<IActionResult> OnPostJurorAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.CheckOnly("Juror.");
        if (Juror.CategoryId is not { } categoryId || Categories.All(x => x.Id != categoryId)) ModelState.AddModelError("Juror.CategoryId", t["Network.Awards.Error.Category"]);
        if (countries.Find(Juror.Country) is null) ModelState.AddModelError("Juror.Country", t["Network.Error.ChooseCountry"]);
        var account = string.IsNullOrWhiteSpace(Juror.Email) ? null : await users.FindByEmailAsync(Juror.Email.Trim());
        if (account is null) ModelState.AddModelError("Juror.Email", t["Network.Admin.NoSuchAccount"]);
        if (Juror.MemberId is { } m && !await db.Set<NetworkMember>().AnyAsync(x => x.Id == m, ct)) ModelState.AddModelError("Juror.MemberId", t["Network.Seat.ChooseMember"]);
        if (ModelState.IsValid && Jurors.Any(j => j.CategoryId == Juror.CategoryId && j.UserId == account!.Id)) ModelState.AddModelError("Juror.Email", t["Network.Awards.Error.AlreadyJuror"]);
        if (!ModelState.IsValid) return Page();
        var juror = new AwardJuror
        {
            EditionId = id, CategoryId = Juror.CategoryId!.Value, UserId = account!.Id, Name = Juror.Name.Trim(), CountryCode = Juror.Country!.ToUpperInvariant(), MemberId = Juror.MemberId,
        };
        db.Add(juror);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "network.award.juror-add", "network-award-edition", id.ToString(CultureInfo.InvariantCulture), new { juror.Id, juror.Name, juror.CategoryId }, ct);
        return Redirect($"/admin/network/awards/{id}?saved=true#jurors");
    }

    public async Task<IActionResult> OnPostScreenAsync(long id, long entryId, bool eligible, string? reasons, CancellationToken ct)
    {
        if (reasons?.Length > AwardEntry.ReasonsMax) Refusal = t["Form.TooLong"];
        else if (await entries.ScreenAsync(User, entryId, eligible, reasons, ct) is { } refusal) Refusal = t[refusal];
        return Redirect($"/admin/network/awards/{id}#entries");
    }

    public async Task<IActionResult> OnPostOpenRound1Async(long id, CancellationToken ct)
    {
        if (await editions.OpenRound1Async(User, id, ct) is { } refusal) Refusal = t[refusal];
        return Redirect($"/admin/network/awards/{id}");
    }

    public async Task<IActionResult> OnPostCloseRoundAsync(long id, int round, CancellationToken ct)
    {
        if (await editions.CloseRoundAsync(User, id, round, ct) is { } refusal) Refusal = t[refusal];
        return Redirect($"/admin/network/awards/{id}");
    }

    /// <summary>The shortlist after round 1, or the winners after round 2: the entries ticked, with a reason per category where the scores alone do not decide.</summary>
    public async Task<IActionResult> OnPostSelectAsync(long id, bool winners, List<long>? chosen, Dictionary<long, string?>? reasons, CancellationToken ct)
    {
        if ((reasons ?? []).Values.Any(r => r?.Length > 2000)) Refusal = t["Form.TooLong"];
        else if (await editions.SelectAsync(User, id, winners, chosen ?? [], reasons ?? [], ct) is { } refusal)
            Refusal = refusal.CategoryId is { } c && await db.Set<AwardCategory>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == c, ct) is { } category
                ? $"{category.DisplayName(CultureInfo.CurrentUICulture)}: {t[refusal.Key]}" : t[refusal.Key];
        return Redirect($"/admin/network/awards/{id}#ranking");
    }

    public async Task<IActionResult> OnPostAnnounceAsync(long id, CancellationToken ct)
    {
        if (await editions.AnnounceAsync(User, id, ct) is { } refusal) Refusal = t[refusal];
        return Redirect($"/admin/network/awards/{id}");
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await db.Set<AwardEdition>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } edition) return false;
        Edition = edition;
        Categories = await db.Set<AwardCategory>().AsNoTracking().Where(c => c.EditionId == id).OrderBy(c => c.Id).ToListAsync(ct);
        Criteria = await db.Set<AwardCriterion>().AsNoTracking().Where(c => c.EditionId == id).OrderBy(c => c.Order).ToListAsync(ct);
        Questions = await db.Set<AwardQuestion>().AsNoTracking().Where(q => q.EditionId == id).OrderBy(q => q.Order).ToListAsync(ct);
        Jurors = await db.Set<AwardJuror>().AsNoTracking().Where(j => j.EditionId == id).OrderBy(j => j.CategoryId).ThenBy(j => j.Name).ToListAsync(ct);
        Entries = await db.Set<AwardEntry>().AsNoTracking().Where(e => e.EditionId == id && e.Status != EntryStatus.Draft).OrderBy(e => e.CategoryId).ThenBy(e => e.SubmittedAt).ToListAsync(ct);
        var winners = Entries.Where(x => x.Status == EntryStatus.Awarded).Select(x => x.Id).ToList();
        LibraryCases = await db.Set<Library.LibraryCase>().AsNoTracking().Where(c => c.AwardEntryId != null && winners.Contains(c.AwardEntryId.Value))
            .ToDictionaryAsync(c => c.AwardEntryId!.Value, c => c.Id, ct);
        // Scores stay unseen until the round has closed, by the secretariat as by the jurors.
        if (edition.Round1ClosedAt is not null) Round1 = await editions.RankingsAsync(id, 1, ct);
        if (edition.Round2ClosedAt is not null) Round2 = await editions.RankingsAsync(id, 2, ct);
        TieBreaks = await db.Set<AwardTieBreak>().AsNoTracking().Where(b => b.EditionId == id).OrderBy(b => b.Id).ToListAsync(ct);
        var culture = CultureInfo.CurrentUICulture;
        var choose = t["Network.Choose"].Value;
        CategoryItems = [new(choose, ""), .. Categories.Select(c => new SelectListItem(c.DisplayName(culture), c.Id.ToString(CultureInfo.InvariantCulture)))];
        TypeItems = [new(t["Network.Awards.AnyApplicant"], ""), .. Enum.GetValues<ApplicantType>().Select(v => new SelectListItem(t[$"Network.Awards.Applicant.{v}"], v.ToString()))];
        CountryItems = countries.Choices(culture, choose);
        MemberItems = [new(t["Network.Awards.NoMember"], ""), .. (await db.Set<NetworkMember>().AsNoTracking().Where(m => m.Status == MemberStatus.Active).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => new SelectListItem(m.Name, m.Id.ToString(CultureInfo.InvariantCulture)))];
        return true;
    }

    public sealed class CategoryInput
    {
        [Display(Name = "Network.Awards.Field.CategoryName"), Required(ErrorMessage = "Network.Awards.Error.CategoryName"), StringLength(200, ErrorMessage = "Form.TooLong")]
        public string Name { get; set; } = "";
        [Display(Name = "Network.Awards.Field.CategoryNameKo"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? NameKo { get; set; }
        [Display(Name = "Network.Awards.Field.CategoryDescription"), StringLength(2000, ErrorMessage = "Form.TooLong")] public string? Description { get; set; }
        [Display(Name = "Network.Awards.Field.ShortlistSize"), Range(1, 100, ErrorMessage = "Network.Awards.Error.Size")] public int ShortlistSize { get; set; } = 5;
        [Display(Name = "Network.Awards.Field.Winners"), Range(1, 20, ErrorMessage = "Network.Awards.Error.Size")] public int Winners { get; set; } = 1;
    }

    public sealed class QuestionInput
    {
        [Display(Name = "Network.Awards.Field.QuestionCategory")] public long? CategoryId { get; set; }
        [Display(Name = "Network.Awards.Field.QuestionApplicant")] public ApplicantType? ApplicantType { get; set; }
        [Display(Name = "Network.Awards.Field.Prompt"), Required(ErrorMessage = "Network.Awards.Error.Prompt"), StringLength(500, ErrorMessage = "Form.TooLong")]
        public string Prompt { get; set; } = "";
        [Display(Name = "Network.Awards.Field.PromptKo"), StringLength(500, ErrorMessage = "Form.TooLong")] public string? PromptKo { get; set; }
        [Display(Name = "Network.Awards.Field.Required")] public bool Required { get; set; } = true;
        [Display(Name = "Network.Awards.Field.MaxLength"), Range(10, 20_000, ErrorMessage = "Network.Awards.Error.MaxLength")] public int MaxLength { get; set; } = 4000;
    }

    public sealed class JurorInput
    {
        [Display(Name = "Network.Awards.Field.JurorCategory")] public long? CategoryId { get; set; }
        [Display(Name = "Network.Awards.Field.JurorName"), Required(ErrorMessage = "Network.Awards.Error.JurorName"), StringLength(200, ErrorMessage = "Form.TooLong")]
        public string Name { get; set; } = "";
        [Display(Name = "Network.Awards.Field.JurorEmail"), StringLength(256, ErrorMessage = "Form.TooLong")] public string? Email { get; set; }
        [Display(Name = "Network.Awards.Field.JurorCountry")] public string? Country { get; set; }
        [Display(Name = "Network.Awards.Field.JurorCity")] public long? MemberId { get; set; }
    }
}
