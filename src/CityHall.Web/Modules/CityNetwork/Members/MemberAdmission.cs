using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.CityNetwork.Public;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.CityNetwork.Members;

/// <summary>
/// How an organisation becomes a member: the application (with the signed letter) is kept as sent; the secretariat
/// either admits it — the member is made at once, as an Associate (a corporation as a Corporate member), with the
/// contact and the applying account as its representative — or returns it with the reason. Each application is
/// decided once: two secretaries deciding at the same moment cannot both do it (the status changes conditionally).
/// </summary>
public sealed class MemberAdmission(AppDbContext db, AuditLog audit, TimeProvider clock, CityClock cityClock)
{
    public async Task<MembershipApplication> SubmitAsync(ClaimsPrincipal applicant, JoinInput input, UploadedDocument letter, CancellationToken ct)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var application = new MembershipApplication
        {
            Reference = PublicReference.New(cityClock.Now, "NET-"),
            ApplicantUserId = applicant.FindFirstValue(ClaimTypes.NameIdentifier)!,
            Name = input.Name.Trim(), LocalName = Clean(input.LocalName),
            LocalNameLanguage = Clean(input.LocalName) is null ? null : NetworkMember.CleanLanguageTag(input.LocalNameLanguage),
            Kind = input.Kind!.Value, CountryCode = input.Country!.ToUpperInvariant(), RegionCode = input.Region!, Population = input.Population,
            Website = Clean(input.Website), ContactName = input.ContactName.Trim(), ContactPosition = Clean(input.ContactPosition),
            ContactEmail = input.ContactEmail.Trim(), ContactPhone = Clean(input.ContactPhone), SignedBy = input.SignedBy.Trim(),
            Motivation = Clean(input.Motivation), Letter = letter.Bytes, LetterContentType = letter.ContentType, LetterSha256 = letter.Sha256,
            Status = ApplicationStatus.Submitted, SubmittedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(application);
        await db.SaveChangesAsync(ct);
        return application;
    }

    /// <summary>Admits a submitted application: the member it makes, or null with the reason (a text key) it was not.</summary>
    public async Task<(NetworkMember? Member, string? Refusal)> AdmitAsync(ClaimsPrincipal secretary, long applicationId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var me = secretary.FindFirstValue(ClaimTypes.NameIdentifier);
        var taken = await db.Set<MembershipApplication>().Where(a => a.Id == applicationId && a.Status == ApplicationStatus.Submitted)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ApplicationStatus.Admitted).SetProperty(a => a.DecidedAt, now).SetProperty(a => a.DecidedBy, me), ct);
        if (taken == 0) return (null, "Network.Application.AlreadyDecided");
        var application = await db.Set<MembershipApplication>().AsNoTracking().FirstAsync(a => a.Id == applicationId, ct);

        var member = new NetworkMember
        {
            Name = "", Kind = application.Kind, CountryCode = application.CountryCode, RegionCode = application.RegionCode,
            Type = application.Kind == MemberKind.Corporation ? MembershipType.Corporate : MembershipType.Associate,
            Status = MemberStatus.Active, Population = application.Population, Website = application.Website,
            JoinedOn = DateOnly.FromDateTime(cityClock.Now.DateTime), UpdatedAt = now,
        };
        member.Rename(application.Name, application.LocalName, application.LocalNameLanguage);
        db.Add(member);
        await db.SaveChangesAsync(ct);
        db.Add(new NetworkMemberContact
        {
            MemberId = member.Id, Name = application.ContactName, Position = application.ContactPosition,
            Email = application.ContactEmail, Phone = application.ContactPhone,
        });
        if (application.ApplicantUserId is { } applicant) db.Add(new NetworkMemberRepresentative { MemberId = member.Id, UserId = applicant, Since = now });
        await db.Set<MembershipApplication>().Where(a => a.Id == applicationId).ExecuteUpdateAsync(u => u.SetProperty(a => a.MemberId, member.Id), ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(secretary, "network.application.admit", "network-application", applicationId.ToString(CultureInfo.InvariantCulture),
            new { application.Reference, memberId = member.Id, type = member.Type.ToString() }, ct);
        await transaction.CommitAsync(ct);
        return (member, null);
    }

    /// <summary>Returns a submitted application with the reason the applicant will read; null when done, or the refusal's text key.</summary>
    public async Task<string?> ReturnAsync(ClaimsPrincipal secretary, long applicationId, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var me = secretary.FindFirstValue(ClaimTypes.NameIdentifier);
        var returned = await db.Set<MembershipApplication>().Where(a => a.Id == applicationId && a.Status == ApplicationStatus.Submitted)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ApplicationStatus.Returned).SetProperty(a => a.DecidedAt, now)
                .SetProperty(a => a.DecidedBy, me).SetProperty(a => a.ReturnReason, reason.Trim()), ct);
        if (returned == 0) return "Network.Application.AlreadyDecided";
        await audit.RecordAsync(secretary, "network.application.return", "network-application", applicationId.ToString(CultureInfo.InvariantCulture), new { reason }, ct);
        return null;
    }
}
