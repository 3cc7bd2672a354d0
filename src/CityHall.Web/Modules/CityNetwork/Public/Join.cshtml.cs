using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Public;

/// <summary>
/// Applying to join the network: the organisation, a person to write to, and the letter its mayor (or head) signed,
/// as a PDF or a scan. One application waits at a time per account; the confirmation gives a reference and says what
/// happens next (the secretariat checks the letter; then Associate membership at once, full membership at the
/// Executive Committee's next meeting).
/// </summary>
[Authorize]
public sealed class JoinModel(AppDbContext db, MemberAdmission admission, Countries countries, UploadAllowance allowance,
    IOptionsMonitor<CityNetworkOptions> options, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public JoinInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Letter { get; set; }

    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RegionItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CountryItems { get; private set; } = [];
    public MembershipApplication? Waiting { get; private set; }
    public CityNetworkOptions Network => options.CurrentValue;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Choices();
        Waiting = await WaitingAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Choices();
        if ((Waiting = await WaitingAsync(ct)) is not null) return Page();
        if (Input.Kind is not { } kind || !Enum.IsDefined(kind)) ModelState.AddModelError("Input.Kind", t["Network.Error.ChooseKind"]);
        if (countries.Find(Input.Country) is null) ModelState.AddModelError("Input.Country", t["Network.Error.ChooseCountry"]);
        if (Network.Region(Input.Region) is null) ModelState.AddModelError("Input.Region", t["Network.Error.ChooseRegion"]);
        if (!string.IsNullOrWhiteSpace(Input.LocalName) && NetworkMember.CleanLanguageTag(Input.LocalNameLanguage) is null)
            ModelState.AddModelError("Input.LocalNameLanguage", t["Network.Error.LanguageTag"]);
        if (!string.IsNullOrWhiteSpace(Input.Website) && !WebAddress.IsValid(Input.Website)) ModelState.AddModelError("Input.Website", t["Form.BadWebsite"]);
        UploadedDocument? letter = null;
        if (Letter is null || Letter.Length == 0) ModelState.AddModelError(nameof(Letter), t["Network.Error.LetterMissing"]);
        else if (ModelState.IsValid)
            letter = await NetworkDocuments.AcceptAsync(ModelState, nameof(Letter), Letter, Network.MaxLetterBytes, allowance, User.FindFirstValue(ClaimTypes.NameIdentifier), t, ct);
        if (!ModelState.IsValid || letter is null) return Page();

        var application = await admission.SubmitAsync(User, Input, letter, ct);
        return Redirect($"/network/join/{application.Reference}");
    }

    private Task<MembershipApplication?> WaitingAsync(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.Set<MembershipApplication>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.ApplicantUserId == me && a.Status == ApplicationStatus.Submitted, ct);
    }

    private void Choices()
    {
        var culture = CultureInfo.CurrentUICulture;
        KindItems = [new(t["Network.Choose"], ""), .. Enum.GetValues<MemberKind>().Select(k => new SelectListItem(t[$"Network.Kind.{k}"], k.ToString()))];
        RegionItems = [new(t["Network.Choose"], ""), .. Network.Regions.Select(r => new SelectListItem(r.Name.For(culture), r.Code))];
        CountryItems = countries.Choices(culture, t["Network.Choose"]);
    }
}

/// <summary>The application form; every text may be in any script (the English name is what the network lists).</summary>
public sealed class JoinInput
{
    [Display(Name = "Network.Field.Name"), Required(ErrorMessage = "Network.Error.NameRequired"), StringLength(NetworkMember.NameMax, ErrorMessage = "Form.TooLong")]
    public string Name { get; set; } = "";
    [Display(Name = "Network.Field.LocalName"), StringLength(NetworkMember.NameMax, ErrorMessage = "Form.TooLong")]
    public string? LocalName { get; set; }
    [Display(Name = "Network.Field.LocalNameLanguage"), StringLength(35, ErrorMessage = "Form.TooLong")]
    public string? LocalNameLanguage { get; set; }
    [Display(Name = "Network.Field.Kind")] public MemberKind? Kind { get; set; }
    [Display(Name = "Network.Field.Country")] public string? Country { get; set; }
    [Display(Name = "Network.Field.Region")] public string? Region { get; set; }
    [Display(Name = "Network.Field.Population"), Range(1, 100_000_000_000, ErrorMessage = "Network.Error.Population")]
    public long? Population { get; set; }
    [Display(Name = "Network.Field.Website"), StringLength(NetworkMember.WebsiteMax, ErrorMessage = "Form.TooLong")]
    public string? Website { get; set; }
    [Display(Name = "Network.Field.ContactName"), Required(ErrorMessage = "Network.Error.ContactRequired"), StringLength(200, ErrorMessage = "Form.TooLong")]
    public string ContactName { get; set; } = "";
    [Display(Name = "Network.Field.ContactPosition"), StringLength(200, ErrorMessage = "Form.TooLong")]
    public string? ContactPosition { get; set; }
    [Display(Name = "Network.Field.ContactEmail"), Required(ErrorMessage = "Network.Error.EmailRequired"), EmailAddress(ErrorMessage = "Identity.InvalidEmail"), StringLength(256, ErrorMessage = "Form.TooLong")]
    public string ContactEmail { get; set; } = "";
    [Display(Name = "Network.Field.ContactPhone"), RegularExpression(@"^\+?[0-9][0-9 ()./-]{4,38}$", ErrorMessage = "Network.Error.Phone")]
    public string? ContactPhone { get; set; }
    [Display(Name = "Network.Field.SignedBy"), Required(ErrorMessage = "Network.Error.SignedByRequired"), StringLength(200, ErrorMessage = "Form.TooLong")]
    public string SignedBy { get; set; } = "";
    [Display(Name = "Network.Field.Motivation"), StringLength(MembershipApplication.MotivationMax, ErrorMessage = "Form.TooLong")]
    public string? Motivation { get; set; }
}
