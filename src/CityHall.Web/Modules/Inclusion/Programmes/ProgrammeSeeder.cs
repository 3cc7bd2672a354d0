using System.Text.Json;
using CityHall.Web.Modules.Inclusion.Eligibility;
using CityHall.Web.Modules.Inclusion.Selection;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Inclusion.Programmes;

/// <summary>
/// Seoul's six programmes from Seed/programmes.json, as version 1, taking applications over the
/// current calendar year (city time). Only programmes not in the database yet are added: once a
/// city has a programme, its staff own its versions.
/// </summary>
public sealed class ProgrammeSeeder(AppDbContext db, IWebHostEnvironment env, TimeProvider clock, CityClock cityClock) : IDataSeeder
{
    public int Order => 60;

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        await using var stream = SeedFiles.Open(env, "Inclusion", "programmes.json");
        var seeds = await JsonSerializer.DeserializeAsync<List<SeedProgramme>>(stream, JsonColumns.Options, ct) ?? [];
        var known = await db.Set<InclusionProgramme>().Select(p => p.Code).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = cityClock.Now.Year;
        var order = known.Count;
        foreach (var s in seeds.Where(s => !known.Contains(s.Code)))
        {
            var opens = cityClock.FromLocal(new DateTime(year, 1, 1)).UtcDateTime;
            var programme = new InclusionProgramme { Code = s.Code, Fulfilment = s.Fulfilment, CurrentVersion = 1, Order = ++order, UpdatedAt = now, RoundOpensAt = opens };
            db.Add(programme);
            await db.SaveChangesAsync(ct);
            db.Add(new ProgrammeVersion
            {
                ProgrammeId = programme.Id, Version = 1,
                NameKo = s.NameKo, NameEn = s.NameEn, SummaryKo = s.SummaryKo, SummaryEn = s.SummaryEn,
                OpensAt = opens,
                ClosesAt = cityClock.FromLocal(new DateTime(year + 1, 1, 1)).UtcDateTime,
                Quota = s.Quota, ApplicationLimit = s.ApplicationLimit, PoolBasis = s.PoolBasis, Pools = s.Pools ?? [],
                CoPaymentPercent = s.CoPaymentPercent, ItemPrice = s.ItemPrice, CoPaymentDays = s.CoPaymentDays, OfferDays = s.OfferDays,
                Evidence = s.Evidence ?? [], Rules = s.Rules ?? [], AlsoAsk = s.AlsoAsk ?? [],
                Selection = s.Selection, Criteria = s.Criteria ?? [],
                ReGrantExclusionMonths = s.ReGrantExclusionMonths, HouseholdLimit = s.HouseholdLimit,
                DetailsQuestionKo = s.DetailsQuestionKo, DetailsQuestionEn = s.DetailsQuestionEn, ServiceLevelDays = s.ServiceLevelDays,
                CreatedAt = now, CreatedBy = "seed",
            });
            await db.SaveChangesAsync(ct);
        }
    }

    private sealed record SeedProgramme(
        string Code, FulfilmentKind Fulfilment, string NameKo, string NameEn, string SummaryKo, string SummaryEn,
        int Quota, int? ApplicationLimit, PoolBasis PoolBasis, List<QuotaPool>? Pools, int? CoPaymentPercent, int? ItemPrice,
        int CoPaymentDays, int OfferDays, List<EvidenceRequirement>? Evidence, List<EligibilityRule>? Rules, List<RuleAttribute>? AlsoAsk,
        SelectionMethod Selection, List<Criterion>? Criteria, int ReGrantExclusionMonths, int HouseholdLimit,
        string? DetailsQuestionKo, string? DetailsQuestionEn, int? ServiceLevelDays);
}
