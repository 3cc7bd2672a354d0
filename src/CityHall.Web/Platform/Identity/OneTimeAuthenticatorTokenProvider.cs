using System.Security.Cryptography;

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
    private const int Drift = 1;

    public Task<string> GenerateAsync(string purpose, UserManager<CityHallUser> manager, CityHallUser user) => Task.FromResult("");

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<CityHallUser> manager, CityHallUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<CityHallUser> manager, CityHallUser user)
    {
        if (token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || Base32Decode(key) is not { Length: > 0 } secret) return false;
        // The wall clock, as the phone's app has it (not the app's TimeProvider, which a test may move by days).
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
                continue;
            var taken = await db.Users.Where(u => u.Id == user.Id && u.LastTotpStep < step)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpStep, step));
            if (taken == 1) user.LastTotpStep = step;
            return taken == 1;
        }
        return false;
    }

    internal static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as Identity stores authenticator keys; null if it is not base32.</summary>
    internal static byte[]? Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.Trim().TrimEnd('='))
        {
            if (c == ' ') continue;
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) { bytes.Add((byte)(buffer >> (bits - 8))); bits -= 8; }
        }
        return [.. bytes];
    }
}
