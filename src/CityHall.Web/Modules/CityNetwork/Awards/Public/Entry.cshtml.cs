using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Awards.Public;

/// <summary>
/// The applicant's entry: while a draft and before the deadline, its text, the answers to its category's and applicant
/// type's questions, and (a vendor's) the city's signed approval, saved as often as wanted and then submitted; after,
/// where it stands, and the screening's reasons when it was found ineligible. Only the account that made it sees it.
/// </summary>
[Authorize]
public sealed class EntryModel(AppDbContext db, AwardEntries entries, UploadAllowance allowance, TimeProvider clock,
    IOptionsMonitor<CityNetworkOptions> options, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty, Display(Name = "Network.Awards.Field.EntryTitle"), Required(ErrorMessage = "Network.Awards.Error.EntryTitle"), StringLength(AwardEntry.TitleMax, ErrorMessage = "Form.TooLong")]
    public string EntryTitle { get; set; } = "";
    [BindProperty, Display(Name = "Network.Awards.Field.Summary"), StringLength(AwardEntry.SummaryMax, ErrorMessage = "Form.TooLong")]
    public string? Summary { get; set; }
    [BindProperty(Name = "Answers")] public Dictionary<long, string?> Answers { get; set; } = [];
    [BindProperty] public IFormFile? Approval { get; set; }
    [TempData] public string? Refusal { get; set; }

    public AwardEntry Entry { get; private set; } = null!;
    public AwardEdition Edition { get; private set; } = null!;
    public AwardCategory Category { get; private set; } = null!;
    public IReadOnlyList<AwardQuestion> Questions { get; private set; } = [];
    public bool Editable { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct)
    {
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        if (!await LoadAsync(reference, ct)) return NotFound();
        (EntryTitle, Summary) = (Entry.Title, Entry.Summary);
        Answers = Questions.ToDictionary(q => q.Id, q => (string?)Entry.Answers.GetValueOrDefault(q.Id));
        return Page();
    }

    /// <summary>Saves the draft; "submit" then submits it (after the same checks), or says why it cannot be.</summary>
    public async Task<IActionResult> OnPostAsync(string reference, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(reference, ct)) return NotFound();
        if (!Editable)
        {
            Refusal = t[AwardRules.DraftRefusal(Edition, Entry, clock.GetUtcNow().UtcDateTime) ?? "Network.Awards.Entry.NotDraft"];
            return Redirect($"/network/awards/entries/{reference}");
        }
        foreach (var q in Questions)
            if (Answers.GetValueOrDefault(q.Id) is { } answer && answer.Length > q.MaxLength)
                ModelState.AddModelError($"Answers[{q.Id}]", t["Network.Awards.Error.AnswerTooLong", q.MaxLength]);
        UploadedDocument? approval = null;
        if (Approval is { Length: > 0 } && Entry.ApplicantType == ApplicantType.Vendor)
            approval = await NetworkDocuments.AcceptAsync(ModelState, nameof(Approval), Approval, options.CurrentValue.MaxApprovalBytes, allowance,
                User.FindFirstValue(ClaimTypes.NameIdentifier), t, ct);
        if (!ModelState.IsValid) return Page();

        var entry = await db.Set<AwardEntry>().FirstAsync(e => e.Id == Entry.Id, ct);
        entry.Title = EntryTitle.Trim();
        entry.Summary = string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim();
        entry.Answers = Questions.Where(q => !string.IsNullOrWhiteSpace(Answers.GetValueOrDefault(q.Id))).ToDictionary(q => q.Id, q => Answers[q.Id]!.Trim());
        if (approval is not null) (entry.CityApproval, entry.CityApprovalType, entry.CityApprovalSha256) = (approval.Bytes, approval.ContentType, approval.Sha256);
        entry.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Refusal = t["Network.Awards.Entry.NotDraft"];
            return Redirect($"/network/awards/entries/{reference}");
        }
        db.ChangeTracker.Clear();
        if (submit && await entries.SubmitAsync(User, entry.Id, ct) is { } refusal) Refusal = t[refusal, options.CurrentValue.EntriesPerEdition];
        return Redirect($"/network/awards/entries/{reference}{(submit && Refusal is null ? "?submitted=true" : "?saved=true")}");
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await db.Set<AwardEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Reference == reference && e.ApplicantUserId == me, ct) is not { } entry) return false;
        Entry = entry;
        Edition = await db.Set<AwardEdition>().AsNoTracking().FirstAsync(e => e.Id == entry.EditionId, ct);
        Category = await db.Set<AwardCategory>().AsNoTracking().FirstAsync(c => c.Id == entry.CategoryId, ct);
        Questions = (await db.Set<AwardQuestion>().AsNoTracking().Where(q => q.EditionId == entry.EditionId).OrderBy(q => q.Order).ToListAsync(ct))
            .Where(q => q.AppliesTo(entry.CategoryId, entry.ApplicantType)).ToList();
        Editable = AwardRules.DraftRefusal(Edition, entry, clock.GetUtcNow().UtcDateTime) is null;
        return true;
    }

    public EntryStatus ShownStatus => AwardRules.ShownToApplicant(Entry, Edition);
}
