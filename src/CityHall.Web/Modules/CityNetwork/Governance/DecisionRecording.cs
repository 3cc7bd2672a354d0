using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Audit;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Governance;

/// <summary>
/// Who may vote at a meeting, and the recording of a decision with each vote: the Executive Committee's voters are the
/// members holding a seat on the meeting's day; the General Assembly's are the full members active that day. The totals
/// and outcome follow from the votes (<see cref="GovernanceRules.Decide"/>); an adopted full-membership decision makes
/// its associate member a full member from the meeting's day, in the same transaction.
/// </summary>
public sealed class DecisionRecording(AppDbContext db, AuditLog audit, TimeProvider clock, IOptionsMonitor<CityNetworkOptions> options)
{
    /// <summary>The members entitled to vote at the meeting, by name.</summary>
    public async Task<IReadOnlyList<NetworkMember>> VotersAsync(GovernanceMeeting meeting, CancellationToken ct)
    {
        var day = meeting.HeldOn;
        var members = db.Set<NetworkMember>().AsNoTracking();
        var voters = meeting.Body == GoverningBody.ExecutiveCommittee
            ? members.Where(m => db.Set<CommitteeSeat>().Any(s => s.MemberId == m.Id && s.TermStart <= day && s.TermEnd >= day))
            : members.Where(m => m.Type == MembershipType.Full && m.JoinedOn <= day && (m.FullSince == null || m.FullSince <= day)
                && (m.Status == MemberStatus.Active || m.LeftOn > day));
        return await voters.OrderBy(m => m.Name).ThenBy(m => m.Id).ToListAsync(ct);
    }

    /// <summary>Records a decision; the decision, or null and the reason (a text key) nothing was recorded.</summary>
    public async Task<(GovernanceDecision? Decision, string? Refusal)> RecordAsync(ClaimsPrincipal secretary, long meetingId, DecisionKind kind,
        long? subjectMemberId, string title, string? text, IReadOnlyDictionary<long, VoteChoice> votes, CancellationToken ct)
    {
        if (await db.Set<GovernanceMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct) is not { } meeting)
            return (null, "Network.Decision.UnknownMeeting");
        var voters = await VotersAsync(meeting, ct);
        if (votes.Keys.Any(id => voters.All(v => v.Id != id))) return (null, "Network.Decision.NotAVoter");
        NetworkMember? subject = null;
        if (kind == DecisionKind.FullMembership)
        {
            if (meeting.Body != GoverningBody.ExecutiveCommittee) return (null, "Network.Decision.FullMembershipByCommittee");
            subject = await db.Set<NetworkMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == subjectMemberId, ct);
            if (subject is not { Status: MemberStatus.Active, Type: MembershipType.Associate, Kind: MemberKind.City })
                return (null, "Network.Decision.NotAnAssociateCity");
        }
        var (votesFor, against, abstain, outcome) = GovernanceRules.Decide(votes.Values, voters.Count, options.CurrentValue.QuorumPercent);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var decision = new GovernanceDecision
        {
            MeetingId = meetingId, Kind = kind, SubjectMemberId = subject?.Id, Title = title.Trim(), Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            VotesFor = votesFor, VotesAgainst = against, Abstentions = abstain, Electorate = voters.Count, Outcome = outcome,
            RecordedBy = secretary.FindFirstValue(ClaimTypes.NameIdentifier)!, RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(decision);
        await db.SaveChangesAsync(ct);
        db.AddRange(votes.Select(v => new DecisionVote { DecisionId = decision.Id, MemberId = v.Key, Choice = v.Value }));
        if (subject is not null && outcome == DecisionOutcome.Adopted)
        {
            // Only from Associate: two secretaries recording the same city's full membership at once cannot both adopt it.
            var (heldOn, at) = ((DateOnly?)meeting.HeldOn, decision.RecordedAt);
            var made = await db.Set<NetworkMember>().Where(m => m.Id == subject.Id && m.Type == MembershipType.Associate && m.Status == MemberStatus.Active)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Type, MembershipType.Full).SetProperty(m => m.FullSince, heldOn).SetProperty(m => m.UpdatedAt, at), ct);
            if (made == 0)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return (null, "Network.Decision.NotAnAssociateCity");
            }
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(secretary, "network.decision.record", "network-decision", decision.Id.ToString(CultureInfo.InvariantCulture),
            new { meetingId, kind = kind.ToString(), subject = subject?.Id, votesFor, against, abstain, electorate = voters.Count, outcome = outcome.ToString() }, ct);
        await transaction.CommitAsync(ct);
        return (decision, null);
    }
}
