using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using OtpNet;

namespace CityHall.Web.Platform.Identity;

/// <summary>
/// The six-digit codes people type in (e-mail confirmation, password reset, phone verification).
/// Unlike Identity's built-in providers it reads the app's <see cref="TimeProvider"/>, so a code's
/// lifetime is a setting (Accounts:CodeLifetime) that tests can step past, and it stops accepting
/// guesses after Accounts:MaxCodeAttempts wrong ones until a new code is sent.
/// </summary>
/// <remarks>
/// Codes are TOTP (RFC 6238, one-minute steps) over a key derived from the account's security
/// stamp, the purpose and the user id: a password change voids every outstanding code.
/// </remarks>
public sealed class TimedCodeProvider(TimeProvider clock, IOptions<AccountOptions> options, IDistributedCache attempts)
    : IUserTwoFactorTokenProvider<CityHallUser>
{
    public const string Name = "TimedCode";
    private const int StepSeconds = 60;

    /// <summary>Not a sign-in second factor; staff use an authenticator app for that.</summary>
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<CityHallUser> manager, CityHallUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<CityHallUser> manager, CityHallUser user)
    {
        var totp = await TotpForAsync(purpose, manager, user);
        await attempts.RemoveAsync(AttemptsKey(purpose, user.Id));
        return totp.ComputeTotp(clock.GetUtcNow().UtcDateTime);
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<CityHallUser> manager, CityHallUser user)
    {
        var key = AttemptsKey(purpose, user.Id);
        var wrong = int.TryParse(await attempts.GetStringAsync(key), CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (wrong >= options.Value.MaxCodeAttempts) return false;

        var totp = await TotpForAsync(purpose, manager, user);
        var lifetimeSteps = (int)Math.Ceiling(options.Value.CodeLifetime.TotalSeconds / StepSeconds);
        if (totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token.Trim(), out _, new VerificationWindow(previous: lifetimeSteps, future: 0)))
        {
            await attempts.RemoveAsync(key);
            return true;
        }
        await attempts.SetStringAsync(key, (wrong + 1).ToString(CultureInfo.InvariantCulture),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.Value.CodeLifetime + TimeSpan.FromSeconds(StepSeconds) });
        return false;
    }

    private static async Task<Totp> TotpForAsync(string purpose, UserManager<CityHallUser> manager, CityHallUser user)
    {
        var stamp = await manager.GetSecurityStampAsync(user) ?? "";
        var secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes($"{purpose}\n{user.Id}"));
        return new Totp(secret, step: StepSeconds, mode: OtpHashMode.Sha256, totpSize: 6);
    }

    private static string AttemptsKey(string purpose, string userId) => $"code-attempts:{userId}:{purpose}";
}
