using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Inclusion;
using CityHall.Web.Modules.Inclusion.Eligibility;
using CityHall.Web.Modules.Inclusion.Selection;
using CityHall.Web.Platform.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CityHall.Tests.Inclusion;

/// <summary>The programme engine's rules, states and selection methods, without storage.</summary>
public sealed class EngineTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static readonly EligibilityRuleSet AssistiveDevices = new(3,
    [
        new EligibilityRule { Id = "resident", Attribute = RuleAttribute.District, Test = RuleTest.OneOf, Values = ["11110", "11140"],
            ExplanationKo = "종로구·중구 주민만 신청할 수 있습니다.", ExplanationEn = "Only residents of Jongno-gu and Jung-gu may apply." },
        new EligibilityRule { Id = "disability", Attribute = RuleAttribute.Disability, Test = RuleTest.Registered, AtLeastVerifiedBy = Verification.RegistryCheck,
            ExplanationKo = "등록 장애인이어야 합니다.", ExplanationEn = "You must be a registered disabled person." },
        new EligibilityRule { Id = "income", Attribute = RuleAttribute.IncomePercentOfMedian, Test = RuleTest.AtMost, Number = 120, AtLeastVerifiedBy = Verification.DocumentSeen,
            ExplanationKo = "가구 소득이 중위소득 120% 이하여야 합니다.", ExplanationEn = "Household income must be at most 120% of the median." },
    ]);

    private static ApplicantFacts Applicant(string district = "11110", DisabilitySeverity disability = DisabilitySeverity.Severe, Verification disabilityBy = Verification.RegistryCheck,
        int? income = 80, Verification incomeBy = Verification.DocumentSeen) => new()
    {
        District = new(district, Verification.SelfDeclared),
        Disability = new(disability, disabilityBy),
        IncomePercentOfMedian = income is { } i ? new(i, incomeBy) : null,
    };

    [Fact]
    public void Eligibility_names_the_first_rule_not_met_else_the_first_undecided_why_and_under_which_version()
    {
        Assert.True(EligibilityEvaluator.Evaluate(AssistiveDevices, Applicant()).Eligible);
        var outside = EligibilityEvaluator.Evaluate(AssistiveDevices, Applicant(district: "11680"));
        Assert.Equal((false, 3, "resident", EligibilityFailure.NotMet), (outside.Eligible, outside.RuleVersion, outside.FailedRule!.Id, outside.Failure));
        Assert.Equal(("disability", EligibilityFailure.NotMet), Failed(Applicant(disability: DisabilitySeverity.None)));
        Assert.Equal(("disability", EligibilityFailure.NotVerified), Failed(Applicant(disabilityBy: Verification.SelfDeclared)));
        Assert.Equal(("income", EligibilityFailure.Unknown), Failed(Applicant(income: null)));
        Assert.Equal(("income", EligibilityFailure.NotMet), Failed(Applicant(income: 121)));
        Assert.True(EligibilityEvaluator.Evaluate(AssistiveDevices, Applicant(income: 120, incomeBy: Verification.RegistryCheck)).Eligible); // a registry check is more than a document
        // A rule not met is told even when an earlier one only waits for proof; otherwise the first undecided rule is.
        Assert.Equal(("income", EligibilityFailure.NotMet), Failed(Applicant(disabilityBy: Verification.SelfDeclared, income: 150)));
        Assert.Equal(("disability", EligibilityFailure.NotVerified), Failed(Applicant(disabilityBy: Verification.SelfDeclared, income: null)));

        var english = outside.Explain(CultureInfo.GetCultureInfo("en-US"), key => key);
        Assert.Equal("Only residents of Jongno-gu and Jung-gu may apply.", english);
        var unknown = EligibilityEvaluator.Evaluate(AssistiveDevices, Applicant(income: null)).Explain(CultureInfo.GetCultureInfo("ko-KR"), key => $"<{key}>");
        Assert.Equal("가구 소득이 중위소득 120% 이하여야 합니다. <Inclusion.Eligibility.Unknown>", unknown);

        static (string, EligibilityFailure?) Failed(ApplicantFacts facts) =>
            EligibilityEvaluator.Evaluate(AssistiveDevices, facts) is var d ? (d.FailedRule!.Id, d.Failure) : default;
    }

    [Fact]
    public void The_state_machine_allows_the_path_and_refuses_anything_else_in_words()
    {
        ApplicationState[] path = [ApplicationState.Draft, ApplicationState.Submitted, ApplicationState.NeedsInformation, ApplicationState.Submitted,
            ApplicationState.Verified, ApplicationState.Ranked, ApplicationState.Offered, ApplicationState.Accepted, ApplicationState.Scheduled,
            ApplicationState.Fulfilled, ApplicationState.FollowUpDue, ApplicationState.Closed];
        for (var i = 1; i < path.Length; i++) Assert.True(ApplicationStates.CanMove(path[i - 1], path[i]), $"{path[i - 1]} → {path[i]}");
        Assert.True(ApplicationStates.CanMove(ApplicationState.Waitlisted, ApplicationState.Offered));  // promotion from the waiting list
        Assert.True(ApplicationStates.CanMove(ApplicationState.Offered, ApplicationState.Lapsed));      // co-payment not paid in time
        Assert.True(ApplicationStates.CanMove(ApplicationState.Fulfilled, ApplicationState.Returned));  // a loan comes back
        Assert.False(ApplicationStates.CanMove(ApplicationState.Draft, ApplicationState.Offered));
        Assert.False(ApplicationStates.CanMove(ApplicationState.Ineligible, ApplicationState.Offered));
        Assert.All(Enum.GetValues<ApplicationState>().Where(ApplicationStates.IsFinal), s => Assert.Empty(ApplicationStates.NextFrom(s)));

        var t = app.Services.GetRequiredService<IStringLocalizer<Text>>();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        Assert.Null(ApplicationStates.Refusal(ApplicationState.Offered, ApplicationState.Accepted, t));
        Assert.Equal("An application that is “Closed” cannot become “Offered”. It can become: nothing (it has ended).",
            ApplicationStates.Refusal(ApplicationState.Closed, ApplicationState.Offered, t));
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko-KR");
        Assert.StartsWith("‘작성 중’ 상태의 신청은 ‘선정 통보’(으)로 바꿀 수 없습니다.", ApplicationStates.Refusal(ApplicationState.Draft, ApplicationState.Offered, t), StringComparison.Ordinal);
    }

    [Fact]
    public void A_seeded_lottery_is_the_same_every_time_per_pool_and_can_be_rerun_from_the_published_seed()
    {
        var start = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        var entrants = Enumerable.Range(0, 100_000).Select(i => new Entrant($"A{i:D6}", i % 3 == 0 ? "elementary" : i % 3 == 1 ? "middle" : "high", start.AddSeconds(i))).ToList();
        var quotas = new Dictionary<string, int> { ["elementary"] = 500, ["middle"] = 300, ["high"] = 200 };
        var first = Lottery.Draw("2026-licences-round-1", entrants, quotas);
        var again = Lottery.Draw("2026-licences-round-1", Enumerable.Reverse(entrants), quotas); // the list's order does not matter
        Assert.Equal(first.SelectMany(p => p.Selected.Concat(p.Waitlist)), again.SelectMany(p => p.Selected.Concat(p.Waitlist)));
        Assert.Equal([("elementary", 500, 33_334 - 500), ("high", 200, 33_333 - 200), ("middle", 300, 33_333 - 300)],
            first.Select(p => (p.Pool, p.Selected.Count, p.Waitlist.Count)));
        Assert.NotEqual(first[0].Selected, Lottery.Draw("another seed", entrants, quotas)[0].Selected);

        // What anyone can do with the published seed and list: hash each line, sort.
        var byHand = entrants.Where(e => e.Pool == "high")
            .OrderBy(e => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("2026-licences-round-1\n" + e.Id))), StringComparer.Ordinal)
            .Select(e => e.Id).Take(200);
        Assert.Equal(byHand, first.Single(p => p.Pool == "high").Selected);
        Assert.Empty(Lottery.Draw("s", [], new Dictionary<string, int> { ["high"] = 5 }).Single().Selected); // a pool with no entrants still reports
    }

    [Fact]
    public void Scores_average_the_panel_without_conflicted_members_and_ties_follow_the_criteria_then_the_earlier_application()
    {
        var at = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        Entrant[] entrants = [new("A", "all", at.AddMinutes(3)), new("B", "all", at.AddMinutes(1)), new("C", "all", at.AddMinutes(2)), new("D", "all", at)];
        Criterion[] criteria = [new("severity", 0.4, 100), new("economic", 0.3, 100), new("participation", 0.2, 100), new("past", 0.1, 100)];
        static Dictionary<string, double> S(double sev, double eco, double par, double past) => new() { ["severity"] = sev, ["economic"] = eco, ["participation"] = par, ["past"] = past };
        PanelScore[] scores =
        [
            new("m1", "A", S(90, 50, 50, 50)), new("m2", "A", S(70, 50, 50, 50)),    // severity averages 80 → total 32+15+10+5 = 62
            new("m1", "B", S(80, 50, 50, 50)), new("m2", "B", S(80, 50, 50, 50)),    // 62, same severity: ties on economic... all equal → earlier (B before A)
            new("m1", "C", S(100, 100, 100, 100)), new("m2", "C", S(0, 0, 0, 0)),    // m2 declared a conflict for C: only m1 counts → 100
            new("m1", "D", S(60, 70, 70, 70)),                                       // 24+21+14+7 = 66
        ];
        var scored = Ranking.Score(entrants, criteria, scores, new HashSet<(string, string)> { ("m2", "C") });
        Assert.Equal([62, 62, 100, 66], scored.Select(s => s.Total));
        var result = Ranking.ByScore(scored, criteria, new Dictionary<string, int> { ["all"] = 2 }).Single();
        Assert.Equal(["C", "D"], result.Selected);
        Assert.Equal(["B", "A"], result.Waitlist); // equal totals and criteria: the earlier application first

        var fcfs = Ranking.FirstComeFirstServed(entrants, new Dictionary<string, int> { ["all"] = 3 }).Single();
        Assert.Equal(["D", "B", "C"], fcfs.Selected);
        Assert.Equal(["A"], fcfs.Waitlist);
    }
}
