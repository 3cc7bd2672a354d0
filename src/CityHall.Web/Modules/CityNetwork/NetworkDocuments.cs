using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CityHall.Web.Modules.CityNetwork;

/// <summary>
/// A document sent with one of the network's forms (a mayor's letter, a city's approval of a vendor's entry, an MOU, a
/// library attachment): read and told by content (<see cref="UploadedDocuments"/>), no larger than the limit and — for
/// an applicant's, not the secretariat's — counted against the account's daily upload allowance. A problem becomes
/// the field's error in the network's words.
/// </summary>
public static class NetworkDocuments
{
    /// <summary>The document, or null with the field's error added; <paramref name="allowance"/> null for staff (no daily quota).</summary>
    public static async Task<UploadedDocument?> AcceptAsync(ModelStateDictionary state, string field, IFormFile upload, long limit, UploadAllowance? allowance,
        string? userId, IStringLocalizer t, CancellationToken ct)
    {
        var (file, problem) = await UploadedDocuments.ReadAsync(upload, limit, ct);
        if (problem is { } p)
            state.AddModelError(field, p == DocumentProblem.TooLarge ? t["Network.Error.LetterTooLarge", limit / (1024 * 1024)] : t["Network.Error.LetterType"]);
        else if (allowance is not null && !await allowance.TryTakeAsync(userId!, file!.Bytes.Length, ct))
            state.AddModelError(field, t["Uploads.DailyQuota", allowance.DailyBytes / (1024 * 1024)]);
        else return file;
        return null;
    }
}
