using System.Security.Claims;
using CityHall.Web.Modules.Accounts.Contracts;

namespace CityHall.Web.Modules.Accounts.Verification;

/// <summary>
/// Answers other modules' questions about verification. Kept apart from <see cref="IdentityVerification"/>
/// so the hot path (supporting a proposal) needs only a claim, not the user manager that verifying builds.
/// </summary>
public sealed class VerifiedCitizens(AppDbContext db, IdentityHashKey key) : IVerifiedCitizens
{
    public string? IdentityKeyForMobile(string mobile) =>
        key.IsConfigured && SmsCodeVerifier.Normalise(mobile) is { } phone ? key.Hash("sms", phone) : null;

    public async Task<bool> IsVerifiedAsync(string userId, CancellationToken ct = default) =>
        await IdentityKeyAsync(userId, ct) is not null;

    public Task<string?> IdentityKeyAsync(string userId, CancellationToken ct = default) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.VerifiedIdentityHash).FirstOrDefaultAsync(ct);

    public Task<VerifiedCitizen?> FindVerifiedAsync(string userId, CancellationToken ct = default) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId && u.VerifiedIdentityHash != null)
            .Select(u => new VerifiedCitizen(u.VerifiedIdentityHash!, u.DistrictCode, u.BirthYear)).FirstOrDefaultAsync(ct);

    public Task<VerifiedCitizen?> FindVerifiedAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.FindFirst(PermissionClaims.VerifiedIdentity)?.Value is { } identity)
            return Task.FromResult<VerifiedCitizen?>(new(identity, user.FindFirst(PermissionClaims.HomeDistrict)?.Value,
                int.TryParse(user.FindFirst(PermissionClaims.BirthYear)?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null));
        var userId = user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return userId is null ? Task.FromResult<VerifiedCitizen?>(null) : FindVerifiedAsync(userId, ct);
    }
}
