namespace CityHall.Web.Modules.CityNetwork.Members;

/// <summary>
/// What the network keeps about a person: the applications they made (with the contact they gave), the members they
/// represent, their award entries and their seats on juries. When the account goes, applications still waiting or
/// returned go with it; an admitted one is the member's record of joining and stays, without the link to the account or
/// the contact's email and phone; representing ends; award drafts go, submitted entries stay (the competition's
/// record) without the account; a juror stays by name with their scores, without the account. Study visits asked for
/// online: those still to come or never held go (with their sessions and survey); a held one stays for the statistics
/// (day, country, people) without the account, the contact's name, email and phone, or the survey's words. Library
/// contributions: unpublished ones go; published cases stay (the library's) without the link to the account.
/// </summary>
public sealed class NetworkPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public string Section => "city-network";

    public async Task<object?> ExportAsync(string userId, CancellationToken ct) => new
    {
        applications = await db.Set<MembershipApplication>().AsNoTracking().Where(a => a.ApplicantUserId == userId).OrderBy(a => a.Id).Select(a => new
        {
            a.Reference, a.Name, a.LocalName, kind = a.Kind.ToString(), a.CountryCode, a.RegionCode, a.Population, a.Website, a.ContactName,
            a.ContactPosition, a.ContactEmail, a.ContactPhone, a.SignedBy, a.Motivation, a.LetterSha256, status = a.Status.ToString(),
            a.SubmittedAt, a.DecidedAt, a.ReturnReason,
        }).ToListAsync(ct),
        represents = await db.Set<NetworkMemberRepresentative>().AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Set<NetworkMember>(), r => r.MemberId, m => m.Id, (r, m) => new { m.Id, m.Name, r.Since }).ToListAsync(ct),
        awardEntries = await db.Set<Awards.AwardEntry>().AsNoTracking().Where(e => e.ApplicantUserId == userId).OrderBy(e => e.Id).Select(e => new
        {
            e.Reference, e.EditionId, e.CategoryId, applicant = e.ApplicantType.ToString(), e.CityName, e.CountryCode, e.VendorName, e.Title, e.Summary,
            e.Language, e.Answers, status = e.Status.ToString(), e.CreatedAt, e.SubmittedAt,
        }).ToListAsync(ct),
        jurySeats = await db.Set<Awards.AwardJuror>().AsNoTracking().Where(j => j.UserId == userId)
            .Select(j => new { j.EditionId, j.CategoryId, j.Name, j.CountryCode }).ToListAsync(ct),
        studyVisits = await db.Set<Visits.StudyVisit>().AsNoTracking().Where(v => v.RequesterUserId == userId).OrderBy(v => v.Id).Select(v => new
        {
            v.Reference, v.Organisation, v.CountryCode, v.ContactName, v.ContactEmail, v.ContactPhone, v.People, v.Topics, v.Wishes, v.PreferredFrom,
            v.PreferredTo, v.InterpreterLanguage, status = v.Status.ToString(), v.Reason, v.RequestedAt, v.HeldOn, v.Visitors,
            feedback = db.Set<Visits.VisitFeedback>().Where(f => f.VisitId == v.Id)
                .Select(f => new { f.Overall, f.Programme, f.Organisation, f.Interpretation, f.WouldRecommend, f.Adopting, f.Comments, f.SubmittedAt }).FirstOrDefault(),
        }).ToListAsync(ct),
        libraryCases = await db.Set<Library.LibraryCase>().AsNoTracking().Where(c => c.ContributorUserId == userId).OrderBy(c => c.Id).Select(c => new
        {
            c.Id, kind = c.Kind.ToString(), c.Title, c.Summary, c.Body, c.Language, c.City, c.CountryCode, c.Year, c.Topics, status = c.Status.ToString(),
            c.ReviewNote, c.CreatedAt, c.PublishedAt,
        }).ToListAsync(ct),
    };

    public async Task EraseAsync(string userId, CancellationToken ct)
    {
        var mine = db.Set<MembershipApplication>().Where(a => a.ApplicantUserId == userId);
        await mine.Where(a => a.Status != ApplicationStatus.Admitted).ExecuteDeleteAsync(ct);
        await mine.ExecuteUpdateAsync(u => u.SetProperty(a => a.ApplicantUserId, (string?)null)
            .SetProperty(a => a.ContactEmail, "").SetProperty(a => a.ContactPhone, (string?)null), ct);
        await db.Set<NetworkMemberRepresentative>().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        var entries = db.Set<Awards.AwardEntry>().Where(e => e.ApplicantUserId == userId);
        await entries.Where(e => e.Status == Awards.EntryStatus.Draft).ExecuteDeleteAsync(ct);
        await entries.ExecuteUpdateAsync(u => u.SetProperty(e => e.ApplicantUserId, (string?)null), ct);
        await db.Set<Awards.AwardJuror>().Where(j => j.UserId == userId).ExecuteUpdateAsync(u => u.SetProperty(j => j.UserId, (string?)null), ct);
        var visits = db.Set<Visits.StudyVisit>().Where(v => v.RequesterUserId == userId);
        await visits.Where(v => v.Status != Visits.VisitStatus.Held).ExecuteDeleteAsync(ct);
        await db.Set<Visits.VisitFeedback>().Where(f => visits.Any(v => v.Id == f.VisitId))
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.Adopting, (string?)null).SetProperty(f => f.Comments, (string?)null), ct);
        await visits.ExecuteUpdateAsync(u => u.SetProperty(v => v.RequesterUserId, (string?)null).SetProperty(v => v.ContactName, "")
            .SetProperty(v => v.ContactEmail, "").SetProperty(v => v.ContactPhone, (string?)null).SetProperty(v => v.Wishes, (string?)null), ct);
        var cases = db.Set<Library.LibraryCase>().Where(c => c.ContributorUserId == userId);
        await cases.Where(c => c.Status != Library.LibraryStatus.Published).ExecuteDeleteAsync(ct);
        await cases.ExecuteUpdateAsync(u => u.SetProperty(c => c.ContributorUserId, (string?)null), ct);
    }
}
