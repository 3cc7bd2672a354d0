using CityHall.Web.Modules.Inclusion.Eligibility;
using CityHall.Web.Modules.Inclusion.Programmes;

namespace CityHall.Web.Modules.Inclusion.Applications;

/// <summary>
/// The question pages of an application, one thing per page, in order. A programme asks only what
/// its rules, pools and evidence need: a class for seniors asks the birth date, a study licence the
/// benefits and the school level, an assistive device the disability and income. A programme whose
/// rules look at an organisation (years in business, team size) asks about the organisation and
/// where it is based instead of where the applicant lives.
/// </summary>
public static partial class ApplicationQuestions
{
    public const string Contact = "contact", Address = "address", Birth = "birth", Benefits = "benefits", Income = "income",
        Disability = "disability", Pool = "pool", Details = "details", Documents = "documents", Organisation = "organisation", Office = "office";

    /// <summary>Applicants are organisations (represented by the person applying): the rules or the panel look at one.</summary>
    public static bool IsForOrganisations(ProgrammeVersion v) => v.Asks(RuleAttribute.YearsInBusiness) || v.Asks(RuleAttribute.TeamSize);

    public static IReadOnlyList<string> For(ProgrammeVersion v)
    {
        var list = IsForOrganisations(v) ? new List<string> { Contact, Organisation, Office } : new List<string> { Contact, Address };
        if (v.Asks(RuleAttribute.Age)) list.Add(Birth);
        if (v.Asks(RuleAttribute.Benefit)) list.Add(Benefits);
        if (v.Asks(RuleAttribute.IncomePercentOfMedian) || v.Asks(RuleAttribute.HouseholdSize)) list.Add(Income);
        if (v.Asks(RuleAttribute.Disability)) list.Add(Disability);
        if (v.PoolBasis == PoolBasis.Choice && v.Pools.Count > 0) list.Add(Pool);
        if (!string.IsNullOrWhiteSpace(v.DetailsQuestionKo)) list.Add(Details);
        if (v.Evidence.Count > 0) list.Add(Documents);
        return list;
    }

    /// <summary>Whether the question has its answer (documents: every required one uploaded).</summary>
    public static bool IsAnswered(string question, InclusionApplication a, ProgrammeVersion v, IReadOnlyCollection<string> uploadedEvidence) => question switch
    {
        Contact => a.ApplicantName.Length > 0 && a.ApplicantPhone is not null,
        Address or Office => a.Address is not null && a.DistrictCode is not null,
        Organisation => a.Answers.Organisation is not null,
        Birth => a.Answers.BirthDate is not null,
        Benefits => a.Answers.Benefits is not null,
        Income => a.Answers.HouseholdSize is not null && a.Answers.MonthlyIncome is not null,
        Disability => a.Answers.Disability is not null,
        Pool => a.Pool is not null && v.Pools.Any(p => p.Code == a.Pool),
        Details => a.Answers.Details is not null,
        Documents => MissingEvidence(v, uploadedEvidence).Count == 0,
        _ => false,
    };

    public static string? FirstUnanswered(InclusionApplication a, ProgrammeVersion v, IReadOnlyCollection<string> uploadedEvidence) =>
        For(v).FirstOrDefault(q => !IsAnswered(q, a, v, uploadedEvidence));

    public static string? After(string question, ProgrammeVersion v)
    {
        var list = For(v);
        var i = list.ToList().IndexOf(question);
        return i >= 0 && i + 1 < list.Count ? list[i + 1] : null;
    }

    public static IReadOnlyList<EvidenceRequirement> MissingEvidence(ProgrammeVersion v, IReadOnlyCollection<string> uploaded) =>
        v.Evidence.Where(e => e.Required && !uploaded.Contains(e.Code)).ToList();

    /// <summary>An address reduced to its letters and digits, lower case, with the district: "세종대로 1, 101호" and "세종대로1 101호" in one district are one household.</summary>
    public static string HouseholdKey(string districtCode, string address)
    {
        var kept = address.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant);
        return districtCode + ":" + new string(kept.ToArray());
    }

    /// <summary>An organisation is one "household": one application per organisation, however many offices or representatives it has.</summary>
    public static string OrganisationKey(string registrationNumber) => "org:" + new string(registrationNumber.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>
    /// The registration number as it is kept (a Korean business number as 123-45-67890), or null when it is not one:
    /// under <c>KoreanBusinessRegistration</c> ten digits whose last is the check digit of the other nine (weights
    /// 1,3,7,1,3,7,1,3,5, plus the tens of the ninth digit times five).
    /// </summary>
    public static string? RegistrationNumber(string? typed, string check)
    {
        var text = typed?.Trim() ?? "";
        if (check != "KoreanBusinessRegistration")
            return text.Length is >= 4 and <= 30 && text.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-') ? text : null;
        var digits = text.Where(c => c is not ('-' or ' ')).ToArray();
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit)) return null;
        int[] weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
        var sum = weights.Select((w, i) => (digits[i] - '0') * w).Sum() + (digits[8] - '0') * 5 / 10;
        return (10 - sum % 10) % 10 == digits[9] - '0' ? $"{new string(digits[..3])}-{new string(digits[3..5])}-{new string(digits[5..])}" : null;
    }

    /// <summary>A phone number as the account profile accepts it: digits, spaces and hyphens, an optional leading +; null when it is not one.</summary>
    public static string? Phone(string? typed) => typed?.Trim() is { } phone && PhoneFormat().IsMatch(phone) ? phone : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\+?[0-9 \-]{8,20}$")]
    private static partial System.Text.RegularExpressions.Regex PhoneFormat();
}
