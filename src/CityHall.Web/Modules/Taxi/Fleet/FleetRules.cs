using System.Security.Claims;
using System.Text.RegularExpressions;

namespace CityHall.Web.Modules.Taxi.Fleet;

/// <summary>
/// Who may manage a company's drivers, and how the registry's numbers are written. The city's taxi operators manage
/// every company; a company's own staff only theirs: the check is against the company, never a role alone.
/// </summary>
public static partial class FleetRules
{
    public static async Task<bool> MayManageAsync(AppDbContext db, ClaimsPrincipal user, long companyId, CancellationToken ct)
    {
        if (user.HasPermission(TaxiModule.Operate)) return true;
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return me is not null && await db.Set<TaxiCompanyStaff>().AnyAsync(s => s.CompanyId == companyId && s.UserId == me, ct);
    }

    /// <summary>A record's address segment: "new" (none yet) or its number; false for anything else.</summary>
    public static bool TryRecordId(string? segment, out long? id)
    {
        id = null;
        if (segment == "new") return true;
        if (long.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0) { id = n; return true; }
        return false;
    }

    /// <summary>A business registration number (ten digits, any separators) as written: 000-00-00000; null when it is not one.</summary>
    public static string? RegistrationNumber(string? typed) =>
        Digits(typed) is { Length: 10 } d ? $"{d[..3]}-{d[3..5]}-{d[5..]}" : null;

    /// <summary>A driver's licence number (twelve digits) as written: 00-00-000000-00; null when it is not one.</summary>
    public static string? LicenceNumber(string? typed) =>
        Digits(typed) is { Length: 12 } d ? $"{d[..2]}-{d[2..4]}-{d[4..10]}-{d[10..]}" : null;

    /// <summary>
    /// A taxi's number plate without spaces ("서울32바1234", "32바1234", "123사4567"); null when it is not a taxi's:
    /// taxis are passenger-transport businesses and carry 아, 바, 사 or 자.
    /// </summary>
    public static string? TaxiPlate(string? typed)
    {
        var plate = string.Concat((typed ?? "").Where(c => !char.IsWhiteSpace(c)));
        return TaxiPlatePattern().IsMatch(plate) ? plate : null;
    }

    /// <summary>A Korean telephone number (9 to 11 digits, an optional +82), as typed but trimmed; null when it is not one.</summary>
    public static string? Phone(string? typed)
    {
        var trimmed = typed?.Trim() ?? "";
        if (!PhonePattern().IsMatch(trimmed)) return null;
        var digits = Digits(trimmed.StartsWith("+82", StringComparison.Ordinal) ? "0" + trimmed[3..] : trimmed);
        return digits.Length is >= 9 and <= 11 && digits[0] == '0' ? trimmed : null;
    }

    /// <summary>A Korean mobile number (010 and the older 01x), as digits only ("01012345678"), for a text message; null otherwise.</summary>
    public static string? MobilePhone(string? typed)
    {
        if (Phone(typed) is not { } phone) return null;
        var digits = Digits(phone.StartsWith("+82", StringComparison.Ordinal) ? "0" + phone[3..] : phone);
        return digits.Length is 10 or 11 && digits.StartsWith("01", StringComparison.Ordinal) ? digits : null;
    }

    private static string Digits(string? typed) => string.Concat((typed ?? "").Where(char.IsAsciiDigit));

    [GeneratedRegex(@"^(?:[가-힣]{2})?[0-9]{2,3}[아바사자][0-9]{4}$")]
    private static partial Regex TaxiPlatePattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{7,16}$")]
    private static partial Regex PhonePattern();
}
