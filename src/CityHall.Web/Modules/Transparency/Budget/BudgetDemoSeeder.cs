using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Transparency.Budget;

/// <summary>
/// The demo city's informatization budget (Seed:Demo): Seoul's 2012 figure as it was reported — ₩129,501 million,
/// 0.63% of the city's budget — published as a total only, so it is one line. The city's budget here is worked back
/// from that share (129,501 ÷ 0.0063, rounded), which the source says: staff replace it with the budget book's figure.
/// Nothing is written when the year exists.
/// </summary>
public sealed class BudgetDemoSeeder(AppDbContext db, TimeProvider clock) : IDataSeeder
{
    public int Order => 90;

    internal const int Year = 2012;
    internal const long Informatization = 129_501, CityTotal = 20_555_714;

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        if (!includeDemo || await db.Set<BudgetYear>().AnyAsync(y => y.Year == Year, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new BudgetYear
        {
            Year = Year, CityTotal = CityTotal, UpdatedAt = now, UpdatedBy = "seed",
            Source = "서울특별시 2012년 정보화 예산 129,501백만 원 (시 예산의 0.63%); 시 총예산은 이 비율에서 역산",
        });
        db.Add(new BudgetLine { Year = Year, Code = "total", NameKo = "정보화 사업 전체 (사업별 내역 미공개)", NameEn = "All informatization programmes (not itemised)", Amount = Informatization, UpdatedAt = now });
        await db.SaveChangesAsync(ct);
    }
}
