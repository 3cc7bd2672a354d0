using System.Globalization;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Eligibility;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Inclusion.Public;

/// <summary>
/// One question of an application per page (GOV.UK / KRDS question pages). Each answer is saved
/// to the draft when the page is sent, so an applicant can stop and come back; after the last
/// question, or when changing an answer from "check your answers", the check page follows.
/// </summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class QuestionModel(ApplicationIntake intake, AppDbContext db, IOptionsMonitor<InclusionOptions> options, TimeProvider clock, CityHall.Web.Platform.City.CityClock cityClock,
    IStringLocalizer<Text> t) : PageModel
{
    public ApplicationFile Current { get; private set; } = null!;
    public string Question { get; private set; } = "";
    public IReadOnlyList<SelectListItem> Districts { get; private set; } = [];
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];
    public IReadOnlyList<string> BenefitChoices => options.CurrentValue.Benefits;

    [BindProperty(SupportsGet = false)] public bool Change { get; set; }
    [BindProperty] public string? ApplicantName { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? District { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public DateOnly? BirthDate { get; set; }
    [BindProperty] public List<string> Benefits { get; set; } = [];
    [BindProperty] public int? HouseholdSize { get; set; }
    [BindProperty] public string? MonthlyIncome { get; set; }
    [BindProperty] public DisabilitySeverity? Disability { get; set; }
    [BindProperty] public string? Pool { get; set; }
    [BindProperty] public string? Details { get; set; }
    [BindProperty] public string? OrganisationName { get; set; }
    [BindProperty] public string? RegistrationNumber { get; set; }
    [BindProperty] public DateOnly? FoundedOn { get; set; }
    [BindProperty] public int? TeamSize { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public const string NoBenefit = "none";

    public async Task<IActionResult> OnGetAsync(string reference, string? question, bool change = false)
    {
        if (await LoadAsync(reference) is { } gone) return gone;
        var list = ApplicationQuestions.For(Current.Version);
        if (question is null)
            return Redirect(QuestionPath(ApplicationQuestions.FirstUnanswered(Current.Application, Current.Version, Current.UploadedEvidence) ?? "check"));
        if (!list.Contains(question)) return NotFound();
        Question = question;
        Change = change;
        Fill();
        await PrepareAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string reference, string question)
    {
        if (await LoadAsync(reference) is { } gone) return gone;
        if (!ApplicationQuestions.For(Current.Version).Contains(question)) return NotFound();
        Question = question;
        var a = Current.Application;
        var answers = a.Answers;
        switch (question)
        {
            case ApplicationQuestions.Contact:
                var name = ApplicantName?.Trim() ?? "";
                var phone = ApplicationQuestions.Phone(Phone);
                if (name.Length is < 1 or > 100) ModelState.AddModelError(nameof(ApplicantName), t["Inclusion.Error.Name"]);
                if (phone is null) ModelState.AddModelError(nameof(Phone), t["Inclusion.Error.Phone"]);
                if (ModelState.IsValid) { a.ApplicantName = name; a.ApplicantPhone = phone; }
                break;
            case ApplicationQuestions.Address or ApplicationQuestions.Office:
                var address = Address?.Trim() ?? "";
                var known = (await DistrictChoices.NamesAsync(db)).ContainsKey(District ?? "");
                if (!known) ModelState.AddModelError(nameof(District), t["Inclusion.Error.District"]);
                if (address.Length is < 5 or > 300) ModelState.AddModelError(nameof(Address), t["Inclusion.Error.Address"]);
                if (ModelState.IsValid)
                {
                    a.DistrictCode = District;
                    a.Address = address;
                    // An organisation is one applicant wherever it is based: its key comes from its registration number.
                    if (question == ApplicationQuestions.Address) a.HouseholdKey = ApplicationQuestions.HouseholdKey(District!, address);
                    // Pools by district: the applicant competes for their own district's places.
                    if (Current.Version.PoolBasis == Programmes.PoolBasis.District)
                        a.Pool = Current.Version.Pools.Any(p => p.Code == District) ? District : null;
                }
                break;
            case ApplicationQuestions.Organisation:
                ModelState.Remove(nameof(FoundedOn));
                ModelState.Remove(nameof(TeamSize));
                var organisation = OrganisationName?.Trim() ?? "";
                var number = ApplicationQuestions.RegistrationNumber(RegistrationNumber, options.CurrentValue.OrganisationNumber);
                var founded = FoundedOn;
                var day = DateOnly.FromDateTime(cityClock.Now.DateTime);
                if (organisation.Length is < 1 or > 200) ModelState.AddModelError(nameof(OrganisationName), t["Inclusion.Error.OrganisationName"]);
                if (number is null) ModelState.AddModelError(nameof(RegistrationNumber), t[$"Inclusion.Error.RegistrationNumber.{options.CurrentValue.OrganisationNumber}"]);
                if (founded is null) ModelState.AddModelError(nameof(FoundedOn), t["Inclusion.Error.FoundedOn"]);
                else if (founded > day || founded.Value.Year < 1900) ModelState.AddModelError(nameof(FoundedOn), t["Inclusion.Error.FoundedOnRange"]);
                if (TeamSize is not (>= 1 and <= 100_000)) ModelState.AddModelError(nameof(TeamSize), t["Inclusion.Error.TeamSize"]);
                if (ModelState.IsValid)
                {
                    a.Answers = answers with { Organisation = new OrganisationAnswer(organisation, number!, founded!.Value, TeamSize!.Value) };
                    a.HouseholdKey = ApplicationQuestions.OrganisationKey(number!);
                }
                break;
            case ApplicationQuestions.Birth:
                ModelState.Remove(nameof(BirthDate));
                var today = DateOnly.FromDateTime(cityClock.Now.DateTime); // the city's date, as the applicant and the intake count it
                if (BirthDate is not { } birth) ModelState.AddModelError(nameof(BirthDate), t["Inclusion.Error.BirthDate"]);
                else if (birth > today || birth.Year < today.Year - 120) ModelState.AddModelError(nameof(BirthDate), t["Inclusion.Error.BirthDateRange"]);
                else a.Answers = answers with { BirthDate = birth };
                break;
            case ApplicationQuestions.Benefits:
                var chosen = Benefits.Distinct().ToList();
                if (chosen.Count == 0) ModelState.AddModelError(nameof(Benefits), t["Inclusion.Error.Benefits"]);
                else if (chosen.Contains(NoBenefit) && chosen.Count > 1) ModelState.AddModelError(nameof(Benefits), t["Inclusion.Error.BenefitsNone"]);
                else if (chosen.Any(c => c != NoBenefit && !BenefitChoices.Contains(c))) ModelState.AddModelError(nameof(Benefits), t["Inclusion.Error.Benefits"]);
                else a.Answers = answers with { Benefits = chosen.Where(c => c != NoBenefit).ToList() };
                break;
            case ApplicationQuestions.Income:
                ModelState.Remove(nameof(HouseholdSize));
                if (HouseholdSize is not (>= 1 and <= 20)) ModelState.AddModelError(nameof(HouseholdSize), t["Inclusion.Error.HouseholdSize"]);
                var income = Won(MonthlyIncome);
                if (income is not (>= 0 and <= 1_000_000_000)) ModelState.AddModelError(nameof(MonthlyIncome), t["Inclusion.Error.Income"]);
                if (ModelState.IsValid)
                    a.Answers = answers with
                    {
                        HouseholdSize = HouseholdSize, MonthlyIncome = income,
                        IncomePercentOfMedian = options.CurrentValue.PercentOfMedian(income!.Value, HouseholdSize!.Value),
                    };
                break;
            case ApplicationQuestions.Disability:
                ModelState.Remove(nameof(Disability));
                if (Disability is not { } severity || !Enum.IsDefined(severity)) ModelState.AddModelError(nameof(Disability), t["Inclusion.Error.Disability"]);
                else a.Answers = answers with { Disability = severity };
                break;
            case ApplicationQuestions.Pool:
                if (!Current.Version.Pools.Any(p => p.Code == Pool)) ModelState.AddModelError(nameof(Pool), t["Inclusion.Error.Pool"]);
                else a.Pool = Pool;
                break;
            case ApplicationQuestions.Details:
                var details = Details?.Trim() ?? "";
                if (details.Length is < 2 or > 1000) ModelState.AddModelError(nameof(Details), t["Inclusion.Error.Details"]);
                else a.Answers = answers with { Details = details };
                break;
            case ApplicationQuestions.Documents:
                return await DocumentsAsync();
        }
        if (!ModelState.IsValid)
        {
            await PrepareAsync();
            return Page();
        }
        await intake.SaveDraftAsync(a, HttpContext.RequestAborted);
        return Redirect(Change ? QuestionPath("check") : QuestionPath(ApplicationQuestions.After(question, Current.Version) ?? "check"));
    }

    /// <summary>The documents page: "upload" adds one file, "remove" deletes one, "continue" needs every required document.</summary>
    private async Task<IActionResult> DocumentsAsync()
    {
        var ct = HttpContext.RequestAborted;
        var a = Current.Application;
        var action = Request.Form["action"].ToString();
        if (action.StartsWith("remove:", StringComparison.Ordinal) && long.TryParse(action["remove:".Length..], out var documentId))
        {
            await db.Set<ApplicationDocument>().Where(d => d.Id == documentId && d.ApplicationId == a.Id).ExecuteDeleteAsync(ct);
            return Redirect(QuestionPath(ApplicationQuestions.Documents) + (Change ? "?change=true" : ""));
        }
        if (action == "upload")
        {
            var limits = options.CurrentValue;
            var requirement = Current.Version.Evidence.FirstOrDefault(e => e.Code == Evidence);
            if (requirement is null) ModelState.AddModelError(nameof(Evidence), t["Inclusion.Error.EvidenceKind"]);
            if (Upload is null) ModelState.AddModelError(nameof(Upload), t["Inclusion.Error.UploadMissing"]);
            else if (await db.Set<ApplicationDocument>().CountAsync(d => d.ApplicationId == a.Id, ct) >= limits.MaxDocuments)
                ModelState.AddModelError(nameof(Upload), t["Inclusion.Error.TooManyDocuments", limits.MaxDocuments]);
            else
            {
                var (file, problem) = await UploadedDocuments.ReadAsync(Upload, limits.MaxDocumentBytes, ct);
                if (problem is { } p)
                    ModelState.AddModelError(nameof(Upload), p == DocumentProblem.TooLarge
                        ? t["Inclusion.Error.UploadTooLarge", limits.MaxDocumentBytes / (1024 * 1024)] : t[$"Inclusion.Error.Upload{p}"]);
                else if (requirement is not null)
                {
                    db.Add(new ApplicationDocument
                    {
                        ApplicationId = a.Id, EvidenceCode = requirement.Code, FileName = SafeName(Upload.FileName, file!.ContentType),
                        ContentType = file.ContentType, Size = file.Bytes.Length, Sha256 = file.Sha256, Content = file.Bytes,
                        UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = a.EnteredBy,
                    });
                    await intake.SaveDraftAsync(a, ct);
                    return Redirect(QuestionPath(ApplicationQuestions.Documents) + (Change ? "?change=true" : ""));
                }
            }
        }
        else
        {
            var missing = ApplicationQuestions.MissingEvidence(Current.Version, Current.UploadedEvidence);
            if (missing.Count == 0)
                return Redirect(a.State == ApplicationState.NeedsInformation ? $"/inclusion/applications/{a.Reference}" : QuestionPath("check"));
            var culture = CultureInfo.CurrentUICulture;
            ModelState.AddModelError(nameof(Upload), t["Inclusion.Apply.DocumentMissing", string.Join(", ", missing.Select(e => LocalizedText.Pick(culture, e.NameKo, e.NameEn)))]);
        }
        await PrepareAsync();
        return Page();
    }

    /// <summary>An amount of won as people write it ("2,100,000", "2 100 000원"), or null.</summary>
    private static long? Won(string? typed)
    {
        var digits = (typed ?? "").Replace(",", "").Replace(" ", "").Replace("원", "").Replace("₩", "").Trim();
        return digits.Length is > 0 and <= 12 && digits.All(char.IsAsciiDigit) ? long.Parse(digits, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The uploaded name without folders or odd characters, ending in the extension its content has.</summary>
    private static string SafeName(string uploaded, string contentType)
    {
        var name = new string(Path.GetFileNameWithoutExtension(uploaded.Replace('\\', '/').Split('/')[^1])
            .Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' or '.').Take(80).ToArray()).Trim();
        var extension = contentType switch { "application/pdf" => ".pdf", "image/png" => ".png", _ => ".jpg" };
        return (name.Length == 0 ? "document" : name) + extension;
    }

    private async Task<IActionResult?> LoadAsync(string reference)
    {
        var file = await intake.FindAsync(reference, HttpContext.RequestAborted);
        if (file is null || !ApplicationActor.MayAnswer(file.Application, User)) return NotFound();
        Current = file;
        // Asked for more information, the applicant may add documents before sending the application again.
        var addingEvidence = file.Application.State == ApplicationState.NeedsInformation && RouteData.Values["question"] as string == ApplicationQuestions.Documents;
        if (file.Application.State != ApplicationState.Draft && !addingEvidence)
            return Redirect(file.Application.ApplicantUserId is null ? $"/admin/inclusion/applications/{reference}" : $"/inclusion/applications/{reference}");
        return null;
    }

    private string QuestionPath(string question) => $"/inclusion/apply/{Current.Application.Reference}/{question}";

    /// <summary>The saved answers into the form, when the page is first shown.</summary>
    private void Fill()
    {
        var a = Current.Application;
        ApplicantName = a.ApplicantName;
        Phone = a.ApplicantPhone;
        District = a.DistrictCode;
        Address = a.Address;
        BirthDate = a.Answers.BirthDate;
        Benefits = a.Answers.Benefits is { } b ? (b.Count == 0 ? [NoBenefit] : b) : [];
        HouseholdSize = a.Answers.HouseholdSize;
        MonthlyIncome = a.Answers.MonthlyIncome?.ToString(CultureInfo.InvariantCulture);
        Disability = a.Answers.Disability;
        Pool = a.Pool;
        Details = a.Answers.Details;
        OrganisationName = a.Answers.Organisation?.Name;
        RegistrationNumber = a.Answers.Organisation?.RegistrationNumber;
        FoundedOn = a.Answers.Organisation?.FoundedOn;
        TeamSize = a.Answers.Organisation?.TeamSize;
    }

    private async Task PrepareAsync()
    {
        if (Question is ApplicationQuestions.Address or ApplicationQuestions.Office)
            Districts = await DistrictChoices.ItemsAsync(db, t["Inclusion.Question.address.Choose"]);
        if (Question == ApplicationQuestions.Documents)
            Documents = await intake.DocumentsAsync(Current.Application.Id, HttpContext.RequestAborted);
    }
}
