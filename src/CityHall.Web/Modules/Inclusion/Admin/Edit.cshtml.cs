using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Eligibility;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Modules.Inclusion.Selection;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Inclusion.Admin;

/// <summary>
/// Editing a programme writes its next version: names and plain-language summary, window (city
/// time), quota, limit and pools, co-payment and deadlines, evidence, eligibility rules (as JSON
/// staff can read: attribute, test, values, least verification, the applicant's words), selection
/// and criteria, exclusion and household limit. Why it changed is required and audited with both versions.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + InclusionModule.Manage)]
public sealed class EditModel(ApplicationIntake intake, ProgrammeVersions versions, AppDbContext db, AuditLog audit, CityClock cityClock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public TermsInput Input { get; set; } = new();
    public ProgrammeTerms Terms { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> PoolBasisItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SelectionItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await LoadAsync(code) is { } missing) return missing;
        var v = Terms.Version;
        Input = new TermsInput
        {
            NameKo = v.NameKo, NameEn = v.NameEn, SummaryKo = v.SummaryKo, SummaryEn = v.SummaryEn,
            OpensAt = cityClock.ToLocal(new DateTimeOffset(v.OpensAt, TimeSpan.Zero)).DateTime, ClosesAt = cityClock.ToLocal(new DateTimeOffset(v.ClosesAt, TimeSpan.Zero)).DateTime,
            Quota = v.Quota, ApplicationLimit = v.ApplicationLimit, PoolBasis = v.PoolBasis.ToString(), Pools = ProgrammeVersions.ToJson(v.Pools),
            CoPaymentPercent = v.CoPaymentPercent, ItemPrice = v.ItemPrice, CoPaymentDays = v.CoPaymentDays, OfferDays = v.OfferDays,
            Evidence = ProgrammeVersions.ToJson(v.Evidence), Rules = ProgrammeVersions.ToJson(v.Rules), AlsoAsk = ProgrammeVersions.ToJson(v.AlsoAsk),
            Selection = v.Selection.ToString(), Criteria = ProgrammeVersions.ToJson(v.Criteria),
            ReGrantExclusionMonths = v.ReGrantExclusionMonths, HouseholdLimit = v.HouseholdLimit, ServiceLevelDays = v.ServiceLevelDays,
            DetailsQuestionKo = v.DetailsQuestionKo, DetailsQuestionEn = v.DetailsQuestionEn, Listed = Terms.Programme.Listed,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        var ct = HttpContext.RequestAborted;
        if (await LoadAsync(code) is { } missing) return missing;
        var i = Input;
        T? Json<T>(string field, string? json, T fallback) where T : class
        {
            var (value, problem) = ProgrammeVersions.FromJson<T>(json);
            if (problem is not null) ModelState.AddModelError($"Input.{field}", t["Inclusion.Edit.Error.Json", problem]);
            return value ?? fallback;
        }
        var terms = new ProgrammeVersion
        {
            NameKo = i.NameKo?.Trim() ?? "", NameEn = i.NameEn?.Trim() ?? "", SummaryKo = i.SummaryKo?.Trim() ?? "", SummaryEn = i.SummaryEn?.Trim() ?? "",
            OpensAt = i.OpensAt is { } o ? cityClock.FromLocal(o).UtcDateTime : DateTime.MinValue,
            ClosesAt = i.ClosesAt is { } c ? cityClock.FromLocal(c).UtcDateTime : DateTime.MinValue,
            Quota = i.Quota ?? 0, ApplicationLimit = i.ApplicationLimit,
            PoolBasis = Enum.TryParse<PoolBasis>(i.PoolBasis, out var basis) ? basis : PoolBasis.None,
            Pools = Json("Pools", i.Pools, new List<QuotaPool>())!,
            CoPaymentPercent = i.CoPaymentPercent, ItemPrice = i.ItemPrice, CoPaymentDays = i.CoPaymentDays ?? 0, OfferDays = i.OfferDays ?? 0,
            Evidence = Json("Evidence", i.Evidence, new List<EvidenceRequirement>())!,
            Rules = Json("Rules", i.Rules, new List<EligibilityRule>())!,
            AlsoAsk = Json("AlsoAsk", i.AlsoAsk, new List<RuleAttribute>())!,
            Selection = Enum.TryParse<SelectionMethod>(i.Selection, out var method) ? method : SelectionMethod.FirstComeFirstServed,
            Criteria = Json("Criteria", i.Criteria, new List<Criterion>())!,
            ReGrantExclusionMonths = i.ReGrantExclusionMonths ?? 0, HouseholdLimit = i.HouseholdLimit ?? 0, ServiceLevelDays = i.ServiceLevelDays,
            DetailsQuestionKo = string.IsNullOrWhiteSpace(i.DetailsQuestionKo) ? null : i.DetailsQuestionKo.Trim(),
            DetailsQuestionEn = string.IsNullOrWhiteSpace(i.DetailsQuestionEn) ? null : i.DetailsQuestionEn.Trim(),
            CreatedBy = "",
        };
        if (i.OpensAt is null || i.ClosesAt is null) ModelState.AddModelError("Input.ClosesAt", t["Inclusion.Edit.Error.Window"]);
        foreach (var (field, message) in versions.Check(terms))
            ModelState.AddModelError(field switch { "Names" => "Input.NameKo", "Summaries" => "Input.SummaryKo", "DetailsQuestion" => "Input.DetailsQuestionKo", "" => "", _ => $"Input.{field}" }, message);
        if (string.IsNullOrWhiteSpace(i.ChangeNote) || i.ChangeNote.Length > 500) ModelState.AddModelError("Input.ChangeNote", t["Inclusion.Edit.Error.ChangeNote"]);
        if (!ModelState.IsValid) return Page();

        var programme = await db.Set<InclusionProgramme>().SingleAsync(p => p.Id == Terms.Programme.Id, ct);
        programme.Listed = i.Listed;
        var before = Terms.Version;
        var saved = await versions.SaveAsync(programme, terms, ApplicationActor.Staff(User).Id, ct);
        await audit.RecordAsync(User, "inclusion.programme.version", "inclusion-programme", code,
            new { note = i.ChangeNote!.Trim(), from = before.Version, to = saved.Version, before = Snapshot(before), after = Snapshot(saved) }, ct);
        return Redirect($"/inclusion/{code}");
    }

    private static object Snapshot(ProgrammeVersion v) => new
    {
        v.NameKo, v.NameEn, v.OpensAt, v.ClosesAt, v.Quota, v.ApplicationLimit, PoolBasis = v.PoolBasis.ToString(), v.Pools, v.CoPaymentPercent, v.ItemPrice,
        v.CoPaymentDays, v.OfferDays, v.Evidence, v.Rules, v.AlsoAsk, Selection = v.Selection.ToString(), v.Criteria, v.ReGrantExclusionMonths, v.HouseholdLimit, v.ServiceLevelDays,
    };

    private async Task<IActionResult?> LoadAsync(string code)
    {
        if (await intake.FindProgrammeAsync(code, HttpContext.RequestAborted) is not { } terms) return NotFound();
        Terms = terms;
        PoolBasisItems = Enum.GetNames<PoolBasis>().Select(n => new SelectListItem(t[$"Inclusion.PoolBasis.{n}"], n)).ToList();
        SelectionItems = Enum.GetValues<SelectionMethod>().Select(m => new SelectListItem(t[$"Inclusion.Selection.Short.{m}"], m.ToString())).ToList();
        return null;
    }

    public sealed class TermsInput
    {
        [Display(Name = "Inclusion.Edit.NameKo")] public string? NameKo { get; set; }
        [Display(Name = "Inclusion.Edit.NameEn")] public string? NameEn { get; set; }
        [Display(Name = "Inclusion.Edit.SummaryKo")] public string? SummaryKo { get; set; }
        [Display(Name = "Inclusion.Edit.SummaryEn")] public string? SummaryEn { get; set; }
        [Display(Name = "Inclusion.Edit.OpensAt")] public DateTime? OpensAt { get; set; }
        [Display(Name = "Inclusion.Edit.ClosesAt")] public DateTime? ClosesAt { get; set; }
        [Display(Name = "Inclusion.Edit.Quota")] public int? Quota { get; set; }
        [Display(Name = "Inclusion.Edit.ApplicationLimit")] public int? ApplicationLimit { get; set; }
        [Display(Name = "Inclusion.Edit.PoolBasis")] public string? PoolBasis { get; set; }
        [Display(Name = "Inclusion.Edit.Pools")] public string? Pools { get; set; }
        [Display(Name = "Inclusion.Edit.CoPaymentPercent")] public int? CoPaymentPercent { get; set; }
        [Display(Name = "Inclusion.Edit.ItemPrice")] public int? ItemPrice { get; set; }
        [Display(Name = "Inclusion.Edit.CoPaymentDays")] public int? CoPaymentDays { get; set; }
        [Display(Name = "Inclusion.Edit.OfferDays")] public int? OfferDays { get; set; }
        [Display(Name = "Inclusion.Edit.Evidence")] public string? Evidence { get; set; }
        [Display(Name = "Inclusion.Edit.Rules")] public string? Rules { get; set; }
        [Display(Name = "Inclusion.Edit.AlsoAsk")] public string? AlsoAsk { get; set; }
        [Display(Name = "Inclusion.Edit.Selection")] public string? Selection { get; set; }
        [Display(Name = "Inclusion.Edit.Criteria")] public string? Criteria { get; set; }
        [Display(Name = "Inclusion.Edit.ReGrantExclusionMonths")] public int? ReGrantExclusionMonths { get; set; }
        [Display(Name = "Inclusion.Edit.HouseholdLimit")] public int? HouseholdLimit { get; set; }
        [Display(Name = "Inclusion.Edit.ServiceLevelDays")] public int? ServiceLevelDays { get; set; }
        [Display(Name = "Inclusion.Edit.DetailsQuestionKo")] public string? DetailsQuestionKo { get; set; }
        [Display(Name = "Inclusion.Edit.DetailsQuestionEn")] public string? DetailsQuestionEn { get; set; }
        [Display(Name = "Inclusion.Edit.Listed")] public bool Listed { get; set; }
        [Display(Name = "Inclusion.Edit.ChangeNote")] public string? ChangeNote { get; set; }
    }
}
