namespace CityHall.Web.Modules.Accounts.Contracts;

/// <summary>
/// What other modules may ask about a person's identity verification ("real-name" check).
/// The identity key is the keyed hash of the verified identity: the same person always has the
/// same key whatever account they use, so modules can enforce "one person, one signature".
/// </summary>
public interface IVerifiedCitizens
{
    Task<bool> IsVerifiedAsync(string userId, CancellationToken ct = default);

    /// <summary>The keyed hash of the person's verified identity, or null when not verified.</summary>
    Task<string?> IdentityKeyAsync(string userId, CancellationToken ct = default);

    /// <summary>The identity key with the district and year of birth the person gave (for tallies by district and age), in one read; null when not verified.</summary>
    Task<VerifiedCitizen?> FindVerifiedAsync(string userId, CancellationToken ct = default);

    /// <summary>The same for the signed-in person, from their sign-in when it carries it (no database read), else from their account.</summary>
    Task<VerifiedCitizen?> FindVerifiedAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>
    /// The identity key a person verified by SMS with this mobile number has (or will have), without knowing whether
    /// anyone has: for lists of members (a school's parents) staff give as numbers. Null when it is not a mobile number
    /// or verification is off.
    /// </summary>
    string? IdentityKeyForMobile(string mobile);
}

/// <param name="BirthYear">Given at verification; null for people verified before it was asked.</param>
public sealed record VerifiedCitizen(string IdentityKey, string? DistrictCode, int? BirthYear = null);

/// <summary>The years of birth accepted, at verification and at a polling station alike: from 1900 to this year.</summary>
public static class BirthYears
{
    public const int Earliest = 1900;

    public static bool Plausible(int? year, int thisYear) => year is { } y && y >= Earliest && y <= thisYear;
}
