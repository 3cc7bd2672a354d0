using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.LiveEvents.Webhooks;

/// <summary>
/// Phone numbers are kept only as a keyed hash (HMAC-SHA256 under LiveEvents:SenderHashKey) and
/// shown as "SMS ···1234": moderators can ban a number and floods are limited per number, but the
/// database never lists who texted.
/// </summary>
public sealed class SenderHash(IOptions<LiveEventsOptions> options)
{
    private readonly byte[]? key = string.IsNullOrWhiteSpace(options.Value.SenderHashKey) ? null : Convert.FromBase64String(options.Value.SenderHashKey);

    public bool Configured => key is { Length: >= 32 };

    public string PhoneKey(string number)
    {
        if (!Configured) throw new InvalidOperationException("LiveEvents:SenderHashKey (base64, 32 bytes or more) is not set.");
        var normalized = LiveEventDirectory.NormalizeNumber(number);
        return "sms:" + Convert.ToHexStringLower(HMACSHA256.HashData(key!, Encoding.UTF8.GetBytes(normalized)))[..40];
    }

    /// <summary>The last four digits, which is all anyone is shown.</summary>
    public static string PhoneLabel(string number)
    {
        var digits = LiveEventDirectory.NormalizeNumber(number).TrimStart('+');
        return "SMS ···" + (digits.Length >= 4 ? digits[^4..] : digits);
    }
}
