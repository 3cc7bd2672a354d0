using System.Globalization;
using System.Text.Json.Serialization;

namespace CityHall.Web.Modules.Inclusion.Eligibility;

/// <summary>How an applicant's attribute was established: what the applicant said, a document staff saw, or a check against a registry.</summary>
public enum Verification { SelfDeclared, DocumentSeen, RegistryCheck }

public enum DisabilitySeverity { None, NotSevere, Severe }

/// <summary>One attribute's value with how it was verified.</summary>
public sealed record Fact<T>(T Value, Verification VerifiedBy);

/// <summary>
/// What eligibility rules look at: where the applicant lives, their age, benefits, income as a
/// percentage of the median, disability registration and severity, and household size — each
/// with how it was verified. An organisation applying (a start-up for a place at the city's
/// app-business centre) has full years in business and a team size instead. A missing fact is
/// unknown, and a rule that needs it fails.
/// </summary>
public sealed record ApplicantFacts
{
    public Fact<string>? District { get; init; }
    public Fact<int>? Age { get; init; }
    /// <summary>Benefit codes: basic-livelihood, near-poor, single-parent, …</summary>
    public Fact<IReadOnlySet<string>>? Benefits { get; init; }
    public Fact<int>? IncomePercentOfMedian { get; init; }
    public Fact<DisabilitySeverity>? Disability { get; init; }
    public Fact<int>? HouseholdSize { get; init; }
    /// <summary>Full years since the organisation was founded (registered).</summary>
    public Fact<int>? YearsInBusiness { get; init; }
    /// <summary>People working in the organisation, founders included.</summary>
    public Fact<int>? TeamSize { get; init; }
}

/// <summary>The attributes a rule can test.</summary>
public enum RuleAttribute { District, Age, Benefit, IncomePercentOfMedian, Disability, HouseholdSize, YearsInBusiness, TeamSize }

/// <summary>How a rule compares: in a list, at least, at most, registered (disability), severe (disability).</summary>
public enum RuleTest { OneOf, AtLeast, AtMost, Registered, Severe }

/// <summary>
/// A rule as staff write it: an attribute, a test, its value(s), the least verification accepted,
/// and the words an applicant reads when they do not meet it. Rules are data (JSON in a programme
/// version), never code.
/// </summary>
public sealed record EligibilityRule
{
    public required string Id { get; init; }
    public RuleAttribute Attribute { get; init; }
    public RuleTest Test { get; init; }
    public IReadOnlyList<string> Values { get; init; } = [];
    public int? Number { get; init; }
    /// <summary>The least verification the rule accepts (a registry check is more than a document, which is more than a declaration).</summary>
    public Verification AtLeastVerifiedBy { get; init; } = Verification.SelfDeclared;
    public required string ExplanationKo { get; init; }
    public required string ExplanationEn { get; init; }
}

/// <summary>A numbered version of a programme's rules: all must hold.</summary>
public sealed record EligibilityRuleSet(int Version, IReadOnlyList<EligibilityRule> Rules);

/// <summary>The outcome: eligible, or the first rule that failed (and why: not met, unknown, or not verified enough), under which version.</summary>
public sealed record EligibilityDecision(bool Eligible, int RuleVersion, EligibilityRule? FailedRule, EligibilityFailure? Failure)
{
    /// <summary>What the applicant reads: the rule's own words, and what to do when the fact is missing or needs proof.</summary>
    public string Explain(CultureInfo culture, Func<string, string> text) => FailedRule is null ? "" :
        (culture.TwoLetterISOLanguageName == "en" ? FailedRule.ExplanationEn : FailedRule.ExplanationKo)
        + (Failure switch
        {
            EligibilityFailure.Unknown => " " + text("Inclusion.Eligibility.Unknown"),
            EligibilityFailure.NotVerified => " " + text("Inclusion.Eligibility.NotVerified"),
            _ => "",
        });
}

[JsonConverter(typeof(JsonStringEnumConverter<EligibilityFailure>))]
public enum EligibilityFailure { NotMet, Unknown, NotVerified }

public static class EligibilityEvaluator
{
    /// <summary>
    /// Checks every rule in order; one reason decides, so the applicant hears one clear reason: the first rule not met,
    /// else the first that cannot be decided yet (a fact unknown, or not verified enough). A rule that is not met is
    /// never hidden behind an earlier one that only waits for a document.
    /// </summary>
    public static EligibilityDecision Evaluate(EligibilityRuleSet rules, ApplicantFacts facts)
    {
        (EligibilityRule Rule, EligibilityFailure Failure)? undecided = null;
        foreach (var rule in rules.Rules)
        {
            var failure = Check(rule, facts);
            if (failure == EligibilityFailure.NotMet) return new(false, rules.Version, rule, failure);
            if (failure is { } pending) undecided ??= (rule, pending);
        }
        return undecided is { } first ? new(false, rules.Version, first.Rule, first.Failure) : new(true, rules.Version, null, null);
    }

    private static EligibilityFailure? Check(EligibilityRule rule, ApplicantFacts facts)
    {
        (Verification? by, bool? met) = rule.Attribute switch
        {
            RuleAttribute.District => (facts.District?.VerifiedBy, facts.District is { } d ? rule.Values.Contains(d.Value, StringComparer.Ordinal) : null),
            RuleAttribute.Age => (facts.Age?.VerifiedBy, facts.Age is { } a ? Compare(rule, a.Value) : null),
            RuleAttribute.Benefit => (facts.Benefits?.VerifiedBy, facts.Benefits is { } b ? rule.Values.Any(b.Value.Contains) : null),
            RuleAttribute.IncomePercentOfMedian => (facts.IncomePercentOfMedian?.VerifiedBy, facts.IncomePercentOfMedian is { } i ? Compare(rule, i.Value) : null),
            RuleAttribute.HouseholdSize => (facts.HouseholdSize?.VerifiedBy, facts.HouseholdSize is { } h ? Compare(rule, h.Value) : null),
            RuleAttribute.YearsInBusiness => (facts.YearsInBusiness?.VerifiedBy, facts.YearsInBusiness is { } y ? Compare(rule, y.Value) : null),
            RuleAttribute.TeamSize => (facts.TeamSize?.VerifiedBy, facts.TeamSize is { } s ? Compare(rule, s.Value) : null),
            RuleAttribute.Disability => (facts.Disability?.VerifiedBy, facts.Disability is { } s ? rule.Test switch
            {
                RuleTest.Registered => s.Value != DisabilitySeverity.None,
                RuleTest.Severe => s.Value == DisabilitySeverity.Severe,
                _ => (bool?)null,
            } : null),
            _ => (null, null),
        };
        if (met is null) return EligibilityFailure.Unknown;
        if (met == false) return EligibilityFailure.NotMet;
        return by < rule.AtLeastVerifiedBy ? EligibilityFailure.NotVerified : null;
    }

    private static bool? Compare(EligibilityRule rule, int value) => (rule.Test, rule.Number) switch
    {
        (RuleTest.AtLeast, { } n) => value >= n,
        (RuleTest.AtMost, { } n) => value <= n,
        (RuleTest.OneOf, _) => rule.Values.Contains(value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal),
        _ => null,
    };
}
