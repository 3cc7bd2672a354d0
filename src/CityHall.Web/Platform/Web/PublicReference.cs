using System.Globalization;
using System.Security.Cryptography;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// A public reference, "261127-K7Q4-M2XP" (with a module's prefix, "INC-261127-K7Q4-M2XP"): the
/// city's date, then 40 random bits in Crockford's base 32 (no I, L, O or U, so a reference read
/// out on the phone is not misheard). Hard to guess, so it doubles as a tracking code.
/// </summary>
public static class PublicReference
{
    /// <summary>Crockford's base 32: no I, L, O or U (camera codes use it too).</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int RandomLength = 9;

    public static string New(DateTimeOffset cityTime, string prefix = "") =>
        prefix + cityTime.ToString("yyMMdd", CultureInfo.InvariantCulture) + "-" + RandomPart();

    /// <summary>Another reference with the same prefix and day, for the rare case the first is already taken.</summary>
    public static string Redraw(string taken) => taken[..^RandomLength] + RandomPart();

    private static string RandomPart()
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        Span<char> code = stackalloc char[RandomLength];
        for (int i = 0, j = 0; i < code.Length; i++) code[i] = i == 4 ? '-' : Alphabet[random[j++] & 31];
        return new string(code);
    }
}
