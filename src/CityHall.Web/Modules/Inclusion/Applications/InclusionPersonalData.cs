using CityHall.Web.Modules.Inclusion.Programmes;

namespace CityHall.Web.Modules.Inclusion.Applications;

/// <summary>
/// A person's applications for "download my data". When the account is deleted, drafts go; submitted
/// applications are records of public benefits the city must keep, so they stay but lose the link
/// to the account.
/// </summary>
public sealed class InclusionPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public string Section => "inclusion";

    public async Task<object?> ExportAsync(string userId, CancellationToken ct) =>
        await db.Set<InclusionApplication>().AsNoTracking().Where(a => a.ApplicantUserId == userId).OrderBy(a => a.Id)
            .Join(db.Set<InclusionProgramme>(), a => a.ProgrammeId, p => p.Id, (a, p) => new
            {
                a.Reference, programme = p.Code, state = a.State.ToString(), a.ApplicantName, a.ApplicantPhone, a.DistrictCode, a.Address, a.Pool,
                a.Answers, a.CreatedAt, a.SubmittedAt,
                documents = db.Set<ApplicationDocument>().Where(d => d.ApplicationId == a.Id).Select(d => new { d.EvidenceCode, d.FileName, d.Size, d.UploadedAt }).ToList(),
            })
            .ToListAsync(ct);

    public async Task EraseAsync(string userId, CancellationToken ct)
    {
        await db.Set<InclusionApplication>().Where(a => a.ApplicantUserId == userId && a.State == ApplicationState.Draft).ExecuteDeleteAsync(ct);
        await db.Set<InclusionApplication>().Where(a => a.ApplicantUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ApplicantUserId, (string?)null), ct);
    }
}
