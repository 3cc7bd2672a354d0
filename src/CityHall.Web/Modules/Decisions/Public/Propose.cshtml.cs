using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using CityHall.Web.Modules.Accounts.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Decisions.Public;

/// <summary>
/// A verified citizen proposes a vote (mVoting let citizens put questions too): the question, why, and the answers to
/// choose from. It waits for a moderator, as proposals do; accepted, it becomes the city's draft, which officials date
/// and publish; declined, its author reads why. Everything is on <c>/votes/proposals</c> for its author meanwhile.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimits.CitizenWrite)]
public sealed class ProposeModel(AppDbContext db, IVerifiedCitizens verified, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    /// <summary>How many of one person's proposals may wait for moderation at once: a queue moderators can keep up with.</summary>
    public const int MaxWaiting = 3;

    [BindProperty] public ProposalInput Input { get; set; } = new();
    public bool Verified { get; private set; }
    public bool TooMany { get; private set; }
    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Verified || TooMany) return Page();
        Input.Validate(ModelState, t);
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var options = Input.ParseOptions();
        // Dates are the city's to set when it accepts: until then the draft opens and closes at its own creation.
        var poll = new Poll
        {
            TitleKo = Input.Title.Trim(), DescriptionKo = Input.Description!.Trim(), Kind = Input.Kind,
            MinChoices = 1, MaxChoices = Input.Kind == PollKind.MultipleChoice ? options.Count : 1,
            OpensAt = now, ClosesAt = now, Salt = RandomNumberGenerator.GetBytes(32),
            ProposedBy = User.FindFirstValue(ClaimTypes.NameIdentifier), CitizenProposal = true, Moderation = Moderation.Pending,
            CreatedAt = now, UpdatedAt = now, CreatedBy = User.Identity?.Name ?? "",
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(poll);
        await db.SaveChangesAsync(ct);
        db.AddRange(options.Select((label, i) => new PollOption { PollId = poll.Id, Position = i + 1, LabelKo = label }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Redirect($"/votes/proposals?done=submitted#proposal-{poll.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Verified = await verified.FindVerifiedAsync(User, ct) is not null;
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        TooMany = await db.Set<Poll>().CountAsync(p => p.ProposedBy == me && p.Moderation == Moderation.Pending, ct) >= MaxWaiting;
        KindItems = new[] { PollKind.SingleChoice, PollKind.MultipleChoice }.Select(k => new SelectListItem(t["Decisions.Kind." + k].Value, k.ToString())).ToList();
    }
}

/// <summary>A proposed vote as a citizen writes it (in their own words: one language; the city adds the translation).</summary>
public sealed class ProposalInput
{
    public const int MaxOptions = 10;

    [Display(Name = "Decisions.Propose.Question"), Required(ErrorMessage = "Decisions.Propose.QuestionRequired"),
     StringLength(300, MinimumLength = 5, ErrorMessage = "Decisions.Propose.QuestionLength")]
    public string Title { get; set; } = "";
    [Display(Name = "Decisions.Propose.Why"), Required(ErrorMessage = "Decisions.Propose.WhyRequired"),
     StringLength(4000, MinimumLength = 20, ErrorMessage = "Decisions.Propose.WhyLength")]
    public string? Description { get; set; }
    [Display(Name = "Decisions.Propose.Answers"), Required(ErrorMessage = "Decisions.Error.TwoOptions"), StringLength(4000, ErrorMessage = "Form.TooLong")]
    public string? Options { get; set; }
    [Display(Name = "Decisions.Field.Kind")] public PollKind Kind { get; set; } = PollKind.SingleChoice;

    public IReadOnlyList<string> ParseOptions() => (Options ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public void Validate(ModelStateDictionary state, IStringLocalizer<Text> t)
    {
        if (Kind is not (PollKind.SingleChoice or PollKind.MultipleChoice) && state.GetFieldValidationState("Input.Kind") != ModelValidationState.Invalid) state.AddModelError("Input.Kind", t["Decisions.Propose.KindRequired"]);
        if (state.GetFieldValidationState("Input.Options") == ModelValidationState.Invalid) return;
        var options = ParseOptions();
        if (options.Count < 2) state.AddModelError("Input.Options", t["Decisions.Error.TwoOptions"]);
        else if (options.Count > MaxOptions) state.AddModelError("Input.Options", t["Decisions.Error.TooManyOptions", MaxOptions]);
        else if (options.Any(o => o.Length > 300)) state.AddModelError("Input.Options", t["Decisions.Error.OptionLength"]);
        else if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count) state.AddModelError("Input.Options", t["Decisions.Error.OptionTwice"]);
    }
}
