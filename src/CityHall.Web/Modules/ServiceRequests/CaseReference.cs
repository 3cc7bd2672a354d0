using System.Globalization;
using System.Security.Cryptography;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>
/// A case's public reference, "261127-K7Q4-M2XP": the city's date it was received, then 40 random
/// bits in Crockford's base 32 (no I, L, O or U, so a reference read out on the phone is not
/// misheard). Hard to guess, so it doubles as the tracking code.
/// </summary>
public static class CaseReference
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(DateTimeOffset cityTime) => cityTime.ToString("yyMMdd", CultureInfo.InvariantCulture) + "-" + RandomPart();

    /// <summary>Another reference for the same day, for the rare case the first is already taken.</summary>
    public static string Redraw(string taken) => taken[..7] + RandomPart();

    private static string RandomPart()
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        Span<char> code = stackalloc char[9];
        for (int i = 0, j = 0; i < code.Length; i++) code[i] = i == 4 ? '-' : Alphabet[random[j++] & 31];
        return new string(code);
    }
}
