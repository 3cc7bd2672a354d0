namespace CityHall.Web.Platform.Identity;

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    public int PasswordMinLength { get; set; } = 10;
    public int MaxFailedSignIns { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Staff (officials, moderators, administrators) must have signed in with TOTP to act as staff.</summary>
    public bool RequireStaffTwoFactor { get; set; } = true;

    /// <summary>
    /// How often a signed-in session is checked against the account: roles, departments and
    /// permissions changed by an administrator apply within this time, and a changed password or
    /// deleted account ends the session.
    /// </summary>
    public TimeSpan SessionRevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a sign-in lasts without use (sliding): the cookie's lifetime.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How soon a sign-out on one node reaches the others (each re-reads revoked sessions this often).</summary>
    public TimeSpan SessionRevocationPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an e-mailed or texted code works.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes accepted before the person must ask for a new one.</summary>
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>Key for hashing verified identities; set it in production (environment or secrets), never in the repository.</summary>
    public string? IdentityHashKey { get; set; }
}
