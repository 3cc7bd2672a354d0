namespace CityHall.Web.Modules.CityNetwork.Visits;

/// <summary>One year of held visits: how many, how many people came, from how many countries.</summary>
public sealed record VisitYear(int Year, int Visits, int Visitors, int Countries);

/// <summary>One country's held visits over the years asked.</summary>
public sealed record VisitCountry(string CountryCode, int Visits, int Visitors);

/// <summary>Held visits over a span of years: totals (countries counted once however often they came), by year and by country, and the survey's mean mark.</summary>
public sealed record VisitFigures(int FromYear, int ToYear, int Visits, int Visitors, int Countries, IReadOnlyList<VisitYear> Years,
    IReadOnlyList<VisitCountry> ByCountry, int Surveys, double? MeanOverall, int WouldRecommend);

/// <summary>
/// The study-visit statistics, counted by the database from held visits (the day held and the people who came, not
/// the people announced): the query behind Seoul's "893 visitors from 155 countries in three years".
/// </summary>
public sealed class VisitStatistics(AppDbContext db)
{
    public async Task<VisitFigures> ForYearsAsync(int fromYear, int toYear, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31));
        var held = db.Set<StudyVisit>().AsNoTracking().Where(v => v.Status == VisitStatus.Held && v.HeldOn >= from && v.HeldOn <= to);
        var years = await held.GroupBy(v => v.HeldOn!.Value.Year)
            .Select(g => new VisitYear(g.Key, g.Count(), g.Sum(v => v.Visitors ?? 0), g.Select(v => v.CountryCode).Distinct().Count()))
            .ToListAsync(ct);
        var countries = await held.GroupBy(v => v.CountryCode)
            .Select(g => new VisitCountry(g.Key, g.Count(), g.Sum(v => v.Visitors ?? 0)))
            .ToListAsync(ct);
        var surveys = db.Set<VisitFeedback>().AsNoTracking().Where(f => held.Any(v => v.Id == f.VisitId));
        var surveyCount = await surveys.CountAsync(ct);
        var mean = surveyCount == 0 ? (double?)null : await surveys.AverageAsync(f => (double)f.Overall, ct);
        var recommend = await surveys.CountAsync(f => f.WouldRecommend, ct);
        return new VisitFigures(fromYear, toYear, years.Sum(y => y.Visits), years.Sum(y => y.Visitors), countries.Count,
            years.OrderBy(y => y.Year).ToList(), countries.OrderByDescending(c => c.Visitors).ThenBy(c => c.CountryCode, StringComparer.Ordinal).ToList(),
            surveyCount, mean, recommend);
    }
}
