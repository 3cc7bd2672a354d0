using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Inclusion;

/// <summary>Inclusion programmes in the city's search: the listed ones, as their current version words them.</summary>
public static class ProgrammeSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var rows = await db.Set<InclusionProgramme>().AsNoTracking().Where(p => p.Listed)
            .Join(db.Set<ProgrammeVersion>(), p => new { p.Id, V = p.CurrentVersion }, v => new { Id = v.ProgrammeId, V = v.Version },
                (p, v) => new { p.Code, v.NameKo, v.NameEn, v.SummaryKo, v.SummaryEn, p.UpdatedAt })
            .OrderBy(x => x.Code).ToListAsync(ct);
        foreach (var p in rows)
            yield return new SearchItem(p.Code, p.NameKo, p.NameEn, p.SummaryKo, p.SummaryEn, $"/inclusion/{p.Code}", p.UpdatedAt);
    }
}
