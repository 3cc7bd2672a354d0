using System.Globalization;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Decisions.Admin;

/// <summary>
/// A polling station: an officer enters a paper ballot for a voter whose identity they checked on paper — the voter's
/// mobile number (which gives the same identity as their SMS verification, so online and paper ballots of one person
/// meet), for a poll of some districts the district on their identity card, and the year of birth on it (required for a
/// poll of some ages; otherwise it places the ballot in the results by age band). It goes through the same writer as
/// online ballots, marked as paper on the chain. A paper ballot from someone who already voted (online, or on paper
/// elsewhere) is kept aside as flagged, not counted, and the officer is told so at once. Every entry is audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DecisionsModule.EnterPaperBallots)]
public sealed class PaperModel(AppDbContext db, BallotWriter writer, IVerifiedCitizens verified, AuditLog audit, CityClock clock, IStringLocalizer<Text> t) : PageModel
{
    public Poll Poll { get; private set; } = null!;
    public IReadOnlyList<PollOption> Options { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];
    /// <summary>The options' pictures, as the voter saw them on the ballot: the paper ballot is matched to them.</summary>
    public IReadOnlyDictionary<long, (long Id, string Alt)> Images { get; private set; } = new Dictionary<long, (long, string)>();
    public int Flagged { get; private set; }
    public int PaperCounted { get; private set; }
    /// <summary>What became of the ballot just entered (a text key), and whether it counted.</summary>
    public string? Outcome { get; private set; }
    public bool Counted { get; private set; }
    [BindProperty, Display(Name = "Decisions.Paper.Mobile")] public string? Mobile { get; set; }
    [BindProperty, Display(Name = "Decisions.Paper.District")] public string? District { get; set; }
    [BindProperty, Display(Name = "Decisions.Paper.BirthYear")] public int? BirthYear { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id, List<long>? choice, string? other, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var key = verified.IdentityKeyForMobile(Mobile ?? "");
        if (key is null) ModelState.AddModelError(nameof(Mobile), t["Decisions.Paper.Error.Mobile"]);
        if (Poll.DistrictCodes.Count > 0 && string.IsNullOrEmpty(District)) ModelState.AddModelError(nameof(District), t["Decisions.Paper.Error.District"]);
        var unreadYear = ModelState.GetFieldValidationState(nameof(BirthYear)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
        if (unreadYear || BirthYear is not null && !BirthYears.Plausible(BirthYear, clock.Now.Year) || BirthYear is null && Poll.ForAges)
        {
            ModelState.Remove(nameof(BirthYear));
            ModelState.AddModelError(nameof(BirthYear), t["Decisions.Paper.Error.BirthYear", BirthYears.Earliest, clock.Now.Year]);
        }
        if (!ModelState.IsValid) return Page();
        var result = await writer.CastAsync(new(id, key!, string.IsNullOrEmpty(District) ? null : District, choice ?? [], User.Identity?.Name ?? "officer", BirthYear, other), ct);
        (Outcome, Counted) = result.Outcome switch
        {
            BallotOutcome.Cast => ("Decisions.Paper.Counted", true),
            BallotOutcome.Flagged => ("Decisions.Paper.Flagged", false),
            BallotOutcome.OutsideDistrict => ("Decisions.Refused.OutsideDistrict", false),
            BallotOutcome.NotInGroup => ("Decisions.Refused.NotInGroup", false),
            BallotOutcome.OutsideAge => ("Decisions.Refused.OutsideAge", false),
            BallotOutcome.OtherTextMissing => ("Decisions.Refused.OtherText", false),
            BallotOutcome.NotOpen => ("Decisions.Refused.NotOpen", false),
            BallotOutcome.OverAmount => ("Decisions.Refused.OverAmount", false),
            BallotOutcome.UnderMinimum => ("Decisions.Refused.UnderMinimum", false),
            _ => ("Decisions.Refused.InvalidChoices", false),
        };
        if (!Counted && result.Outcome != BallotOutcome.Flagged) ModelState.AddModelError("choice", t[Outcome]);
        // The number is not kept in the log either: only what happened, and by whom.
        await audit.RecordAsync(User, "decisions.poll.paper-ballot", "poll", id.ToString(CultureInfo.InvariantCulture),
            new { Outcome = result.Outcome.ToString(), Entry = result.Receipt?.Sequence }, ct);
        await CountAsync(ct);
        if (Counted || result.Outcome == BallotOutcome.Flagged) (Mobile, District, BirthYear) = (null, null, null);
        ModelState.Remove(nameof(Mobile));
        ModelState.Remove(nameof(District));
        ModelState.Remove(nameof(BirthYear));
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        if (await Polls.FindPublishedAsync(db, id, ct) is not var (poll, options)) return NotFound();
        (Poll, Options) = (poll, options);
        Images = await PollOptionImages.OfPollAsync(db, id, ct);
        var names = await DistrictChoices.NamesAsync(db);
        DistrictItems = [new SelectListItem(t["Decisions.Paper.ChooseDistrict"].Value, ""),
            .. poll.DistrictCodes.Select(c => new SelectListItem(names.GetValueOrDefault(c, c), c)), new SelectListItem(t["Decisions.Paper.OtherDistrict"].Value, "other")];
        await CountAsync(ct);
        return null;
    }

    private async Task CountAsync(CancellationToken ct)
    {
        Flagged = await db.Set<FlaggedBallot>().CountAsync(f => f.PollId == Poll.Id, ct);
        PaperCounted = await db.Set<PollVoter>().CountAsync(v => v.PollId == Poll.Id && v.Paper, ct);
    }
}
