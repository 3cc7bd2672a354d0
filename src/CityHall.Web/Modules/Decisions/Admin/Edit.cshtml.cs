using System.Globalization;
using System.Security.Cryptography;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Integrity;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Decisions.Admin;

/// <summary>
/// Preparing a poll (its question and options in both languages, single or multiple choice, when it runs, who may
/// vote, when results show), publishing it, and closing it early. Once published, the question and options are fixed:
/// a ballot must mean what it meant when it was cast. Every step is audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DecisionsModule.Manage)]
[RequestSizeLimit(Budgets.BudgetImages.MaxUploadBytes + 1_048_576)] // an option's picture; larger files are refused with a message
public sealed class EditModel(AppDbContext db, AuditLog audit, CityClock cityClock, BallotChainVerifier verifier, IVerifiedCitizens verified, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    /// <summary>How many are in the draft's group (0: no group).</summary>
    public int GroupSize { get; private set; }

    public const int MaxOptions = 50;

    [BindProperty] public PollInput Input { get; set; } = new();
    public Poll? Existing { get; private set; }
    public IReadOnlyList<PollOption> Options { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Districts { get; private set; } = [];
    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ResultsItems { get; private set; } = [];
    public PollPhase Phase { get; private set; } = PollPhase.Draft;
    public BallotChainReport? Check { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Existing is { } poll) Input = PollInput.From(poll, Options, cityClock);
        return Page();
    }

    /// <summary>Saves a draft (a new poll starts as one).</summary>
    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Phase != PollPhase.Draft) return Page();
        Input.Validate(ModelState, t);
        var members = Input.GroupKeys(verified, ModelState, t);
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var poll = Existing is null
            ? db.Add(new Poll { TitleKo = "", CreatedAt = now, CreatedBy = User.Identity?.Name ?? "", Salt = RandomNumberGenerator.GetBytes(32) }).Entity
            : await db.Set<Poll>().SingleAsync(p => p.Id == Existing.Id, ct);
        Input.ApplyTo(poll, cityClock);
        if (members.Count > 0) poll.ForGroup = true;
        else if (Input.RemoveGroup) poll.ForGroup = false;
        poll.UpdatedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // A draft has no ballot yet: its options are written again place by place (an option keeps its picture at its
        // place), those beyond the new list removed.
        var wanted = Input.BallotOptions(t);
        var current = await db.Set<PollOption>().Where(o => o.PollId == poll.Id).OrderBy(o => o.Position).ToListAsync(ct);
        for (var i = 0; i < wanted.Count; i++)
        {
            var option = i < current.Count ? current[i] : db.Add(new PollOption { PollId = poll.Id, Position = i + 1, LabelKo = "" }).Entity;
            (option.LabelKo, option.LabelEn, option.IsOther) = wanted[i];
        }
        db.RemoveRange(current.Skip(wanted.Count));
        // The group is kept as the commitments its members will vote under: the numbers themselves are not kept.
        if (members.Count > 0 || Input.RemoveGroup)
        {
            await db.Set<PollMember>().Where(m => m.PollId == poll.Id).ExecuteDeleteAsync(ct);
            db.AddRange(members.Select(key => Commitments.Of(poll.Salt, key)).Distinct().Select(c => new PollMember { PollId = poll.Id, Commitment = c }));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await audit.RecordAsync(User, Existing is null ? "decisions.poll.create" : "decisions.poll.edit", "poll", poll.Id.ToString(CultureInfo.InvariantCulture),
            new { poll.TitleKo, poll.Kind, poll.MinChoices, poll.MaxChoices, poll.OpensAt, poll.ClosesAt, poll.Districts, poll.MinAge, poll.MaxAge, Options = Input.Options, poll.ForGroup, GroupGiven = members.Count }, ct);
        return Redirect($"/admin/votes/{poll.Id}?saved=true");
    }

    /// <summary>Publishes a draft: from its opening time citizens may vote, and nothing on the ballot changes any more.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct)
    {
        // This button sends no poll form: what binding made of the empty form is no error.
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Existing is null || Phase != PollPhase.Draft) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        if (Existing.ClosesAt <= now) ModelState.AddModelError("Input.ClosesAt", t["Decisions.Error.ClosesInPast"]);
        if (Options.Count < 2) ModelState.AddModelError("Input.Options", t["Decisions.Error.TwoOptions"]);
        if (!ModelState.IsValid)
        {
            Input = PollInput.From(Existing, Options, cityClock);
            return Page();
        }
        var published = await db.Set<Poll>().Where(p => p.Id == Existing.Id && p.PublishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PublishedAt, now).SetProperty(p => p.UpdatedAt, now), ct);
        if (published == 1)
            await audit.RecordAsync(User, "decisions.poll.publish", "poll", Existing.Id.ToString(CultureInfo.InvariantCulture), new { Existing.OpensAt, Existing.ClosesAt }, ct);
        return Redirect($"/admin/votes/{Existing.Id}");
    }

    /// <summary>Closes a published poll now, before its planned end (ballots after this are refused; results then show).</summary>
    public async Task<IActionResult> OnPostCloseAsync(string id, CancellationToken ct)
    {
        // This button sends no poll form: what binding made of the empty form is no error.
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Existing is null || Phase is PollPhase.Draft or PollPhase.Closed) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = await db.Set<Poll>().Where(p => p.Id == Existing.Id && p.ClosedEarlyAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedEarlyAt, now).SetProperty(p => p.UpdatedAt, now), ct);
        if (closed == 1)
            await audit.RecordAsync(User, "decisions.poll.close", "poll", Existing.Id.ToString(CultureInfo.InvariantCulture), new { ClosedAt = now, Existing.VoterCount }, ct);
        return Redirect($"/admin/votes/{Existing.Id}");
    }

    /// <summary>The pictures of the draft's options, by option.</summary>
    public IReadOnlyDictionary<long, (long Id, string Alt)> Images { get; private set; } = new Dictionary<long, (long, string)>();

    /// <summary>
    /// Adds (or replaces) the picture of one of a draft's options, with the words that describe it; or removes it. The
    /// picture is re-encoded (no camera metadata) as budget pictures are.
    /// </summary>
    public async Task<IActionResult> OnPostImageAsync(string id, long option, IFormFile? image, string? alt, bool remove, CancellationToken ct)
    {
        ModelState.Clear(); // this form sends no poll
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Existing is null || Phase != PollPhase.Draft || Options.All(o => o.Id != option)) return NotFound();
        Input = PollInput.From(Existing, Options, cityClock);
        var field = $"image-{option}";
        if (remove)
        {
            await db.Set<PollOptionImage>().Where(i => i.OptionId == option).ExecuteDeleteAsync(ct);
            await audit.RecordAsync(User, "decisions.poll.option-image", "poll", Existing.Id.ToString(CultureInfo.InvariantCulture), new { option, Removed = true }, ct);
            return Redirect($"/admin/votes/{Existing.Id}#images");
        }
        if (image is null || image.Length == 0) ModelState.AddModelError(field, t["Decisions.Image.Required"]);
        if (string.IsNullOrWhiteSpace(alt) || alt.Trim().Length > Budgets.BudgetImages.AltMax) ModelState.AddModelError($"alt-{option}", t["Decisions.Budget.Image.AltRequired"]);
        Platform.Web.PreparedPhoto? picture = null;
        if (ModelState.IsValid)
        {
            (picture, var error) = await Budgets.BudgetImages.PrepareAsync(image!);
            if (error is not null) ModelState.AddModelError(field, t[error]);
        }
        if (!ModelState.IsValid) return Page();
        await db.Set<PollOptionImage>().Where(i => i.OptionId == option).ExecuteDeleteAsync(ct);
        db.Add(new PollOptionImage { PollId = Existing.Id, OptionId = option, Bytes = picture!.Bytes, Width = picture.Width, Height = picture.Height, AltText = alt!.Trim(), Hash = picture.Hash });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "decisions.poll.option-image", "poll", Existing.Id.ToString(CultureInfo.InvariantCulture), new { option, Alt = alt.Trim() }, ct);
        return Redirect($"/admin/votes/{Existing.Id}#images");
    }

    /// <summary>Recounts the poll from its chain and shows whether it holds.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(string id, CancellationToken ct)
    {
        // This button sends no poll form: what binding made of the empty form is no error.
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Existing is null) return NotFound();
        Check = await verifier.VerifyAsync(Existing.Id, ct);
        Input = PollInput.From(Existing, Options, cityClock);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        Districts = (await DistrictChoices.NamesAsync(db)).Select(d => new SelectListItem(d.Value, d.Key))
            .OrderBy(i => i.Text, StringComparer.Create(CultureInfo.CurrentUICulture, false)).ToList();
        KindItems = Enum.GetValues<PollKind>().Where(k => k != PollKind.Knapsack).Select(k => new SelectListItem(t["Decisions.Kind." + k].Value, k.ToString())).ToList();
        ResultsItems = Enum.GetValues<ResultsShown>().Select(k => new SelectListItem(t["Decisions.ResultsShown." + k].Value, k.ToString())).ToList();
        if (id == "new") return null;
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var pollId)) return NotFound();
        // A citizen's proposal is the moderators' until accepted.
        Existing = await db.Set<Poll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pollId && p.Moderation == Moderation.Published, ct);
        if (Existing is null) return NotFound();
        Options = await db.Set<PollOption>().AsNoTracking().Where(o => o.PollId == pollId).OrderBy(o => o.Position).ToListAsync(ct);
        Phase = Existing.PhaseAt(clock.GetUtcNow().UtcDateTime);
        GroupSize = Existing.ForGroup ? await db.Set<PollMember>().CountAsync(m => m.PollId == pollId, ct) : 0;
        Images = await PollOptionImages.OfPollAsync(db, pollId, ct);
        return null;
    }
}

/// <summary>The poll form, its checks, and how it maps onto a poll.</summary>
public sealed class PollInput
{
    [Display(Name = "Decisions.Field.TitleKo"), Required(ErrorMessage = "Decisions.Error.TitleRequired"), StringLength(300, ErrorMessage = "Form.TooLong")]
    public string TitleKo { get; set; } = "";
    [Display(Name = "Decisions.Field.TitleEn"), StringLength(300, ErrorMessage = "Form.TooLong")] public string? TitleEn { get; set; }
    [Display(Name = "Decisions.Field.DescriptionKo"), StringLength(4000, ErrorMessage = "Form.TooLong")] public string? DescriptionKo { get; set; }
    [Display(Name = "Decisions.Field.DescriptionEn"), StringLength(4000, ErrorMessage = "Form.TooLong")] public string? DescriptionEn { get; set; }
    [Display(Name = "Decisions.Field.Kind")] public PollKind Kind { get; set; } = PollKind.SingleChoice;
    [Display(Name = "Decisions.Field.MinChoices")] public int? MinChoices { get; set; }
    [Display(Name = "Decisions.Field.MaxChoices")] public int? MaxChoices { get; set; }
    [Display(Name = "Decisions.Field.Results")] public ResultsShown Results { get; set; } = ResultsShown.AfterClose;
    [Display(Name = "Decisions.Field.OpensAt")] public DateTime? OpensAt { get; set; }
    [Display(Name = "Decisions.Field.ClosesAt")] public DateTime? ClosesAt { get; set; }
    public List<string> Districts { get; set; } = [];
    [Display(Name = "Decisions.Field.MinAge")] public int? MinAge { get; set; }
    [Display(Name = "Decisions.Field.MaxAge")] public int? MaxAge { get; set; }
    /// <summary>The options, one a line (not asked for a yes/no poll, whose options are the city's words for yes and no).</summary>
    [Display(Name = "Decisions.Field.Options"), StringLength(20_000, ErrorMessage = "Form.TooLong")]
    public string? Options { get; set; }
    /// <summary>A one-answer poll may end with "other", the voter writing their own answer (moderated before it is shown).</summary>
    [Display(Name = "Decisions.Field.AllowOther")] public bool AllowOther { get; set; }
    /// <summary>The group's mobile numbers, one a line (a new list replaces the group; none keeps it).</summary>
    [Display(Name = "Decisions.Field.Group"), StringLength(1_000_000, ErrorMessage = "Form.TooLong")] public string? GroupMembers { get; set; }
    [Display(Name = "Decisions.Field.RemoveGroup")] public bool RemoveGroup { get; set; }

    /// <summary>The identity keys of the group's numbers; a line that is no mobile number is an error naming it.</summary>
    public IReadOnlyList<string> GroupKeys(IVerifiedCitizens verified, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer<Text> t)
    {
        var keys = new List<string>();
        var lines = (GroupMembers ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (verified.IdentityKeyForMobile(line) is { } key) keys.Add(key);
            else
            {
                state.AddModelError("Input.GroupMembers", t["Decisions.Error.GroupLine", i + 1]);
                return [];
            }
        }
        return keys;
    }

    /// <summary>
    /// The ballot's options as they will be stored: a yes/no poll's are the city's words for yes and no, in both
    /// languages; then "other" when allowed.
    /// </summary>
    public IReadOnlyList<(string Ko, string? En, bool Other)> BallotOptions(IStringLocalizer<Text> t)
    {
        (string Ko, string? En, bool Other) Both(string key, bool other) =>
            (Platform.Localization.InCulture.Run(CultureInfo.GetCultureInfo("ko-KR"), () => t[key].Value),
             Platform.Localization.InCulture.Run(CultureInfo.GetCultureInfo("en-US"), () => t[key].Value), other);
        var options = Kind == PollKind.YesNo ? [Both("Decisions.YesNo.Yes", false), Both("Decisions.YesNo.No", false)] : ParseOptions().Select(o => (o.Ko, o.En, false)).ToList();
        return AllowOther ? [.. options, Both("Decisions.Other.Label", true)] : options;
    }

    /// <summary>One option a line: its Korean label, then " | " and its English one when given.</summary>
    public IReadOnlyList<(string Ko, string? En)> ParseOptions() =>
        (Options ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries) is var parts && parts.Length == 2 && parts[1].Length > 0 ? (parts[0], parts[1]) : (line.TrimEnd('|', ' '), (string?)null))
            .ToList();

    public void Validate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer<Text> t)
    {
        // A date no clock can convert (0001-01-01) never arrives here: CalendarDateBinderProvider refused it on binding,
        // with its own message, so the field is not said to be missing as well.
        bool Unread(string key) => state.GetFieldValidationState(key) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
        if (OpensAt is null && !Unread("Input.OpensAt")) state.AddModelError("Input.OpensAt", t["Decisions.Error.OpensAt"]);
        if (ClosesAt is null && !Unread("Input.ClosesAt")) state.AddModelError("Input.ClosesAt", t["Decisions.Error.ClosesAt"]);
        else if (OpensAt is { } opens && ClosesAt <= opens) state.AddModelError("Input.ClosesAt", t["Decisions.Error.ClosesBeforeOpens"]);
        if (Kind == PollKind.Knapsack) state.AddModelError("Input.Kind", t["Decisions.Error.KnapsackKind"]);
        // Ages a person can have; a number the binder could not read has its own message already.
        if (MinAge is < 0 or > MaxAgeAccepted && !Unread("Input.MinAge")) state.AddModelError("Input.MinAge", t["Decisions.Error.Age", MaxAgeAccepted]);
        if (MaxAge is < 0 or > MaxAgeAccepted && !Unread("Input.MaxAge")) state.AddModelError("Input.MaxAge", t["Decisions.Error.Age", MaxAgeAccepted]);
        else if (MinAge is { } youngest && MaxAge < youngest) state.AddModelError("Input.MaxAge", t["Decisions.Error.AgeOrder"]);
        if (AllowOther && Kind is not (PollKind.SingleChoice or PollKind.YesNo)) state.AddModelError("Input.AllowOther", t["Decisions.Error.OtherOneAnswer"]);
        if (Kind == PollKind.YesNo) return; // its options are yes and no
        var options = ParseOptions();
        if (options.Count < 2) state.AddModelError("Input.Options", t["Decisions.Error.TwoOptions"]);
        else if (options.Count > EditModel.MaxOptions) state.AddModelError("Input.Options", t["Decisions.Error.TooManyOptions", EditModel.MaxOptions]);
        else if (options.Any(o => o.Ko.Length == 0 || o.Ko.Length > 300 || o.En?.Length > 300)) state.AddModelError("Input.Options", t["Decisions.Error.OptionLength"]);
        else if (options.Select(o => o.Ko).Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count) state.AddModelError("Input.Options", t["Decisions.Error.OptionTwice"]);
        if (Kind is PollKind.MultipleChoice or PollKind.Ranked && options.Count >= 2)
        {
            var (min, max) = (MinChoices ?? 1, MaxChoices ?? options.Count);
            if (min < 1 || max < min || max > options.Count) state.AddModelError("Input.MaxChoices", t["Decisions.Error.Choices", options.Count]);
        }
    }

    public const int MaxAgeAccepted = 130;

    public void ApplyTo(Poll poll, CityClock clock)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        poll.TitleKo = TitleKo.Trim();
        (poll.TitleEn, poll.DescriptionKo, poll.DescriptionEn) = (Clean(TitleEn), Clean(DescriptionKo), Clean(DescriptionEn));
        poll.Kind = Kind;
        var count = Kind == PollKind.YesNo ? 2 : ParseOptions().Count;
        (poll.MinChoices, poll.MaxChoices) = Kind is PollKind.MultipleChoice or PollKind.Ranked ? (MinChoices ?? 1, MaxChoices ?? count) : (1, 1);
        poll.Results = Results;
        poll.OpensAt = clock.FromLocal(OpensAt!.Value).UtcDateTime;
        poll.ClosesAt = clock.FromLocal(ClosesAt!.Value).UtcDateTime;
        var districts = Districts.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        poll.Districts = districts.Count == 0 ? null : string.Join(',', districts);
        (poll.MinAge, poll.MaxAge) = (MinAge, MaxAge);
    }

    public static PollInput From(Poll poll, IEnumerable<PollOption> options, CityClock clock) => new()
    {
        TitleKo = poll.TitleKo, TitleEn = poll.TitleEn, DescriptionKo = poll.DescriptionKo, DescriptionEn = poll.DescriptionEn, Kind = poll.Kind,
        MinChoices = poll.MinChoices, MaxChoices = poll.MaxChoices, Results = poll.Results,
        OpensAt = clock.ToLocal(poll.OpensAt).DateTime, ClosesAt = clock.ToLocal(poll.ClosesAt).DateTime,
        Districts = [.. poll.DistrictCodes],
        MinAge = poll.MinAge, MaxAge = poll.MaxAge,
        Options = poll.Kind == PollKind.YesNo ? null
            : string.Join('\n', options.Where(o => !o.IsOther).OrderBy(o => o.Position).Select(o => o.LabelEn is null ? o.LabelKo : $"{o.LabelKo} | {o.LabelEn}")),
        AllowOther = options.Any(o => o.IsOther),
    };
}
