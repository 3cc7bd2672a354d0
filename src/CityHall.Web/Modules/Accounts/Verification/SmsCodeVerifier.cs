using System.Text.RegularExpressions;

namespace CityHall.Web.Modules.Accounts.Verification;

/// <summary>
/// Proves control of a mobile number with a six-digit SMS code (sent by AccountCodes).
/// The normalised number is the identifier: in Korea a mobile line is registered to one named person.
/// </summary>
public sealed partial class SmsCodeVerifier(UserManager<CityHallUser> users, AccountCodes codes) : IIdentityVerifier
{
    public string Name => "sms";
    public string TitleKey => "Verify.Sms.Title";

    public static string? Normalise(string phone)
    {
        var digits = NonDigits().Replace(phone ?? "", "");
        if (digits.StartsWith("82", StringComparison.Ordinal) && phone!.TrimStart().StartsWith('+')) digits = "0" + digits[2..];
        return digits.Length is >= 10 and <= 11 && digits.StartsWith("01", StringComparison.Ordinal) ? digits : null;
    }

    public async Task<string?> StartAsync(CityHallUser user, string subject, CancellationToken ct)
    {
        var phone = Normalise(subject);
        if (phone is null) return "Verify.Sms.BadNumber";
        await codes.SendPhoneCodeAsync(user, phone);
        return null;
    }

    public async Task<string?> CompleteAsync(CityHallUser user, string subject, string answer, CancellationToken ct)
    {
        var phone = Normalise(subject);
        if (phone is null) return null;
        return await users.VerifyChangePhoneNumberTokenAsync(user, answer.Trim(), phone) ? phone : null;
    }

    [GeneratedRegex(@"\D")]
    private static partial Regex NonDigits();
}

/// <summary>
/// For development and demos only (registered in Development): the "identity" is whatever is
/// typed, and the answer must be the word "verified". Never on in production.
/// </summary>
public sealed class DevelopmentVerifier : IIdentityVerifier
{
    public string Name => "development";
    public string TitleKey => "Verify.Development.Title";

    public Task<string?> StartAsync(CityHallUser user, string subject, CancellationToken ct) =>
        Task.FromResult(string.IsNullOrWhiteSpace(subject) ? "Verify.Development.Empty" : null);

    public Task<string?> CompleteAsync(CityHallUser user, string subject, string answer, CancellationToken ct) =>
        Task.FromResult(answer.Trim() == "verified" && !string.IsNullOrWhiteSpace(subject) ? subject.Trim().ToLowerInvariant() : null);
}
