using System.Globalization;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Inclusion.Public;

/// <summary>"My city"'s inclusion block: the citizen's latest applications (drafts too, to finish them) with their state.</summary>
public sealed record MyApplications(IReadOnlyList<MyApplications.Application> Latest, int Count)
{
    public sealed record Application(string Reference, string NameKo, string NameEn, ApplicationState State)
    {
        public string Name => LocalizedText.Pick(CultureInfo.CurrentUICulture, NameKo, NameEn);
    }

    public const int Shown = 5;
    public const string View = "/Modules/Inclusion/Public/_MyApplications.cshtml";

    public static async Task<object?> LoadAsync(IServiceProvider services, string userId, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var mine = db.Set<InclusionApplication>().AsNoTracking().Where(a => a.ApplicantUserId == userId);
        var count = await mine.CountAsync(ct);
        if (count == 0) return null;
        var latest = await mine
            .Join(db.Set<ProgrammeVersion>(), a => new { Id = a.ProgrammeId, V = a.ProgrammeVersion }, v => new { Id = v.ProgrammeId, V = v.Version }, (a, v) => new { a, v })
            .OrderByDescending(x => x.a.Id).Take(Shown)
            .Select(x => new Application(x.a.Reference, x.v.NameKo, x.v.NameEn, x.a.State)).ToListAsync(ct);
        return new MyApplications(latest, count);
    }
}
