using OtpNet;

namespace CityHall.Web.Platform.Identity;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, six digits) that work once: the step
/// of each accepted code is stored with the account, and only a later step is accepted next, so a code
/// seen over someone's shoulder or replayed within its half-minute is refused. The check and the write
/// are one conditional UPDATE, so two nodes taking the same code at the same moment accept it once.
/// Identity's own provider accepts a code again for as long as it is current.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(AppDbContext db) : IUserTwoFactorTokenProvider<CityHallUser>
{
    public const string Name = "OneTimeAuthenticator";

    /// <summary>Steps either side of now that are accepted: a phone's clock may be half a minute off.</summary>
    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    public Task<string> GenerateAsync(string purpose, UserManager<CityHallUser> manager, CityHallUser user) => Task.FromResult("");

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<CityHallUser> manager, CityHallUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<CityHallUser> manager, CityHallUser user)
    {
        if (token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key)) return false;
        byte[] secret;
        try { secret = Base32Encoding.ToBytes(key); }
        catch (ArgumentException) { return false; }
        // The wall clock, as the phone's app has it (not the app's TimeProvider, which a test may move by days).
        if (!new Totp(secret).VerifyTotp(DateTime.UtcNow, token, out var step, Drift)) return false;
        var taken = await db.Users.Where(u => u.Id == user.Id && u.LastTotpStep < step)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpStep, step));
        if (taken == 1) user.LastTotpStep = step;
        return taken == 1;
    }
}
