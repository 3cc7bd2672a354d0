using System.Globalization;
using CityHall.Web.Modules.CityNetwork.Admin;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Library.Admin;

/// <summary>
/// One library case as the secretariat keeps it: any case's texts and facts (or a new one of its own, or a version in
/// another language), its attachments, and the review: publish, return to the contributor with a note, take down.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class CaseModel(AppDbContext db, LibraryShelf shelf, Countries countries, CityClock clock, IOptionsMonitor<CityNetworkOptions> options,
    IStringLocalizer<Text> t) : PageModel, ILibraryCaseForm
{
    [BindProperty] public LibraryInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Attachment { get; set; }
    [BindProperty, Display(Name = "Network.Library.Field.ReviewNote"), StringLength(LibraryCase.NoteMax, ErrorMessage = "Form.TooLong")]
    public string? Note { get; set; }
    [TempData] public string? Refusal { get; set; }

    public LibraryChoices Choices { get; private set; } = null!;
    public LibraryCase? Existing { get; private set; }
    public IReadOnlyList<LibraryCase> Translations { get; private set; } = [];
    public AttachmentsView? Files { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, long? translationOf, CancellationToken ct)
    {
        var caseId = EditRoutes.IdOf(id);
        if (caseId < 0 || !await LoadAsync(caseId, ct)) return NotFound();
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        if (Existing is { } item) Input = LibraryInput.From(item);
        else if (translationOf is { } originalId && await db.Set<LibraryCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == originalId, ct) is { } original)
            Input = LibraryInput.From(original) with { Title = "", Summary = "", Body = "", Language = null, TranslationOf = original.Id };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var caseId = EditRoutes.IdOf(id);
        if (caseId < 0 || !await LoadAsync(caseId, ct)) return NotFound();
        ModelState.CheckOnly("Input.");
        Input.Check(ModelState, options.CurrentValue, countries, Choices.MemberIds, clock.Now.Year, t);
        if (!ModelState.IsValid) return Page();
        var (saved, refusal) = await shelf.SaveAsync(User, Existing, Input, contributorUserId: null, ct);
        if (saved is null) { ModelState.AddModelError("Input.Language", shelf.Explain(refusal)); return Page(); }
        return Redirect($"/admin/network/library/{saved.Id}?saved=true");
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) => Done(id, await shelf.PublishAsync(User, id, ct));

    public async Task<IActionResult> OnPostUnpublishAsync(long id, CancellationToken ct) => Done(id, await shelf.UnpublishAsync(User, id, ct));

    public async Task<IActionResult> OnPostReturnAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Existing is null) return NotFound();
        Input = LibraryInput.From(Existing);
        ModelState.CheckOnly(nameof(Note));
        if (string.IsNullOrWhiteSpace(Note)) ModelState.AddModelError(nameof(Note), t["Network.Library.Error.Note"]);
        if (!ModelState.IsValid) return Page();
        return Done(id, await shelf.ReturnAsync(User, id, Note!, ct));
    }

    public async Task<IActionResult> OnPostAttachAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Existing is null) return NotFound();
        Input = LibraryInput.From(Existing);
        ModelState.CheckOnly(nameof(Attachment));
        if (Attachment is not { Length: > 0 }) ModelState.AddModelError(nameof(Attachment), t["Network.Mou.Error.DocumentMissing"]);
        else if (await NetworkDocuments.AcceptAsync(ModelState, nameof(Attachment), Attachment, options.CurrentValue.MaxLetterBytes, allowance: null, userId: null, t, ct) is { } file)
        {
            await shelf.AttachAsync(User, id, Attachment.FileName, file, ct);
            return Redirect($"/admin/network/library/{id}?saved=true#attachments");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDetachAsync(long id, long attachmentId, CancellationToken ct) =>
        await shelf.DetachAsync(User, id, attachmentId, ct) ? Redirect($"/admin/network/library/{id}#attachments") : NotFound();

    private RedirectResult Done(long id, LibraryRefusal refusal)
    {
        if (refusal != LibraryRefusal.None) Refusal = shelf.Explain(refusal);
        return Redirect($"/admin/network/library/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Choices = await LibraryChoices.LoadAsync(db, countries, options.CurrentValue, t, onlyMembers: null, ct);
        if (id == 0) return true;
        if (await db.Set<LibraryCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } item) return false;
        Existing = item;
        Translations = await shelf.TranslationsAsync(item, publishedOnly: false, ct);
        Files = new AttachmentsView(await shelf.AttachmentsAsync(id, ct), true, $"/admin/network/library/{id}");
        return true;
    }
}
