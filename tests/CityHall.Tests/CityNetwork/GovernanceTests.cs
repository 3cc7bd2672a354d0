using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.CityNetwork.Governance;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.CityNetwork;

/// <summary>
/// The Executive Committee's seats (at most 20 on any day, one President, one Secretary General, one seat a member),
/// meetings with recorded votes, and full membership by the committee's decision.
/// </summary>
public sealed class GovernanceTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static CommitteeSeat Seat(long member, string start, string end, CommitteeOffice office = CommitteeOffice.Member) =>
        new() { MemberId = member, Office = office, TermStart = DateOnly.Parse(start), TermEnd = DateOnly.Parse(end) };

    [Fact]
    public void Seats_are_counted_day_by_day_so_a_term_ending_the_day_before_another_begins_does_not_overlap_it()
    {
        var seats = new List<CommitteeSeat> { Seat(1, "2024-01-01", "2026-12-31"), Seat(2, "2027-01-01", "2029-12-31"), Seat(3, "2025-06-01", "2027-05-31") };
        Assert.Equal(2, GovernanceRules.MostSeatsHeldAtOnce(seats, DateOnly.Parse("2024-01-01"), DateOnly.Parse("2029-12-31")));
        Assert.Equal(1, GovernanceRules.MostSeatsHeldAtOnce(seats, DateOnly.Parse("2028-01-01"), DateOnly.Parse("2029-12-31")));
        Assert.Equal(0, GovernanceRules.MostSeatsHeldAtOnce(seats, DateOnly.Parse("2030-01-01"), DateOnly.Parse("2030-12-31")));

        // Twenty seats now and twenty from next term: the 21st is refused now, but a seat in a free year is not.
        var full = Enumerable.Range(1, 20).Select(i => Seat(i, "2024-01-01", "2026-12-31")).ToList();
        Assert.Equal("Network.Seat.CommitteeFull", GovernanceRules.SeatRefusal(full, 21, CommitteeOffice.Member, DateOnly.Parse("2026-06-01"), DateOnly.Parse("2028-12-31"), 20));
        Assert.Null(GovernanceRules.SeatRefusal(full, 21, CommitteeOffice.Member, DateOnly.Parse("2027-01-01"), DateOnly.Parse("2029-12-31"), 20));
        var presided = new List<CommitteeSeat> { Seat(1, "2024-01-01", "2026-12-31", CommitteeOffice.President) };
        Assert.Equal("Network.Seat.OfficeTaken", GovernanceRules.SeatRefusal(presided, 2, CommitteeOffice.President, DateOnly.Parse("2026-01-01"), DateOnly.Parse("2028-12-31"), 20));
        Assert.Null(GovernanceRules.SeatRefusal(presided, 2, CommitteeOffice.VicePresident, DateOnly.Parse("2026-01-01"), DateOnly.Parse("2028-12-31"), 20));
        Assert.Equal("Network.Seat.MemberHoldsSeat", GovernanceRules.SeatRefusal(presided, 1, CommitteeOffice.Member, DateOnly.Parse("2026-12-31"), DateOnly.Parse("2028-12-31"), 20));
        Assert.Equal("Network.Seat.EndBeforeStart", GovernanceRules.SeatRefusal([], 1, CommitteeOffice.Member, DateOnly.Parse("2026-12-31"), DateOnly.Parse("2026-01-01"), 20));
    }

    [Fact]
    public void A_decision_is_adopted_with_a_quorum_and_more_votes_for_than_against()
    {
        VoteChoice[] Votes(int f, int a, int x) => [.. Enumerable.Repeat(VoteChoice.For, f), .. Enumerable.Repeat(VoteChoice.Against, a), .. Enumerable.Repeat(VoteChoice.Abstain, x)];
        Assert.Equal((6, 3, 1, DecisionOutcome.Adopted), GovernanceRules.Decide(Votes(6, 3, 1), 20, 50));
        Assert.Equal((5, 3, 1, DecisionOutcome.Rejected), GovernanceRules.Decide(Votes(5, 3, 1), 20, 50)); // 9 of 20 voted: no quorum
        Assert.Equal((4, 4, 2, DecisionOutcome.Rejected), GovernanceRules.Decide(Votes(4, 4, 2), 20, 50)); // a tie is not adopted
        Assert.Equal(DecisionOutcome.Rejected, GovernanceRules.Decide([], 0, 50).Outcome);
    }

    [Fact]
    public async Task The_committee_makes_an_associate_city_a_full_member_by_a_recorded_vote()
    {
        var candidate = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Candidate City"), "MN", type: MembershipType.Associate);
        var voters = new List<NetworkMember>();
        for (var i = 0; i < 3; i++) voters.Add(await NetworkTestData.MemberAsync(app, NetworkTestData.Unique($"Committee City {i}"), "KR"));
        var outsider = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Outsider City"), "FR", "europe");
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");

        // Seats from the admin page: the first as President, then two members; a second President in the same term is refused.
        var governance = await secretary.GetPageAsync("/admin/network/governance");
        // Far in the future, so other tests' seats do not share this committee.
        async Task<System.Net.Http.HttpResponseMessage> AddSeatAsync(long member, string office) =>
            await secretary.SubmitAsync(governance, [new("Seat.MemberId", member.ToString()), new("Seat.Office", office), new("Seat.TermStart", "2150-01-01"), new("Seat.TermEnd", "2152-12-31")],
                "form[action$='handler=seat']");
        Html.RedirectedTo(await AddSeatAsync(voters[0].Id, "President"));
        Html.RedirectedTo(await AddSeatAsync(voters[1].Id, "Member"));
        Html.RedirectedTo(await AddSeatAsync(voters[2].Id, "Member"));
        Assert.NotEmpty((await Html.ParseAsync(await AddSeatAsync(outsider.Id, "President"))).ErrorSummary());
        Assert.NotEmpty((await Html.ParseAsync(await AddSeatAsync(voters[1].Id, "VicePresident"))).ErrorSummary());

        var meetingPath = Html.RedirectedTo(await secretary.SubmitAsync(governance,
            [new("Meeting.Body", "ExecutiveCommittee"), new("Meeting.Title", "150th Executive Committee"), new("Meeting.HeldOn", "2150-06-15"), new("Meeting.Place", "Seoul")],
            "form[action$='handler=meeting']"));
        var meeting = await secretary.GetPageAsync(meetingPath);
        // The three seat holders vote there, and only they.
        var voterIds = meeting.QuerySelectorAll("[data-voters] select").Select(s => s.GetAttribute("name")).ToList();
        Assert.Equal(voters.Select(v => $"Votes[{v.Id}]").Order(), voterIds.Order());

        // A vote from someone without a seat is refused; nothing recorded.
        var decision = new List<KeyValuePair<string, string>>
        {
            new("Decision.Kind", "FullMembership"), new("Decision.SubjectMemberId", candidate.Id.ToString()), new("Decision.Title", "Full membership of the candidate"),
            new($"Votes[{voters[0].Id}]", "For"), new($"Votes[{voters[1].Id}]", "For"), new($"Votes[{voters[2].Id}]", "Against"),
        };
        var refused = await Html.ParseAsync(await secretary.SubmitAsync(meeting, [.. decision, new($"Votes[{outsider.Id}]", "For")], "form[action$='handler=decision']"));
        Assert.NotEmpty(refused.ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<GovernanceDecision>().CountAsync(d => d.SubjectMemberId == candidate.Id)));

        Html.RedirectedTo(await secretary.SubmitAsync(meeting, decision, "form[action$='handler=decision']"));
        var made = await app.WithDbAsync(db => db.Set<NetworkMember>().SingleAsync(m => m.Id == candidate.Id));
        Assert.Equal(MembershipType.Full, made.Type);
        Assert.Equal(new DateOnly(2150, 6, 15), made.FullSince);

        // In public: the outcome, the tally and each member's vote; the member's page links the decision.
        var meetingId = meetingPath.Split('/')[^1];
        var published = await app.CreateClient().GetPageAsync($"/network/governance/meetings/{meetingId}");
        var section = published.QuerySelector("[data-decision]")!;
        Assert.Equal("Adopted", section.GetAttribute("data-outcome"));
        Assert.Equal(2, section.QuerySelectorAll("[data-vote=For]").Length);
        Assert.Single(section.QuerySelectorAll("[data-vote=Against]"));
        Assert.NotNull((await app.CreateClient().GetPageAsync($"/network/members/{candidate.Id}")).QuerySelector($"[data-decisions] a[href^='/network/governance/meetings/{meetingId}']"));

        // Again for the same member: it is no longer an associate.
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(meeting, decision, "form[action$='handler=decision']"))).ErrorSummary());
    }

    [Fact]
    public async Task Only_the_committee_decides_full_membership_and_the_member_form_cannot_make_a_member_full()
    {
        var associate = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Associate City"), "PE", "latin-america", MembershipType.Associate);
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        var governance = await secretary.GetPageAsync("/admin/network/governance");
        var assemblyPath = Html.RedirectedTo(await secretary.SubmitAsync(governance,
            [new("Meeting.Body", "GeneralAssembly"), new("Meeting.Title", "General Assembly"), new("Meeting.HeldOn", "2151-09-01")], "form[action$='handler=meeting']"));
        var assembly = await secretary.GetPageAsync(assemblyPath);
        var refused = await Html.ParseAsync(await secretary.SubmitAsync(assembly,
            [new("Decision.Kind", "FullMembership"), new("Decision.SubjectMemberId", associate.Id.ToString()), new("Decision.Title", "Full membership")], "form[action$='handler=decision']"));
        Assert.NotEmpty(refused.ErrorSummary());

        var edit = await secretary.GetPageAsync($"/admin/network/members/{associate.Id}");
        var response = await secretary.SubmitAsync(edit, edit.FilledIn("main form:not([action])").With(("Input.Type", "Full")), "main form:not([action])");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(response)).ErrorSummary());
        Assert.Equal(MembershipType.Associate, await app.WithDbAsync(db => db.Set<NetworkMember>().Where(m => m.Id == associate.Id).Select(m => m.Type).SingleAsync()));

        // The next ordinary assembly is due three years on.
        Assert.Contains("2154", (await app.CreateClient().GetPageAsync("/network/governance")).QuerySelector("[data-next-assembly]")!.TextContent);
    }
}
