using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Library.Public;

/// <summary>
/// Where a member's representative contributes to the library: their cases and where each stands, a new one (or a
/// version of one of theirs in another language), and one of theirs to change while it is a draft or returned, with its
/// attachments, then sent for the secretariat's review. Accounts that represent no member are told how members join.
/// </summary>
[Authorize]
public sealed class ContributeModel(AppDbContext db, LibraryShelf shelf, Countries countries, CityClock clock, UploadAllowance allowance,
    IOptionsMonitor<CityNetworkOptions> options, IStringLocalizer<Text> t) : PageModel, ILibraryCaseForm
{
    [BindProperty] public LibraryInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Attachment { get; set; }
    [TempData] public string? Refusal { get; set; }

    public LibraryChoices Choices { get; private set; } = null!;
    public IReadOnlyList<LibraryCase> Mine { get; private set; } = [];
    public LibraryCase? Existing { get; private set; }
    public LibraryCase? Original { get; private set; }
    public AttachmentsView? Files { get; private set; }
    public bool Represents { get; private set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(long? id, long? translationOf, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        if (Existing is { } item) Input = LibraryInput.From(item);
        else if (translationOf is { } originalId && Mine.FirstOrDefault(c => c.Id == originalId) is { } original)
        {
            // A version in another language starts from the original's facts; its texts are the translator's.
            Original = original;
            Input = LibraryInput.From(original) with { Title = "", Summary = "", Body = "", Language = null, TranslationOf = original.Id };
        }
        else if (Choices.MemberIds.Count == 1) Input.MemberId = Choices.MemberIds.First();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Represents) return NotFound();
        if (Existing is { Editable: false }) { Refusal = shelf.Explain(LibraryRefusal.WrongStep); return Redirect($"/network/library/contribute/{Existing.Id}"); }
        ModelState.CheckOnly("Input.");
        Input.Check(ModelState, options.CurrentValue, countries, Choices.MemberIds, clock.Now.Year, t);
        if (Input.MemberId is null) ModelState.AddModelError("Input.MemberId", t["Network.Seat.ChooseMember"]);
        // A contributor translates only their own cases.
        if (Existing is null && Input.TranslationOf is { } originalId && Mine.All(c => c.Id != originalId)) ModelState.AddModelError(string.Empty, shelf.Explain(LibraryRefusal.UnknownCase));
        if (!ModelState.IsValid) return Page();
        var (saved, refusal) = await shelf.SaveAsync(User, Existing, Input, Me, ct);
        if (saved is null) { ModelState.AddModelError("Input.Language", shelf.Explain(refusal)); return Page(); }
        return Redirect($"/network/library/contribute/{saved.Id}?saved=true");
    }

    public async Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Existing is null) return NotFound();
        var refusal = await shelf.SubmitAsync(User, id, ct);
        if (refusal != LibraryRefusal.None) Refusal = shelf.Explain(refusal);
        return Redirect($"/network/library/contribute/{id}");
    }

    public async Task<IActionResult> OnPostAttachAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Existing is null) return NotFound();
        Input = LibraryInput.From(Existing);
        ModelState.CheckOnly(nameof(Attachment));
        if (!Existing.Editable) ModelState.AddModelError(nameof(Attachment), shelf.Explain(LibraryRefusal.WrongStep));
        else if (Attachment is not { Length: > 0 }) ModelState.AddModelError(nameof(Attachment), t["Network.Mou.Error.DocumentMissing"]);
        else if (await NetworkDocuments.AcceptAsync(ModelState, nameof(Attachment), Attachment, options.CurrentValue.MaxLetterBytes, allowance, Me, t, ct) is { } file)
        {
            await shelf.AttachAsync(User, id, Attachment.FileName, file, ct);
            return Redirect($"/network/library/contribute/{id}?saved=true#attachments");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDetachAsync(long id, long attachmentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Existing is not { Editable: true }) return NotFound();
        return await shelf.DetachAsync(User, id, attachmentId, ct) ? Redirect($"/network/library/contribute/{id}#attachments") : NotFound();
    }

    private async Task<bool> LoadAsync(long? id, CancellationToken ct)
    {
        var me = Me;
        var represented = await db.Set<NetworkMemberRepresentative>().AsNoTracking().Where(r => r.UserId == me).Select(r => r.MemberId).ToListAsync(ct);
        Choices = await LibraryChoices.LoadAsync(db, countries, options.CurrentValue, t, represented, ct);
        Represents = Choices.MemberIds.Count > 0;
        Mine = await db.Set<LibraryCase>().AsNoTracking().Where(c => c.ContributorUserId == me).OrderByDescending(c => c.UpdatedAt).ToListAsync(ct);
        if (id is not { } caseId) return true;
        if (Mine.FirstOrDefault(c => c.Id == caseId) is not { } item) return false;
        Existing = item;
        Files = new AttachmentsView(await shelf.AttachmentsAsync(caseId, ct), item.Editable, $"/network/library/contribute/{caseId}");
        return true;
    }
}
