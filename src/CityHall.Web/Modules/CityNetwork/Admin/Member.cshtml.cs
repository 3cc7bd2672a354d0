using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Admin;

/// <summary>
/// A member as the secretariat keeps it: its public entry, its logo, the people to write to and the accounts that act
/// for it. Entering a member from the records may give any type; afterwards only the Executive Committee makes a member
/// full (a recorded decision), so the form refuses to. Every change is audited with what it was before.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class MemberModel(AppDbContext db, AuditLog audit, Countries countries, UserManager<CityHallUser> users,
    IOptionsMonitor<CityNetworkOptions> options, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public MemberInput Input { get; set; } = new();
    [BindProperty] public ContactInput Contact { get; set; } = new();
    [BindProperty] public IFormFile? Logo { get; set; }
    [BindProperty, Display(Name = "Network.Admin.LogoAlt"), StringLength(MemberLogos.AltMax, ErrorMessage = "Form.TooLong")] public string? LogoAlt { get; set; }
    [BindProperty, Display(Name = "Network.Admin.RepresentativeEmail"), StringLength(256, ErrorMessage = "Form.TooLong")] public string? RepresentativeEmail { get; set; }

    public NetworkMember? Existing { get; private set; }
    public NetworkPictureInfo? CurrentLogo { get; private set; }
    public IReadOnlyList<NetworkMemberContact> Contacts { get; private set; } = [];
    public IReadOnlyList<(string UserId, string Email, DateTime Since)> Representatives { get; private set; } = [];
    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> TypeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StatusItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RegionItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CountryItems { get; private set; } = [];
    [TempData] public string? Refusal { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        var memberId = EditRoutes.IdOf(id);
        if (memberId < 0 || !await LoadAsync(memberId, ct)) return NotFound();
        if (Existing is { } member) Input = MemberInput.From(member);
        else Input.JoinedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var memberId = EditRoutes.IdOf(id);
        if (memberId < 0 || !await LoadAsync(memberId, ct)) return NotFound();
        ModelState.CheckOnly("Input.");
        if (Input.Kind is not { } kind || !Enum.IsDefined(kind)) ModelState.AddModelError("Input.Kind", t["Network.Error.ChooseKind"]);
        if (Input.Type is not { } type || !Enum.IsDefined(type)) ModelState.AddModelError("Input.Type", t["Network.Error.ChooseType"]);
        else if (type == MembershipType.Full && Existing is { Type: not MembershipType.Full }) ModelState.AddModelError("Input.Type", t["Network.Error.FullByCommittee"]);
        if (Input.Status is not { } status || !Enum.IsDefined(status)) ModelState.AddModelError("Input.Status", t["Network.Error.ChooseStatus"]);
        else if (status == MemberStatus.Withdrawn && Input.LeftOn is null) ModelState.AddModelError("Input.LeftOn", t["Network.Error.LeftOnRequired"]);
        if (countries.Find(Input.Country) is null) ModelState.AddModelError("Input.Country", t["Network.Error.ChooseCountry"]);
        if (options.CurrentValue.Region(Input.Region) is null) ModelState.AddModelError("Input.Region", t["Network.Error.ChooseRegion"]);
        if (!string.IsNullOrWhiteSpace(Input.LocalName) && NetworkMember.CleanLanguageTag(Input.LocalNameLanguage) is null)
            ModelState.AddModelError("Input.LocalNameLanguage", t["Network.Error.LanguageTag"]);
        if (!string.IsNullOrWhiteSpace(Input.Website) && !WebAddress.IsValid(Input.Website)) ModelState.AddModelError("Input.Website", t["Form.BadWebsite"]);
        if (Input.Latitude.HasValue != Input.Longitude.HasValue) ModelState.AddModelError("Input.Latitude", t["Network.Error.BothCoordinates"]);
        if (Input.JoinedOn is null) ModelState.AddModelError("Input.JoinedOn", t["Network.Error.JoinedOnRequired"]);
        else if (Input.LeftOn is { } left && left < Input.JoinedOn) ModelState.AddModelError("Input.LeftOn", t["Network.Error.LeftBeforeJoined"]);
        if (!ModelState.IsValid) return Page();

        var before = Existing is null ? null : MemberInput.From(Existing);
        var member = Existing is null
            ? db.Add(new NetworkMember { Name = "", CountryCode = "", RegionCode = "" }).Entity
            : await db.Set<NetworkMember>().FirstAsync(m => m.Id == memberId, ct);
        Input.ApplyTo(member);
        member.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, Existing is null ? "network.member.create" : "network.member.edit", "network-member",
            member.Id.ToString(CultureInfo.InvariantCulture), new { before, after = MemberInput.From(member) }, ct);
        return Redirect($"/admin/network/members/{member.Id}?saved=true");
    }

    public async Task<IActionResult> OnPostLogoAsync(long id, CancellationToken ct)
    {
        if (id <= 0 || !await LoadAsync(id, ct)) return NotFound();
        Input = MemberInput.From(Existing!);
        ModelState.CheckOnly("Logo");
        if (Logo is null || Logo.Length == 0) ModelState.AddModelError(nameof(Logo), t["Network.Logo.Missing"]);
        if (string.IsNullOrWhiteSpace(LogoAlt)) ModelState.AddModelError(nameof(LogoAlt), t["Network.Logo.AltRequired"]);
        if (!ModelState.IsValid) return Page();
        PreparedPhoto? image;
        string? error;
        await using (var stream = Logo!.OpenReadStream()) (image, error) = MemberLogos.Prepare(stream, Logo.Length, options.CurrentValue.MaxLogoBytes);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Logo), t[error, options.CurrentValue.MaxLogoBytes / (1024 * 1024)]);
            return Page();
        }
        await db.Set<NetworkMemberLogo>().Where(l => l.MemberId == id).ExecuteDeleteAsync(ct);
        db.Add(new NetworkMemberLogo { MemberId = id, Bytes = image!.Bytes, Width = image.Width, Height = image.Height, Hash = image.Hash, AltText = LogoAlt!.Trim() });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "network.member.logo", "network-member", id.ToString(CultureInfo.InvariantCulture), new { image.Hash, alt = LogoAlt }, ct);
        return Redirect($"/admin/network/members/{id}?saved=true");
    }

    public async Task<IActionResult> OnPostContactAsync(long id, CancellationToken ct)
    {
        if (id <= 0 || !await LoadAsync(id, ct)) return NotFound();
        Input = MemberInput.From(Existing!);
        ModelState.CheckOnly("Contact.");
        if (!ModelState.IsValid) return Page();
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var contact = new NetworkMemberContact { MemberId = id, Name = Contact.Name.Trim(), Position = Clean(Contact.Position), Email = Clean(Contact.Email), Phone = Clean(Contact.Phone) };
        db.Add(contact);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "network.member.contact-add", "network-member", id.ToString(CultureInfo.InvariantCulture), new { contact.Id, contact.Name }, ct);
        return Redirect($"/admin/network/members/{id}?saved=true#contacts");
    }

    public async Task<IActionResult> OnPostRemoveContactAsync(long id, long contactId, CancellationToken ct)
    {
        var removed = await db.Set<NetworkMemberContact>().Where(c => c.Id == contactId && c.MemberId == id).ExecuteDeleteAsync(ct);
        if (removed == 0) return NotFound();
        await audit.RecordAsync(User, "network.member.contact-remove", "network-member", id.ToString(CultureInfo.InvariantCulture), new { contactId }, ct);
        return Redirect($"/admin/network/members/{id}?saved=true#contacts");
    }

    /// <summary>Lets an account act for the member (found by the email it signed up with).</summary>
    public async Task<IActionResult> OnPostRepresentativeAsync(long id, CancellationToken ct)
    {
        if (id <= 0 || !await LoadAsync(id, ct)) return NotFound();
        var account = string.IsNullOrWhiteSpace(RepresentativeEmail) ? null : await users.FindByEmailAsync(RepresentativeEmail.Trim());
        if (account is null) Refusal = t["Network.Admin.NoSuchAccount"];
        else if (await db.Set<NetworkMemberRepresentative>().AnyAsync(r => r.MemberId == id && r.UserId == account.Id, ct)) Refusal = t["Network.Admin.AlreadyRepresents"];
        else
        {
            db.Add(new NetworkMemberRepresentative { MemberId = id, UserId = account.Id, Since = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(User, "network.member.representative-add", "network-member", id.ToString(CultureInfo.InvariantCulture), new { account.Id }, ct);
        }
        return Redirect($"/admin/network/members/{id}{(Refusal is null ? "?saved=true" : "")}#representatives");
    }

    public async Task<IActionResult> OnPostRemoveRepresentativeAsync(long id, string userId, CancellationToken ct)
    {
        var removed = await db.Set<NetworkMemberRepresentative>().Where(r => r.MemberId == id && r.UserId == userId).ExecuteDeleteAsync(ct);
        if (removed == 0) return NotFound();
        await audit.RecordAsync(User, "network.member.representative-remove", "network-member", id.ToString(CultureInfo.InvariantCulture), new { userId }, ct);
        return Redirect($"/admin/network/members/{id}?saved=true#representatives");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var choose = t["Network.Choose"].Value;
        KindItems = [new(choose, ""), .. Enum.GetValues<MemberKind>().Select(k => new SelectListItem(t[$"Network.Kind.{k}"], k.ToString()))];
        TypeItems = [new(choose, ""), .. Enum.GetValues<MembershipType>().Select(k => new SelectListItem(t[$"Network.Type.{k}"], k.ToString()))];
        StatusItems = Enum.GetValues<MemberStatus>().Select(k => new SelectListItem(t[$"Network.Status.{k}"], k.ToString())).ToList();
        RegionItems = [new(choose, ""), .. options.CurrentValue.Regions.Select(r => new SelectListItem(r.Name.For(culture), r.Code))];
        CountryItems = countries.Choices(culture, choose);
        if (id == 0) return true;
        if (await db.Set<NetworkMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } member) return false;
        Existing = member;
        CurrentLogo = await MemberLogos.InfoAsync(db, id, ct);
        Contacts = await db.Set<NetworkMemberContact>().AsNoTracking().Where(c => c.MemberId == id).OrderBy(c => c.Id).ToListAsync(ct);
        Representatives = (await db.Set<NetworkMemberRepresentative>().AsNoTracking().Where(r => r.MemberId == id)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.UserId, u.Email, r.Since }).OrderBy(x => x.Since).ToListAsync(ct))
            .Select(x => (x.UserId, x.Email ?? "", x.Since)).ToList();
        return true;
    }

    /// <summary>The member's entry, and the entry as the audit log records it.</summary>
    public sealed class MemberInput
    {
        [Display(Name = "Network.Field.Name"), Required(ErrorMessage = "Network.Error.NameRequired"), StringLength(NetworkMember.NameMax, ErrorMessage = "Form.TooLong")]
        public string Name { get; set; } = "";
        [Display(Name = "Network.Field.LocalName"), StringLength(NetworkMember.NameMax, ErrorMessage = "Form.TooLong")] public string? LocalName { get; set; }
        [Display(Name = "Network.Field.LocalNameLanguage"), StringLength(35, ErrorMessage = "Form.TooLong")] public string? LocalNameLanguage { get; set; }
        [Display(Name = "Network.Field.Kind")] public MemberKind? Kind { get; set; }
        [Display(Name = "Network.Field.Type")] public MembershipType? Type { get; set; }
        [Display(Name = "Network.Field.Status")] public MemberStatus? Status { get; set; } = MemberStatus.Active;
        [Display(Name = "Network.Field.Country")] public string? Country { get; set; }
        [Display(Name = "Network.Field.Region")] public string? Region { get; set; }
        [Display(Name = "Network.Field.RegionalOffice")] public bool HostsRegionalOffice { get; set; }
        [Display(Name = "Network.Field.Population"), Range(1, 100_000_000_000, ErrorMessage = "Network.Error.Population")] public long? Population { get; set; }
        [Display(Name = "Network.Field.Latitude"), Range(-90.0, 90.0, ErrorMessage = "Network.Error.Latitude")] public double? Latitude { get; set; }
        [Display(Name = "Network.Field.Longitude"), Range(-180.0, 180.0, ErrorMessage = "Network.Error.Longitude")] public double? Longitude { get; set; }
        [Display(Name = "Network.Field.Website"), StringLength(NetworkMember.WebsiteMax, ErrorMessage = "Form.TooLong")] public string? Website { get; set; }
        [Display(Name = "Network.Field.About"), StringLength(NetworkMember.AboutMax, ErrorMessage = "Form.TooLong")] public string? About { get; set; }
        [Display(Name = "Network.Field.JoinedOn")] public DateOnly? JoinedOn { get; set; }
        [Display(Name = "Network.Field.LeftOn")] public DateOnly? LeftOn { get; set; }

        public static MemberInput From(NetworkMember m) => new()
        {
            Name = m.Name, LocalName = m.LocalName, LocalNameLanguage = m.LocalNameLanguage, Kind = m.Kind, Type = m.Type, Status = m.Status,
            Country = m.CountryCode, Region = m.RegionCode, HostsRegionalOffice = m.HostsRegionalOffice, Population = m.Population,
            Latitude = m.Latitude, Longitude = m.Longitude, Website = m.Website, About = m.About, JoinedOn = m.JoinedOn, LeftOn = m.LeftOn,
        };

        public void ApplyTo(NetworkMember m)
        {
            static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
            m.Rename(Name, LocalName, LocalNameLanguage);
            (m.Kind, m.Type, m.Status) = (Kind!.Value, Type!.Value, Status!.Value);
            (m.CountryCode, m.RegionCode, m.HostsRegionalOffice, m.Population) = (Country!.ToUpperInvariant(), Region!, HostsRegionalOffice, Population);
            (m.Latitude, m.Longitude, m.Website, m.About) = (Latitude, Longitude, Clean(Website), Clean(About));
            (m.JoinedOn, m.LeftOn) = (JoinedOn!.Value, Status == MemberStatus.Withdrawn ? LeftOn : null);
            if (m.Type != MembershipType.Full) m.FullSince = null;
        }
    }

    public sealed class ContactInput
    {
        [Display(Name = "Network.Field.ContactName"), Required(ErrorMessage = "Network.Error.ContactRequired"), StringLength(200, ErrorMessage = "Form.TooLong")]
        public string Name { get; set; } = "";
        [Display(Name = "Network.Field.ContactPosition"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? Position { get; set; }
        [Display(Name = "Network.Field.ContactEmail"), EmailAddress(ErrorMessage = "Identity.InvalidEmail"), StringLength(256, ErrorMessage = "Form.TooLong")] public string? Email { get; set; }
        [Display(Name = "Network.Field.ContactPhone"), RegularExpression(@"^\+?[0-9][0-9 ()./-]{4,38}$", ErrorMessage = "Network.Error.Phone")] public string? Phone { get; set; }
    }
}
