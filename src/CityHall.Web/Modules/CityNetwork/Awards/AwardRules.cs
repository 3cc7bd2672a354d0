namespace CityHall.Web.Modules.CityNetwork.Awards;

/// <summary>
/// The rules of an awards edition, apart from storage so they can be checked on a clock of the test's choosing: when
/// entries are taken, who may score what and when, and what each step of the edition needs. Each answer is null when
/// allowed, or the text key of the reason it is not.
/// </summary>
public static class AwardRules
{
    public static bool TakesEntries(AwardEdition edition, DateTime now) =>
        edition.Phase == AwardPhase.Entries && edition.OpensAt <= now && now < edition.DeadlineAt;

    /// <summary>Why an entry cannot be changed or submitted now: it is no draft, or the edition is not taking entries.</summary>
    public static string? DraftRefusal(AwardEdition edition, AwardEntry entry, DateTime now) =>
        entry.Status != EntryStatus.Draft ? "Network.Awards.Entry.NotDraft"
        : now >= edition.DeadlineAt || edition.Phase != AwardPhase.Entries ? "Network.Awards.Entry.DeadlinePassed"
        : now < edition.OpensAt ? "Network.Awards.Entry.NotOpenYet"
        : null;

    /// <summary>A juror never sees or scores an entry from their own city or country, nor one they declared a conflict with.</summary>
    public static bool InConflict(AwardJuror juror, AwardEntry entry, bool declared) =>
        declared || string.Equals(juror.CountryCode, entry.CountryCode, StringComparison.OrdinalIgnoreCase)
        || (juror.MemberId is { } city && entry.MemberId == city);

    /// <summary>The entries a round scores: the eligible ones in round 1, the shortlisted in round 2.</summary>
    public static EntryStatus ScoredIn(int round) => round == 1 ? EntryStatus.Eligible : EntryStatus.Shortlisted;

    public static AwardPhase PhaseOf(int round) => round == 1 ? AwardPhase.Round1 : AwardPhase.Round2;

    /// <summary>
    /// The round a phase belongs to for the jury — the one being scored, or the last one scored: 1 from round 1 to the
    /// shortlist, 2 from round 2 on; 0 while entries are still coming in.
    /// </summary>
    public static int LatestRound(AwardPhase phase) => phase switch
    {
        AwardPhase.Round1 or AwardPhase.Shortlisting => 1,
        AwardPhase.Round2 or AwardPhase.Deciding or AwardPhase.Announced => 2,
        _ => 0,
    };

    /// <summary>Why the juror cannot score the entry in the round with these scores (criterion id → score).</summary>
    public static string? ScoreRefusal(AwardEdition edition, AwardJuror juror, AwardEntry entry, int round, bool declaredConflict,
        IReadOnlyCollection<long> criteria, IReadOnlyDictionary<long, int> scores)
    {
        if (round is not (1 or 2) || edition.Phase != PhaseOf(round)) return "Network.Awards.Score.RoundClosed";
        if (entry.EditionId != edition.Id || entry.CategoryId != juror.CategoryId || entry.Status != ScoredIn(round)) return "Network.Awards.Score.NotYours";
        if (InConflict(juror, entry, declaredConflict)) return "Network.Awards.Score.Conflict";
        if (scores.Count != criteria.Count || scores.Keys.Any(c => !criteria.Contains(c))) return "Network.Awards.Score.EveryCriterion";
        if (scores.Values.Any(s => s < 1 || s > edition.ScaleMax)) return "Network.Awards.Score.OutOfScale";
        return null;
    }

    /// <summary>Round 1 opens once the deadline has passed and every submitted entry has been screened.</summary>
    public static string? OpenRound1Refusal(AwardEdition edition, DateTime now, int unscreened) =>
        edition.Phase != AwardPhase.Entries ? "Network.Awards.Phase.Wrong"
        : now < edition.DeadlineAt ? "Network.Awards.Phase.BeforeDeadline"
        : unscreened > 0 ? "Network.Awards.Phase.Unscreened"
        : null;

    /// <summary>Screening is for submitted entries, until round 1 opens; an ineligible entry says why.</summary>
    public static string? ScreeningRefusal(AwardEdition edition, AwardEntry entry, bool eligible, string? reasons) =>
        edition.Phase != AwardPhase.Entries ? "Network.Awards.Phase.Wrong"
        : entry.Status != EntryStatus.Submitted ? "Network.Awards.Screen.NotSubmitted"
        : !eligible && string.IsNullOrWhiteSpace(reasons) ? "Network.Awards.Screen.ReasonsRequired"
        : null;

    /// <summary>What an applicant is told of their entry: screening's outcome at once; the rounds' only once the edition is announced.</summary>
    public static EntryStatus ShownToApplicant(AwardEntry entry, AwardEdition edition) =>
        edition.AnnouncedAt is null && entry.Status is EntryStatus.Shortlisted or EntryStatus.NotShortlisted or EntryStatus.Awarded or EntryStatus.NotAwarded
            ? EntryStatus.Eligible : entry.Status;

    /// <summary>
    /// Why a selection (the shortlist of a category, or its winners) cannot stand: it must hold exactly as many as the
    /// places (or every candidate, when fewer), all among the candidates; and when an entry left out scored as high as or
    /// higher than one chosen — a tie across the line, or the jury's order set aside — the reason must be recorded.
    /// </summary>
    public static string? SelectionRefusal(IReadOnlyList<(long EntryId, decimal? Score)> candidates, IReadOnlyCollection<long> chosen, int places, string? reason)
    {
        var count = Math.Min(places, candidates.Count);
        if (chosen.Count != count || chosen.Distinct().Count() != count || chosen.Any(id => candidates.All(c => c.EntryId != id))) return "Network.Awards.Select.Count";
        return SelectionNeedsReason(candidates, chosen) && string.IsNullOrWhiteSpace(reason) ? "Network.Awards.Select.ReasonRequired" : null;
    }

    public static bool SelectionNeedsReason(IReadOnlyList<(long EntryId, decimal? Score)> candidates, IReadOnlyCollection<long> chosen)
    {
        if (chosen.Count == 0) return false;
        var lowest = candidates.Where(c => chosen.Contains(c.EntryId)).Min(c => c.Score ?? decimal.MinValue);
        return candidates.Any(c => !chosen.Contains(c.EntryId) && (c.Score ?? decimal.MinValue) >= lowest);
    }
}
