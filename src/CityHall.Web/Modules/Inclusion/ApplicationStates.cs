namespace CityHall.Web.Modules.Inclusion;

/// <summary>Where an application is. The main path runs top to bottom; the last four are ways out.</summary>
public enum ApplicationState
{
    Draft, Submitted, NeedsInformation, Verified, Ineligible, Ranked, Waitlisted, Offered, Accepted, Scheduled, Fulfilled, FollowUpDue, Closed,
    Withdrawn, Lapsed, Cancelled, Returned,
}

/// <summary>
/// The moves an application may make, and nothing else: a move not listed is refused with the
/// reason in words (resource "Inclusion.State.{state}" names each state). Withdrawing is open to the
/// applicant until the item, visit or seat is delivered; cancelling (a duplicate benefit found) is
/// staff's until the application is closed; returning is for loans once fulfilled.
/// </summary>
public static class ApplicationStates
{
    private static readonly Dictionary<ApplicationState, ApplicationState[]> Moves = new()
    {
        [ApplicationState.Draft] = [ApplicationState.Submitted, ApplicationState.Withdrawn],
        [ApplicationState.Submitted] = [ApplicationState.NeedsInformation, ApplicationState.Verified, ApplicationState.Ineligible, ApplicationState.Withdrawn, ApplicationState.Cancelled],
        [ApplicationState.NeedsInformation] = [ApplicationState.Submitted, ApplicationState.Withdrawn, ApplicationState.Lapsed, ApplicationState.Cancelled],
        [ApplicationState.Verified] = [ApplicationState.Ranked, ApplicationState.Waitlisted, ApplicationState.Withdrawn, ApplicationState.Cancelled],
        [ApplicationState.Ineligible] = [ApplicationState.Closed],
        [ApplicationState.Ranked] = [ApplicationState.Offered, ApplicationState.Withdrawn, ApplicationState.Cancelled],
        [ApplicationState.Waitlisted] = [ApplicationState.Offered, ApplicationState.Withdrawn, ApplicationState.Cancelled, ApplicationState.Closed],
        [ApplicationState.Offered] = [ApplicationState.Accepted, ApplicationState.Withdrawn, ApplicationState.Lapsed, ApplicationState.Cancelled],
        [ApplicationState.Accepted] = [ApplicationState.Scheduled, ApplicationState.Withdrawn, ApplicationState.Cancelled],
        [ApplicationState.Scheduled] = [ApplicationState.Fulfilled, ApplicationState.Scheduled, ApplicationState.Withdrawn, ApplicationState.Cancelled],
        [ApplicationState.Fulfilled] = [ApplicationState.FollowUpDue, ApplicationState.Returned, ApplicationState.Closed, ApplicationState.Cancelled],
        [ApplicationState.FollowUpDue] = [ApplicationState.Closed, ApplicationState.Returned, ApplicationState.Cancelled],
        [ApplicationState.Returned] = [ApplicationState.Closed],
        [ApplicationState.Closed] = [],
        [ApplicationState.Withdrawn] = [],
        [ApplicationState.Lapsed] = [],
        [ApplicationState.Cancelled] = [],
    };

    public static IReadOnlyList<ApplicationState> NextFrom(ApplicationState state) => Moves[state];

    public static bool CanMove(ApplicationState from, ApplicationState to) => Moves[from].Contains(to);

    /// <summary>The states in which an application holds one of the programme's places (selected, and from then on).</summary>
    public static readonly ApplicationState[] Holding =
    [
        ApplicationState.Ranked, ApplicationState.Offered, ApplicationState.Accepted, ApplicationState.Scheduled,
        ApplicationState.Fulfilled, ApplicationState.FollowUpDue, ApplicationState.Closed, ApplicationState.Returned,
    ];

    /// <summary>The ends of an application that was never served: its household slot and its count in the round go back.</summary>
    public static readonly ApplicationState[] Released =
        [ApplicationState.Withdrawn, ApplicationState.Ineligible, ApplicationState.Lapsed, ApplicationState.Cancelled];

    /// <summary>Whether the application has ended, one way or another (an ineligible one can only be closed).</summary>
    public static bool HasEnded(ApplicationState state) => IsFinal(state) || state == ApplicationState.Ineligible;

    public static bool IsFinal(ApplicationState state) => Moves[state].Length == 0;

    /// <summary>Null when allowed; otherwise why not, in the reader's language ("An application that is Closed cannot become Offered; from Closed: nothing more.").</summary>
    public static string? Refusal(ApplicationState from, ApplicationState to, IStringLocalizer t)
    {
        if (CanMove(from, to)) return null;
        var next = Moves[from];
        return t["Inclusion.State.Refused", t[$"Inclusion.State.{from}"], t[$"Inclusion.State.{to}"],
            next.Length == 0 ? t["Inclusion.State.NothingMore"].Value : string.Join(", ", next.Select(s => t[$"Inclusion.State.{s}"].Value))];
    }
}
