using System.Text.Json;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Eligibility;
using CityHall.Web.Modules.Inclusion.Selection;

namespace CityHall.Web.Modules.Inclusion.Programmes;

/// <summary>
/// Staff change a programme by writing its next version: the terms are checked (rules that a
/// reader and the engine can both understand, pools that add up to the quota, a window that ends
/// after it opens), then stored as version N+1 and made current. Applications keep the version
/// they were made under. Moving the window's opening starts a new round of the application count.
/// </summary>
public sealed class ProgrammeVersions(AppDbContext db, TimeProvider clock, IStringLocalizer<Text> t)
{
    /// <summary>Problems with the proposed terms, by field ("" for the whole); empty when they can be saved.</summary>
    public List<(string Field, string Message)> Check(ProgrammeVersion v)
    {
        var errors = new List<(string, string)>();
        void Add(string field, string key, params object[] args) => errors.Add((field, t[key, args].Value));
        if (string.IsNullOrWhiteSpace(v.NameKo) || string.IsNullOrWhiteSpace(v.NameEn)) Add("Names", "Inclusion.Edit.Error.Names");
        if (string.IsNullOrWhiteSpace(v.SummaryKo) || string.IsNullOrWhiteSpace(v.SummaryEn)) Add("Summaries", "Inclusion.Edit.Error.Summaries");
        if (v.ClosesAt <= v.OpensAt) Add("ClosesAt", "Inclusion.Edit.Error.Window");
        if (v.Quota < 1) Add("Quota", "Inclusion.Edit.Error.Quota");
        if (v.ApplicationLimit is { } limit && limit < v.Quota) Add("ApplicationLimit", "Inclusion.Edit.Error.Limit");
        if (v.HouseholdLimit < 1) Add("HouseholdLimit", "Inclusion.Edit.Error.HouseholdLimit");
        if (v.ReGrantExclusionMonths is < 0 or > 240) Add("ReGrantExclusionMonths", "Inclusion.Edit.Error.Exclusion");
        if (v.ServiceLevelDays is < 1 or > 90) Add("ServiceLevelDays", "Inclusion.Edit.Error.ServiceLevel");
        if (v.OfferDays is < 1 or > 90) Add("OfferDays", "Inclusion.Edit.Error.OfferDays");
        if (v.CoPaymentPercent is { } pct && (pct is < 1 or > 100 || v.CoPaymentDays is < 1 or > 90)) Add("CoPaymentPercent", "Inclusion.Edit.Error.CoPayment");
        if (v.PoolBasis != PoolBasis.None)
        {
            if (v.Pools.Count == 0 || v.Pools.Any(p => string.IsNullOrWhiteSpace(p.Code) || string.IsNullOrWhiteSpace(p.NameKo) || string.IsNullOrWhiteSpace(p.NameEn) || p.Quota < 0)
                || v.Pools.Select(p => p.Code).Distinct().Count() != v.Pools.Count)
                Add("Pools", "Inclusion.Edit.Error.Pools");
            else if (v.Pools.Sum(p => p.Quota) != v.Quota) Add("Pools", "Inclusion.Edit.Error.PoolsSum", v.Pools.Sum(p => p.Quota), v.Quota);
        }
        if (v.Evidence.Any(e => string.IsNullOrWhiteSpace(e.Code) || string.IsNullOrWhiteSpace(e.NameKo) || string.IsNullOrWhiteSpace(e.NameEn))
            || v.Evidence.Select(e => e.Code).Distinct().Count() != v.Evidence.Count)
            Add("Evidence", "Inclusion.Edit.Error.Evidence");
        if (v.Rules.Select(r => r.Id).Distinct().Count() != v.Rules.Count) Add("Rules", "Inclusion.Edit.Error.RuleIds");
        foreach (var rule in v.Rules)
        {
            var fits = (rule.Attribute, rule.Test) switch
            {
                (RuleAttribute.Disability, RuleTest.Registered or RuleTest.Severe) => true,
                (RuleAttribute.Disability, _) => false,
                (_, RuleTest.Registered or RuleTest.Severe) => false,
                (RuleAttribute.District or RuleAttribute.Benefit, RuleTest.OneOf) => rule.Values.Count > 0,
                (RuleAttribute.District or RuleAttribute.Benefit, _) => false,
                (_, RuleTest.AtLeast or RuleTest.AtMost) => rule.Number is not null,
                (_, RuleTest.OneOf) => rule.Values.Count > 0,
                _ => false,
            };
            if (!fits) Add("Rules", "Inclusion.Edit.Error.Rule", rule.Id);
            if (string.IsNullOrWhiteSpace(rule.ExplanationKo) || string.IsNullOrWhiteSpace(rule.ExplanationEn)) Add("Rules", "Inclusion.Edit.Error.RuleWords", rule.Id);
        }
        if (v.Selection == SelectionMethod.Score && (v.Criteria.Count == 0 || v.Criteria.Any(c => string.IsNullOrWhiteSpace(c.Code) || c.Weight <= 0 || c.MaxScore <= 0)))
            Add("Criteria", "Inclusion.Edit.Error.Criteria");
        if (string.IsNullOrWhiteSpace(v.DetailsQuestionKo) != string.IsNullOrWhiteSpace(v.DetailsQuestionEn)) Add("DetailsQuestion", "Inclusion.Edit.Error.DetailsQuestion");
        return errors;
    }

    /// <summary>Stores the terms as the programme's next version and makes it current.</summary>
    public async Task<ProgrammeVersion> SaveAsync(InclusionProgramme programme, ProgrammeVersion terms, string actorId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.Set<ProgrammeVersion>().Where(v => v.ProgrammeId == programme.Id).MaxAsync(v => v.Version, ct);
        terms.Id = 0;
        terms.ProgrammeId = programme.Id;
        terms.Version = latest + 1;
        terms.CreatedAt = now;
        terms.CreatedBy = actorId;
        db.Add(terms);
        programme.CurrentVersion = terms.Version;
        programme.UpdatedAt = now;
        if (terms.OpensAt != programme.RoundOpensAt)
        {
            // A new round: count what was submitted since it opened and still holds a place.
            var released = ApplicationStates.Released;
            programme.RoundOpensAt = terms.OpensAt;
            programme.RoundApplications = await db.Set<InclusionApplication>()
                .CountAsync(a => a.ProgrammeId == programme.Id && a.SubmittedAt >= terms.OpensAt && !released.Contains(a.State), ct);
        }
        await db.SaveChangesAsync(ct);
        return terms;
    }

    private static readonly JsonSerializerOptions Pretty = new(JsonColumns.Options) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A list as staff edit it: indented JSON with enum names and Korean left readable.</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Pretty);

    /// <summary>The list staff wrote, or null when it is not valid JSON of that shape (with the parser's reason).</summary>
    public static (T? Value, string? Problem) FromJson<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json)) return (null, null);
        try { return (JsonSerializer.Deserialize<T>(json, JsonColumns.Options), null); }
        catch (JsonException ex) { return (null, ex.Message); }
    }
}
