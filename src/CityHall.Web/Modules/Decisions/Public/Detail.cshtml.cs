using System.Globalization;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Integrity;

namespace CityHall.Web.Modules.Decisions.Public;

/// <summary>Whether the reader may vote in a poll, and if not, why: said before they try.</summary>
public enum Eligibility { SignedOut, NotVerified, OutsideDistrict, NotInGroup, OutsideAge, NoBirthYear, Eligible }

/// <summary>
/// A poll: the question, who may vote (and whether the reader may, and why not), the ballot form (which posts to
/// <see cref="BallotCasting"/>; its refusals come back as ?refused=), the reader's current ballot and receipt, and
/// the results once they may be shown.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)]
public sealed class DetailModel(AppDbContext db, IVerifiedCitizens verified, TimeProvider clock, CityClock cityClock, Microsoft.Extensions.Options.IOptionsSnapshot<CityOptions> city, IStringLocalizer<Text> t) : PageModel
{
    public Poll Poll { get; private set; } = null!;
    public IReadOnlyList<PollOption> Options { get; private set; } = [];
    public PollPhase Phase { get; private set; }
    public bool ResultsShown { get; private set; }
    public Eligibility Eligibility { get; private set; }
    /// <summary>The districts that may vote, named in the reader's language (empty: every verified citizen).</summary>
    public IReadOnlyList<string> DistrictNames { get; private set; } = [];
    public string? MyDistrict { get; private set; }
    /// <summary>The ages that may vote, in words (null: any age); the reader's age for this poll when they gave their year of birth.</summary>
    public string? Ages { get; private set; }
    public int? MyAge { get; private set; }
    /// <summary>The reader's current ballot, if they voted.</summary>
    public PollVoter? MyBallot { get; private set; }
    public PollBallot? Receipt { get; private set; }
    public string? Message { get; private set; }
    public string? Refusal { get; private set; }
    /// <summary>The pictures of the options that have one, by option.</summary>
    public IReadOnlyDictionary<long, (long Id, string Alt)> Images { get; private set; } = new Dictionary<long, (long, string)>();
    /// <summary>For a budget heading's ballot: the heading and its budget, which the page leads back to.</summary>
    public Budgets.BudgetHeading? Heading { get; private set; }
    public Budgets.Budget? Budget { get; private set; }

    /// <summary>What the reader's current ballot costs (a budget ballot's projects), or 0.</summary>
    public long ChosenCost => Options.Where(Chosen).Sum(o => o.Cost ?? 0);

    public string Label(PollOption o) => LocalizedText.Pick(CultureInfo.CurrentUICulture, o.LabelKo, o.LabelEn ?? "");

    /// <summary>The choices the form shows ticked: those of a ballot just refused (to correct), else the reader's current ballot.</summary>
    public List<long> Ticked { get; private set; } = [];

    public bool Chosen(PollOption o) => Ticked.Contains(o.Id);

    /// <summary>Where the reader's current ballot ranks the option (1 first), or null.</summary>
    public int? RankOf(PollOption o) => Ticked.IndexOf(o.Id) is var i and >= 0 ? i + 1 : null;

    /// <summary>The options of the reader's current ballot, as stored (a ranking in its order).</summary>
    public IEnumerable<PollOption> MyChoices => MyBallot is { } b ? PollBallot.Parse(b.Choices).Select(id => Options.FirstOrDefault(o => o.Id == id)).OfType<PollOption>() : [];

    /// <summary>How the ballot is filled in, in words.</summary>
    public string HowMany => Poll.Kind switch
    {
        PollKind.MultipleChoice => t["Decisions.HowMany.Multiple", Poll.MinChoices, Poll.MaxChoices].Value,
        PollKind.Ranked => t["Decisions.HowMany.Ranked", Poll.MinChoices, Poll.MaxChoices].Value,
        PollKind.Knapsack => t["Decisions.HowMany.Knapsack", city.Value.FormatMoney(Poll.Amount ?? 0, CultureInfo.CurrentUICulture), city.Value.FormatMoney(Poll.MinAmount ?? 0, CultureInfo.CurrentUICulture)].Value,
        _ => t["Decisions.HowMany.Single"].Value,
    };

    /// <summary>A poll's ages in words, with the year they are counted in (everyone born in one year has one age).</summary>
    public static string AgesText(Poll poll, CityClock clock, IStringLocalizer<Text> t)
    {
        var year = clock.ToLocal(poll.OpensAt).Year;
        return (poll.MinAge, poll.MaxAge) switch
        {
            ({ } min, { } max) => t["Decisions.Who.AgeRange", min, max, year].Value,
            ({ } min, null) => t["Decisions.Who.AgeFrom", min, year].Value,
            (null, { } max) => t["Decisions.Who.AgeTo", max, year].Value,
            _ => "",
        };
    }

    public async Task<IActionResult> OnGetAsync(long id, string? done, string? refused, long? receipt, string? chosen, CancellationToken ct)
    {
        if (await Polls.FindPublishedAsync(db, id, ct) is not var (poll, options)) return NotFound();
        (Poll, Options) = (poll, options);
        var now = clock.GetUtcNow().UtcDateTime;
        Phase = poll.PhaseAt(now);
        ResultsShown = poll.ResultsVisibleAt(now);
        Images = await PollOptionImages.OfPollAsync(db, id, ct);
        // The districts' names are read only for a poll that names districts (a receipt page of any other poll needs none).
        var names = poll.DistrictCodes.Count > 0 ? await DistrictChoices.NamesAsync(db) : new Dictionary<string, string>();
        DistrictNames = poll.DistrictCodes.Select(c => names.GetValueOrDefault(c, c)).ToList();
        if (poll.BudgetHeadingId is { } headingId)
        {
            Heading = await db.Set<Budgets.BudgetHeading>().AsNoTracking().SingleAsync(h => h.Id == headingId, ct);
            Budget = await db.Set<Budgets.Budget>().AsNoTracking().SingleAsync(b => b.Id == Heading.BudgetId, ct);
        }

        var voter = User.Identity?.IsAuthenticated == true ? await verified.FindVerifiedAsync(User, ct) : null;
        Eligibility = User.Identity?.IsAuthenticated != true ? Eligibility.SignedOut
            : voter is null ? Eligibility.NotVerified
            : poll.DistrictCodes.Count > 0 && (voter.DistrictCode is null || !poll.DistrictCodes.Contains(voter.DistrictCode, StringComparer.OrdinalIgnoreCase)) ? Eligibility.OutsideDistrict
            : !poll.AgeAllowed(voter.BirthYear, cityClock) ? (voter.BirthYear is null ? Eligibility.NoBirthYear : Eligibility.OutsideAge)
            : Eligibility.Eligible;
        if (poll.ForAges)
        {
            Ages = AgesText(poll, cityClock, t);
            if (voter?.BirthYear is { } born) MyAge = poll.AgeOf(born, cityClock);
        }
        MyDistrict = voter?.DistrictCode is { } mine ? names.GetValueOrDefault(mine, mine) : null;
        // Once the poll has closed its salt is erased (PollKeyEraser): then no one can find whose ballot is whose, the voter neither.
        if (voter is not null && poll.Salt.Length > 0)
        {
            var commitment = Commitments.Of(poll.Salt, voter.IdentityKey);
            if (Eligibility == Eligibility.Eligible && poll.ForGroup && !await db.Set<PollMember>().AnyAsync(m => m.PollId == id && m.Commitment == commitment, ct))
                Eligibility = Eligibility.NotInGroup;
            MyBallot = await db.Set<PollVoter>().AsNoTracking().FirstOrDefaultAsync(v => v.PollId == id && v.Commitment == commitment, ct);
            // A receipt is shown only to the voter it belongs to: the ballot must be one of theirs.
            if (receipt is { } sequence)
                Receipt = await db.Set<PollBallot>().AsNoTracking().FirstOrDefaultAsync(b => b.PollId == id && b.Sequence == sequence && b.Commitment == commitment, ct);
        }
        Ticked = MyBallot is { } current ? [.. PollBallot.Parse(current.Choices)] : [];
        Message = done switch
        {
            "cast" => t["Decisions.Done.Cast"].Value,
            "replaced" => t["Decisions.Done.Replaced"].Value,
            "unchanged" => t["Decisions.Done.Unchanged"].Value,
            _ => null,
        };
        if (refused is not null && BallotCasting.Refusals.TryGetValue(refused, out var key))
        {
            Refusal = t[key].Value;
            ModelState.AddModelError("choice", Refusal);
            // Only this poll's options, whatever the address says; a ranking keeps its order.
            var ids = options.Select(o => o.Id).ToHashSet();
            Ticked = (chosen ?? "").Split(',').Select(c => long.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(ids.Contains).Distinct().ToList();
        }
        return Page();
    }
}
