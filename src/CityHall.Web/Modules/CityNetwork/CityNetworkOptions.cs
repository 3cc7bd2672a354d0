using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.CityNetwork;

/// <summary>The "CityNetwork" configuration section: the network of cities this city hosts the secretariat of (WeGO for Seoul).</summary>
public sealed class CityNetworkOptions
{
    public const string Section = "CityNetwork";

    public bool Enabled { get; set; } = true;

    /// <summary>The network's name as the pages say it.</summary>
    public LocalizedText Name { get; set; } = new() { Ko = "세계도시전자정부협의체(WeGO)", En = "World Smart Sustainable Cities Organization (WeGO)" };

    /// <summary>
    /// The department whose officials (with <see cref="CityNetworkModule.Manage"/>) run the secretariat: they read
    /// applications, contacts and letters, which is why not every official does.
    /// </summary>
    public string SecretariatDepartment { get; set; } = "digital-policy";

    /// <summary>The network's regions (a member belongs to one; a member may host its regional office).</summary>
    public List<NetworkTerm> Regions { get; set; } = [];

    /// <summary>The yearly fee of each type of membership, in <see cref="FeeCurrency"/> (0: no fee).</summary>
    public Dictionary<MembershipType, decimal> Fees { get; set; } = new()
    {
        [MembershipType.Full] = 5_000m, [MembershipType.Associate] = 2_000m, [MembershipType.Friendship] = 0m, [MembershipType.Corporate] = 3_000m,
    };

    /// <summary>The currency fees are set and paid in (ISO 4217).</summary>
    public string FeeCurrency { get; set; } = "USD";

    /// <summary>The largest signed letter (PDF or a scan) an application may carry, in bytes.</summary>
    public long MaxLetterBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The largest logo accepted, in bytes (it is re-encoded and shrunk).</summary>
    public long MaxLogoBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Seats of the Executive Committee held at one time.</summary>
    public int ExecutiveCommitteeSeats { get; set; } = 20;

    /// <summary>Years between two ordinary General Assemblies.</summary>
    public int GeneralAssemblyYears { get; set; } = 3;

    /// <summary>Share of those entitled to vote (in percent) who must vote for a governing body's decision to count.</summary>
    public int QuorumPercent { get; set; } = 50;

    /// <summary>Entries one applicant (a member city, or an account applying for a city outside the network) may submit to one awards edition.</summary>
    public int EntriesPerEdition { get; set; } = 2;

    /// <summary>
    /// A juror's weighted score of an entry is flagged as an outlier when it is this many points (on the edition's scale)
    /// or more away from the median of the jurors' scores of it.
    /// </summary>
    public decimal OutlierGap { get; set; } = 2.0m;

    /// <summary>The largest city's approval a vendor's entry carries, in bytes.</summary>
    public long MaxApprovalBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The criteria a new awards edition starts with (code, names, weight); each edition may change its own. The city's
    /// appsettings give the Seoul Smart City Prize's six.
    /// </summary>
    public List<DefaultCriterion> AwardCriteria { get; set; } = [];

    public decimal FeeFor(MembershipType type) => Fees.GetValueOrDefault(type);

    public NetworkTerm? Region(string? code) => Regions.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.Ordinal));

    /// <summary>
    /// Topics of e-government practice (the city's appsettings list them): what delegations ask to study on a visit and
    /// what the knowledge library's cases are filed under.
    /// </summary>
    public List<NetworkTerm> Topics { get; set; } = [];

    public NetworkTerm? Topic(string? code) => Topics.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.Ordinal));

    /// <summary>Study-visit requests an account may have open (not yet held, declined or cancelled) at a time.</summary>
    public int OpenVisitRequests { get; set; } = 3;

    /// <summary>The largest delegation a study visit receives.</summary>
    public int MaxDelegation { get; set; } = 50;

    /// <summary>Days of notice a delegation gives: the first day they offer is at least this far ahead.</summary>
    public int VisitNoticeDays { get; set; } = 21;

    /// <summary>The longest span of days a delegation may offer (from the first to the last).</summary>
    public int VisitWindowDays { get; set; } = 60;
}

/// <summary>A code and its names: a region of the network, a topic of practice.</summary>
public sealed class NetworkTerm
{
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
}

/// <summary>A criterion new awards editions start with.</summary>
public sealed class DefaultCriterion
{
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public int Weight { get; set; }
}
