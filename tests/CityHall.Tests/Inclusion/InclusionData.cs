using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Inclusion;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Programmes;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Inclusion;

/// <summary>Applications made straight in the database, in a given state, for tests of what staff do with them (the pages that make them are tested on their own).</summary>
public static class InclusionData
{
    public static async Task<List<string>> ApplicationsAsync(CityHallApp app, string code, int count, ApplicationState state,
        Func<int, string?>? pool = null, Func<int, string?>? userId = null, DateTime? firstSubmitted = null, Func<int, string>? address = null)
    {
        return await app.WithDbAsync(async db =>
        {
            var p = await db.Set<InclusionProgramme>().SingleAsync(x => x.Code == code);
            var start = firstSubmitted ?? new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
            var references = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var reference = "INC-D-" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();
                var street = address?.Invoke(i) ?? $"시험로 {i + 1}, {Guid.NewGuid():N}"[..30];
                db.Add(new InclusionApplication
                {
                    Reference = reference, ProgrammeId = p.Id, ProgrammeVersion = p.CurrentVersion, State = state,
                    ApplicantUserId = userId?.Invoke(i), ApplicantName = $"신청인 {i + 1}", ApplicantPhone = $"010-5555-{i:0000}",
                    EnteredBy = userId?.Invoke(i) ?? "staff", Channel = userId?.Invoke(i) is null ? ApplicationChannel.Phone : ApplicationChannel.Online,
                    DistrictCode = "11110", Address = street, HouseholdKey = ApplicationQuestions.HouseholdKey("11110", street), Pool = pool?.Invoke(i),
                    Answers = new ApplicationAnswers { Benefits = ["basic-livelihood"], Details = "도움이 필요합니다." },
                    CreatedAt = start, UpdatedAt = start, SubmittedAt = state == ApplicationState.Draft ? null : start.AddMinutes(i),
                });
                references.Add(reference);
            }
            await db.SaveChangesAsync();
            if (state != ApplicationState.Draft)
            {
                // As submitting would have: each household holds its place.
                var made = await db.Set<InclusionApplication>().Where(a => references.Contains(a.Reference)).Select(a => new { a.Id, a.HouseholdKey }).ToListAsync();
                db.AddRange(made.Select(a => new HouseholdClaim { ProgrammeId = p.Id, HouseholdKey = a.HouseholdKey!, Slot = 1, ApplicationId = a.Id, ClaimedAt = start }));
                await db.SaveChangesAsync();
            }
            return references;
        });
    }

    public static Task SetAsync(CityHallApp app, string code, Action<ProgrammeVersion> change) => app.WithDbAsync(async db =>
    {
        var id = await db.Set<InclusionProgramme>().Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
        var version = await db.Set<ProgrammeVersion>().Where(v => v.ProgrammeId == id).OrderByDescending(v => v.Version).FirstAsync();
        change(version);
        await db.SaveChangesAsync();
    });

    public static Task<Dictionary<string, InclusionApplication>> LoadAsync(CityHallApp app, IEnumerable<string> references)
    {
        var list = references.ToList();
        return app.WithDbAsync(db => db.Set<InclusionApplication>().AsNoTracking().Where(a => list.Contains(a.Reference)).ToDictionaryAsync(a => a.Reference));
    }

    /// <summary>A loan programme (a city may lend tablets), with pc-handout's terms: none of the six seeded programmes lends.</summary>
    public static Task LoanProgrammeAsync(CityHallApp app, string code) => app.WithDbAsync(async db =>
    {
        var source = await db.Set<InclusionProgramme>().SingleAsync(p => p.Code == "pc-handout");
        var terms = await db.Set<ProgrammeVersion>().AsNoTracking().SingleAsync(v => v.ProgrammeId == source.Id && v.Version == source.CurrentVersion);
        var loan = new InclusionProgramme { Code = code, Fulfilment = FulfilmentKind.Loan, CurrentVersion = 1, UpdatedAt = DateTime.UtcNow, RoundOpensAt = terms.OpensAt };
        db.Add(loan);
        await db.SaveChangesAsync();
        terms.Id = 0;
        terms.ProgrammeId = loan.Id;
        terms.Version = 1;
        db.Add(terms);
        await db.SaveChangesAsync();
    });
}
