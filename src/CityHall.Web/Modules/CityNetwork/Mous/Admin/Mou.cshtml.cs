using System.Globalization;
using CityHall.Web.Modules.CityNetwork.Admin;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Mous.Admin;

/// <summary>
/// One MOU as the secretariat keeps it: its text and dates (its status follows from them), its parties (members or
/// others), its documents (the signed text, annexes) and its follow-up actions with owners and dates. Audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class MouModel(AppDbContext db, AuditLog audit, Countries countries, CityClock clock, IOptionsMonitor<CityNetworkOptions> options, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public MouInput Input { get; set; } = new();
    [BindProperty] public PartyInput Party { get; set; } = new();
    [BindProperty] public ActionInput Action { get; set; } = new();
    [BindProperty] public IFormFile? Document { get; set; }
    [TempData] public string? Refusal { get; set; }

    public Mou? Existing { get; private set; }
    public IReadOnlyList<MouParty> Parties { get; private set; } = [];
    public IReadOnlyList<MouDocument> Documents { get; private set; } = [];
    public IReadOnlyList<MouAction> Actions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> MemberItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CountryItems { get; private set; } = [];
    public DateOnly Today => DateOnly.FromDateTime(clock.Now.DateTime);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        var mouId = EditRoutes.IdOf(id);
        if (mouId < 0 || !await LoadAsync(mouId, ct)) return NotFound();
        if (Existing is { } mou) Input = MouInput.From(mou);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var mouId = EditRoutes.IdOf(id);
        if (mouId < 0 || !await LoadAsync(mouId, ct)) return NotFound();
        ModelState.CheckOnly("Input.");
        if (Input.StartsOn is { } starts && Input.SignedOn is null) ModelState.AddModelError("Input.SignedOn", t["Network.Mou.Error.SignedFirst"]);
        if (Input.EndsOn is { } ends && (Input.StartsOn ?? Input.SignedOn) is { } from && ends < from) ModelState.AddModelError("Input.EndsOn", t["Network.Mou.Error.EndsBeforeStart"]);
        if (Input.SignedOn is { } signed && signed > Today) ModelState.AddModelError("Input.SignedOn", t["Network.Mou.Error.SignedInFuture"]);
        if (Input.SignedOn is not null && Existing is not null && Parties.Count < 2) ModelState.AddModelError("Input.SignedOn", t["Network.Mou.Error.TwoParties"]);
        if (Input.SignedOn is not null && Existing is null) ModelState.AddModelError("Input.SignedOn", t["Network.Mou.Error.PartiesFirst"]);
        if (!ModelState.IsValid) return Page();
        var before = Existing is null ? null : MouInput.From(Existing);
        var mou = Existing is null ? db.Add(new Mou { Title = "" }).Entity : await db.Set<Mou>().FirstAsync(m => m.Id == mouId, ct);
        Input.ApplyTo(mou);
        mou.UpdatedAt = clock.Now.UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, Existing is null ? "network.mou.create" : "network.mou.edit", "network-mou", mou.Id.ToString(CultureInfo.InvariantCulture),
            new { before, after = MouInput.From(mou) }, ct);
        return Redirect($"/admin/network/mous/{mou.Id}?saved=true");
    }

    public async Task<IActionResult> OnPostPartyAsync(long id, CancellationToken ct)
    {
        if (id <= 0 || !await LoadAsync(id, ct)) return NotFound();
        Input = MouInput.From(Existing!);
        ModelState.CheckOnly("Party.");
        NetworkMember? member = null;
        if (Party.MemberId is { } memberId && (member = await db.Set<NetworkMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct)) is null)
            ModelState.AddModelError("Party.MemberId", t["Network.Seat.ChooseMember"]);
        if (member is null && string.IsNullOrWhiteSpace(Party.Name)) ModelState.AddModelError("Party.Name", t["Network.Mou.Error.PartyName"]);
        if (member is null && countries.Find(Party.Country) is null) ModelState.AddModelError("Party.Country", t["Network.Error.ChooseCountry"]);
        if (member is not null && Parties.Any(p => p.MemberId == member.Id)) ModelState.AddModelError("Party.MemberId", t["Network.Mou.Error.AlreadyParty"]);
        if (!ModelState.IsValid) return Page();
        var party = new MouParty { MouId = id, MemberId = member?.Id, Name = member?.Name ?? Party.Name!.Trim(), CountryCode = member?.CountryCode ?? Party.Country!.ToUpperInvariant() };
        db.Add(party);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "network.mou.party-add", "network-mou", id.ToString(CultureInfo.InvariantCulture), new { party.Name, party.MemberId }, ct);
        return Redirect($"/admin/network/mous/{id}?saved=true#parties");
    }

    public async Task<IActionResult> OnPostRemovePartyAsync(long id, long partyId, CancellationToken ct)
    {
        if (id <= 0 || !await LoadAsync(id, ct)) return NotFound();
        if (Existing!.SignedOn is not null && Parties.Count <= 2) Refusal = t["Network.Mou.Error.TwoParties"];
        else if (await db.Set<MouParty>().Where(p => p.Id == partyId && p.MouId == id).ExecuteDeleteAsync(ct) == 0) return NotFound();
        else await audit.RecordAsync(User, "network.mou.party-remove", "network-mou", id.ToString(CultureInfo.InvariantCulture), new { partyId }, ct);
        return Redirect($"/admin/network/mous/{id}#parties");
    }

    public async Task<IActionResult> OnPostDocumentAsync(long id, CancellationToken ct)
    {
        if (id <= 0 || !await LoadAsync(id, ct)) return NotFound();
        Input = MouInput.From(Existing!);
        ModelState.CheckOnly("Document");
        var limit = options.CurrentValue.MaxLetterBytes;
        if (Document is null || Document.Length == 0) ModelState.AddModelError(nameof(Document), t["Network.Mou.Error.DocumentMissing"]);
        else
        {
            if (await NetworkDocuments.AcceptAsync(ModelState, nameof(Document), Document, limit, allowance: null, userId: null, t, ct) is { } file)
            {
                var name = Path.GetFileName(Document.FileName);
                var document = new MouDocument
                {
                    MouId = id, Name = string.IsNullOrWhiteSpace(name) ? "document" : name[..Math.Min(200, name.Length)], Bytes = file.Bytes, ContentType = file.ContentType,
                    Sha256 = file.Sha256, UploadedAt = clock.Now.UtcDateTime,
                };
                db.Add(document);
                await db.SaveChangesAsync(ct);
                await audit.RecordAsync(User, "network.mou.document-add", "network-mou", id.ToString(CultureInfo.InvariantCulture), new { document.Name, document.Sha256 }, ct);
                return Redirect($"/admin/network/mous/{id}?saved=true#documents");
            }
        }
        return Page();
    }

    /// <summary>A document as uploaded, for the secretariat only, downloaded rather than shown in the site's origin.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(long id, long documentId, CancellationToken ct)
    {
        var document = await db.Set<MouDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.MouId == id, ct);
        if (document is null) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(document.Bytes, document.ContentType, document.Name);
    }

    public async Task<IActionResult> OnPostActionAsync(long id, CancellationToken ct)
    {
        if (id <= 0 || !await LoadAsync(id, ct)) return NotFound();
        Input = MouInput.From(Existing!);
        ModelState.CheckOnly("Action.");
        if (Action.DueOn is null) ModelState.AddModelError("Action.DueOn", t["Network.Mou.Error.DueOn"]);
        if (!ModelState.IsValid) return Page();
        var action = new MouAction { MouId = id, Description = Action.Description.Trim(), Owner = Action.Owner.Trim(), DueOn = Action.DueOn!.Value };
        db.Add(action);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "network.mou.action-add", "network-mou", id.ToString(CultureInfo.InvariantCulture), new { action.Id, action.Description, action.Owner, action.DueOn }, ct);
        return Redirect($"/admin/network/mous/{id}?saved=true#actions");
    }

    public async Task<IActionResult> OnPostDoneAsync(long id, long actionId, CancellationToken ct)
    {
        var today = Today;
        var done = await db.Set<MouAction>().Where(a => a.Id == actionId && a.MouId == id && a.DoneOn == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.DoneOn, today), ct);
        if (done == 0) return NotFound();
        await audit.RecordAsync(User, "network.mou.action-done", "network-mou", id.ToString(CultureInfo.InvariantCulture), new { actionId }, ct);
        return Redirect($"/admin/network/mous/{id}#actions");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        MemberItems = [new(t["Network.Mou.NotAMember"], ""), .. (await db.Set<NetworkMember>().AsNoTracking().Where(m => m.Status == MemberStatus.Active).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => new SelectListItem(m.Name, m.Id.ToString(CultureInfo.InvariantCulture)))];
        CountryItems = countries.Choices(culture, t["Network.Choose"]);
        if (id == 0) return true;
        if (await db.Set<Mou>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } mou) return false;
        Existing = mou;
        Parties = await db.Set<MouParty>().AsNoTracking().Where(p => p.MouId == id).OrderBy(p => p.Id).ToListAsync(ct);
        Documents = await db.Set<MouDocument>().AsNoTracking().Where(d => d.MouId == id).OrderBy(d => d.Id)
            .Select(d => new MouDocument { Id = d.Id, MouId = d.MouId, Name = d.Name, Bytes = Array.Empty<byte>(), ContentType = d.ContentType, Sha256 = d.Sha256, UploadedAt = d.UploadedAt }).ToListAsync(ct);
        Actions = await db.Set<MouAction>().AsNoTracking().Where(a => a.MouId == id).OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToListAsync(ct);
        return true;
    }

    public sealed class MouInput
    {
        [Display(Name = "Network.Mou.Field.Title"), Required(ErrorMessage = "Network.Mou.Error.Title"), StringLength(Mou.TitleMax, ErrorMessage = "Form.TooLong")]
        public string Title { get; set; } = "";
        [Display(Name = "Network.Mou.Field.Summary"), StringLength(Mou.SummaryMax, ErrorMessage = "Form.TooLong")] public string? Summary { get; set; }
        [Display(Name = "Network.Mou.Field.Areas"), StringLength(1000, ErrorMessage = "Form.TooLong")] public string? Areas { get; set; }
        [Display(Name = "Network.Mou.Field.SignedOn")] public DateOnly? SignedOn { get; set; }
        [Display(Name = "Network.Mou.Field.StartsOn")] public DateOnly? StartsOn { get; set; }
        [Display(Name = "Network.Mou.Field.EndsOn")] public DateOnly? EndsOn { get; set; }

        public static MouInput From(Mou m) => new() { Title = m.Title, Summary = m.Summary, Areas = string.Join(", ", m.Areas), SignedOn = m.SignedOn, StartsOn = m.StartsOn, EndsOn = m.EndsOn };

        public void ApplyTo(Mou m)
        {
            m.Title = Title.Trim();
            m.Summary = string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim();
            m.Areas = (Areas ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(20).ToList();
            (m.SignedOn, m.StartsOn, m.EndsOn) = (SignedOn, StartsOn, EndsOn);
        }
    }

    public sealed class PartyInput
    {
        [Display(Name = "Network.Mou.Field.PartyMember")] public long? MemberId { get; set; }
        [Display(Name = "Network.Mou.Field.PartyName"), StringLength(NetworkMember.NameMax, ErrorMessage = "Form.TooLong")] public string? Name { get; set; }
        [Display(Name = "Network.Field.Country")] public string? Country { get; set; }
    }

    public sealed class ActionInput
    {
        [Display(Name = "Network.Mou.Field.Action"), Required(ErrorMessage = "Network.Mou.Error.Action"), StringLength(1000, ErrorMessage = "Form.TooLong")] public string Description { get; set; } = "";
        [Display(Name = "Network.Mou.Field.Owner"), Required(ErrorMessage = "Network.Mou.Error.Owner"), StringLength(200, ErrorMessage = "Form.TooLong")] public string Owner { get; set; } = "";
        [Display(Name = "Network.Mou.Field.DueOn")] public DateOnly? DueOn { get; set; }
    }
}
