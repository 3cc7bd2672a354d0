namespace CityHall.Web.Modules.Inclusion;

/// <summary>The "Inclusion" configuration section.</summary>
public sealed class InclusionOptions
{
    public const string Section = "Inclusion";

    public bool Enabled { get; set; } = true;

    /// <summary>The largest document accepted, in bytes.</summary>
    public long MaxDocumentBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Documents one application may carry.</summary>
    public int MaxDocuments { get; set; } = 10;

    /// <summary>
    /// The standard median monthly income by household size, in won (Korea: the Ministry of Health
    /// and Welfare's notice for the year). An applicant's income is turned into a share of it; a
    /// household larger than the table is counted from the last entry per extra member.
    /// </summary>
    public List<long> MedianMonthlyIncome { get; set; } = [];

    /// <summary>Days after the support is given before the follow-up survey is asked for.</summary>
    public int FollowUpDays { get; set; } = 7;

    /// <summary>Days before a loan is due back that the borrower is reminded (once).</summary>
    public int LoanReminderDays { get; set; } = 3;

    /// <summary>The benefits an applicant can say they receive (codes; their names are resources "Inclusion.Benefit.{code}").</summary>
    public List<string> Benefits { get; set; } = [];

    /// <summary>
    /// How an organisation's registration number is checked: <c>KoreanBusinessRegistration</c> (사업자등록번호: ten digits,
    /// the last a check digit) or <c>Any</c> (4 to 30 letters, digits, spaces and hyphens, for a city whose register
    /// has no check digit).
    /// </summary>
    public string OrganisationNumber { get; set; } = "KoreanBusinessRegistration";

    /// <summary>Income as a percentage of the median for the household's size, rounded down.</summary>
    public int? PercentOfMedian(long monthlyIncome, int householdSize)
    {
        if (MedianMonthlyIncome.Count == 0 || householdSize < 1) return null;
        var table = MedianMonthlyIncome;
        long median = householdSize <= table.Count ? table[householdSize - 1]
            : table[^1] + (table.Count > 1 ? table[^1] - table[^2] : table[^1]) * (householdSize - table.Count);
        return median <= 0 ? null : (int)Math.Min(int.MaxValue, monthlyIncome * 100 / median);
    }
}
