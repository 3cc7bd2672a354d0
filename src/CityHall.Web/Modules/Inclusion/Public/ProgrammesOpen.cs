using System.Globalization;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Inclusion.Public;

/// <summary>The home page's inclusion block: the programmes taking applications now, the soonest to close first.</summary>
public sealed record ProgrammesOpen(IReadOnlyList<ProgrammesOpen.Item> Items)
{
    public sealed record Item(string Code, string NameKo, string NameEn, DateTime ClosesAt)
    {
        public string Name => LocalizedText.Pick(CultureInfo.CurrentUICulture, NameKo, NameEn);
    }

    public const string View = "/Modules/Inclusion/Public/_ProgrammesOpen.cshtml";

    public static async Task<object?> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var items = await db.Set<InclusionProgramme>().AsNoTracking().Where(p => p.Listed)
            .Join(db.Set<ProgrammeVersion>(), p => new { p.Id, V = p.CurrentVersion }, v => new { Id = v.ProgrammeId, V = v.Version }, (p, v) => new { p.Code, v })
            .Where(x => x.v.OpensAt <= now && x.v.ClosesAt > now)
            .OrderBy(x => x.v.ClosesAt).ThenBy(x => x.Code)
            .Select(x => new Item(x.Code, x.v.NameKo, x.v.NameEn, x.v.ClosesAt))
            .ToListAsync(ct);
        return items.Count == 0 ? null : new ProgrammesOpen(items);
    }
}
