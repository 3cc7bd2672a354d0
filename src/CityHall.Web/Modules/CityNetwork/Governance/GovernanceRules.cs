namespace CityHall.Web.Modules.CityNetwork.Governance;

/// <summary>
/// The rules of the network's governance, apart from storage so they can be checked on their own: how many seats the
/// Executive Committee holds at once, who holds an office, and what a set of recorded votes decides.
/// </summary>
public static class GovernanceRules
{
    /// <summary>
    /// The most seats held on any one day between <paramref name="start"/> and <paramref name="end"/> (inclusive): each
    /// seat counts from its first day to its last, so a term ending the day before another begins does not overlap it.
    /// </summary>
    public static int MostSeatsHeldAtOnce(IEnumerable<CommitteeSeat> seats, DateOnly start, DateOnly end)
    {
        var changes = new List<(DateOnly Day, int Change)>();
        foreach (var seat in seats.Where(s => s.Overlaps(start, end)))
        {
            changes.Add((seat.TermStart < start ? start : seat.TermStart, +1));
            if (seat.TermEnd < end) changes.Add((seat.TermEnd.AddDays(1), -1));
        }
        // On one day, seats ending (a -1 the day after their last) are counted before seats beginning.
        int held = 0, most = 0;
        foreach (var (_, change) in changes.OrderBy(c => c.Day).ThenBy(c => c.Change))
            most = Math.Max(most, held += change);
        return most;
    }

    /// <summary>
    /// Why a seat for <paramref name="memberId"/> with <paramref name="office"/> from <paramref name="start"/> to
    /// <paramref name="end"/> cannot be added beside <paramref name="seats"/> (the text key), or null when it can: its
    /// term must end after it starts, a member holds one seat at a time, the President and the Secretary General are one
    /// each at a time, and the committee never holds more than <paramref name="maxSeats"/> seats on one day.
    /// </summary>
    public static string? SeatRefusal(IReadOnlyCollection<CommitteeSeat> seats, long memberId, CommitteeOffice office, DateOnly start, DateOnly end, int maxSeats)
    {
        if (end < start) return "Network.Seat.EndBeforeStart";
        var overlapping = seats.Where(s => s.Overlaps(start, end)).ToList();
        if (overlapping.Any(s => s.MemberId == memberId)) return "Network.Seat.MemberHoldsSeat";
        if (office is CommitteeOffice.President or CommitteeOffice.SecretaryGeneral && overlapping.Any(s => s.Office == office)) return "Network.Seat.OfficeTaken";
        return MostSeatsHeldAtOnce(overlapping, start, end) + 1 > maxSeats ? "Network.Seat.CommitteeFull" : null;
    }

    /// <summary>
    /// The totals of the votes recorded and the outcome: adopted when those who voted (abstaining counts as voting) are
    /// at least <paramref name="quorumPercent"/> of the <paramref name="electorate"/> and more voted for than against.
    /// </summary>
    public static (int For, int Against, int Abstain, DecisionOutcome Outcome) Decide(IEnumerable<VoteChoice> votes, int electorate, int quorumPercent)
    {
        int votesFor = 0, against = 0, abstain = 0;
        foreach (var vote in votes)
        {
            switch (vote)
            {
                case VoteChoice.For: votesFor++; break;
                case VoteChoice.Against: against++; break;
                default: abstain++; break;
            }
        }
        var quorate = electorate > 0 && (long)(votesFor + against + abstain) * 100 >= (long)electorate * quorumPercent;
        return (votesFor, against, abstain, quorate && votesFor > against ? DecisionOutcome.Adopted : DecisionOutcome.Rejected);
    }
}
