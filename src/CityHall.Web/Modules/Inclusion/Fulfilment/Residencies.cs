using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Contracts;
using CityHall.Web.Modules.Inclusion.Programmes;

namespace CityHall.Web.Modules.Inclusion.Fulfilment;

/// <summary>The residencies recorded on a programme's applications (<see cref="IResidencies"/>).</summary>
public sealed class Residencies(AppDbContext db) : IResidencies
{
    public async Task<IReadOnlyList<Residency>> OfProgrammeAsync(string programmeCode, CancellationToken ct = default)
    {
        var rows = await db.Set<FulfilmentRecord>().AsNoTracking()
            .Where(r => r.Kind == FulfilmentKind.Residency && r.LicenceCode != null && r.StartsOn != null && r.EndsOn != null)
            .Join(db.Set<InclusionApplication>(), r => r.ApplicationId, a => a.Id, (r, a) => new { r.LicenceCode, r.StartsOn, r.EndsOn, a.Reference, a.ProgrammeId, a.ApplicantName, a.Answers, a.ApplicantUserId })
            .Join(db.Set<InclusionProgramme>().Where(p => p.Code == programmeCode), x => x.ProgrammeId, p => p.Id, (x, p) => x)
            .ToListAsync(ct);
        return [.. rows.Select(x => new Residency(x.Reference, x.Answers.Organisation?.Name ?? x.ApplicantName, x.Answers.Organisation?.RegistrationNumber,
                x.LicenceCode!, x.StartsOn!.Value, x.EndsOn!.Value, x.ApplicantUserId))
            .OrderByDescending(r => r.From).ThenBy(r => r.Desk, StringComparer.Ordinal)];
    }
}
