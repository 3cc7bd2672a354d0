using System.Security.Cryptography;
using System.Text;
using CityHall.Web.Modules.Accounts.Contracts;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Accounts.Verification;

public enum VerificationOutcome { Verified, WrongAnswer, IdentityAlreadyUsed }

/// <summary>
/// Turns a verifier's identifier into the stored keyed hash and enforces one verified account per
/// person (a unique index backs it, so two accounts racing with one identity cannot both win).
/// </summary>
public sealed class IdentityVerification(AppDbContext db, UserManager<CityHallUser> users, IdentityHashKey key,
    TimeProvider clock)
{
    /// <param name="birthYear">The year of birth the person gave with their number (a gateway that checks it against the carrier's records would refuse a wrong one).</param>
    public async Task<VerificationOutcome> CompleteAsync(IIdentityVerifier verifier, CityHallUser user, string subject, string answer, int birthYear, CancellationToken ct)
    {
        var identifier = await verifier.CompleteAsync(user, subject, answer, ct);
        if (identifier is null) return VerificationOutcome.WrongAnswer;
        var hash = key.Hash(verifier.Name, identifier);
        if (await db.Users.AnyAsync(u => u.VerifiedIdentityHash == hash && u.Id != user.Id, ct))
            return VerificationOutcome.IdentityAlreadyUsed;
        user.VerifiedIdentityHash = hash;
        user.VerifiedAt = clock.GetUtcNow();
        user.BirthYear = birthYear;
        if (verifier is SmsCodeVerifier) { user.PhoneNumber = identifier; user.PhoneNumberConfirmed = true; }
        try
        {
            var result = await users.UpdateAsync(user);
            return result.Succeeded ? VerificationOutcome.Verified : VerificationOutcome.IdentityAlreadyUsed;
        }
        catch (DbUpdateException)
        {
            return VerificationOutcome.IdentityAlreadyUsed; // the unique index: another account took it meanwhile
        }
    }
}

/// <summary>
/// The secret for hashing identities: Accounts:IdentityHashKey (base64, 32 bytes or more).
/// Without it, Development uses a fixed throwaway key and other environments refuse to verify.
/// </summary>
public sealed class IdentityHashKey(IOptions<AccountOptions> options, IHostEnvironment env)
{
    private readonly byte[]? key = Load(options.Value.IdentityHashKey, env);

    private static byte[]? Load(string? configured, IHostEnvironment env)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Convert.FromBase64String(configured);
        return env.IsDevelopment() || env.IsEnvironment("Testing") ? SHA256.HashData("cityhall-development-only"u8) : null;
    }

    public bool IsConfigured => key is not null;

    public string Hash(string verifier, string identifier)
    {
        if (key is null) throw new InvalidOperationException("Accounts:IdentityHashKey is not set: identity verification is off.");
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(verifier + ":" + identifier)));
    }
}
