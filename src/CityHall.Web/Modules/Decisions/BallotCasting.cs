using System.Globalization;
using CityHall.Web.Modules.Accounts.Contracts;
using Microsoft.AspNetCore.Antiforgery;

namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// Casting a ballot: the poll page's form posts here. A plain endpoint (no page model), as a poll can draw a city's
/// crowd at once: check the form's token, find the voter's verified identity, hand the ballot to the group-commit
/// writer, and answer with a redirect — to the receipt, or back to the poll with the reason (?refused=), which the
/// page words in the reader's language.
/// </summary>
public static class BallotCasting
{
    /// <summary>Why a ballot was refused, as the poll page names it in its address, and the text that says so.</summary>
    public static readonly IReadOnlyDictionary<string, string> Refusals = new Dictionary<string, string>
    {
        ["not-open"] = "Decisions.Refused.NotOpen",
        ["outside-district"] = "Decisions.Refused.OutsideDistrict",
        ["invalid-choices"] = "Decisions.Refused.InvalidChoices",
    };

    public static void Map(WebApplication app) =>
        app.MapPost("/votes/{id:long}/ballot", CastAsync).RequireRateLimiting(RateLimits.CitizenWrite).ExcludeFromDescription();

    private static async Task<IResult> CastAsync(long id, HttpContext http, IAntiforgery antiforgery, IVerifiedCitizens verified, BallotWriter writer, CancellationToken ct)
    {
        var back = $"/votes/{id}";
        if (http.User.Identity?.IsAuthenticated != true) return Results.Redirect($"/account/sign-in?returnUrl={Uri.EscapeDataString(back)}");
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var voter = await verified.FindVerifiedAsync(http.User, ct);
        if (voter is null) return Results.Redirect($"/account/verify?returnUrl={Uri.EscapeDataString(back)}");
        var form = await http.Request.ReadFormAsync(ct);
        var choices = new List<long>();
        foreach (var value in form["choice"])
        {
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var option)) return Results.Redirect(back + "?refused=invalid-choices#ballot");
            choices.Add(option);
        }
        var result = await writer.CastAsync(new(id, voter.IdentityKey, voter.DistrictCode, choices), ct);
        return result.Outcome switch
        {
            BallotOutcome.Cast or BallotOutcome.Replaced => Results.Redirect(
                $"{back}?done={(result.Outcome == BallotOutcome.Cast ? "cast" : "replaced")}&receipt={result.Receipt!.Sequence.ToString(CultureInfo.InvariantCulture)}#receipt"),
            BallotOutcome.Unchanged => Results.Redirect($"{back}?done=unchanged#ballot"),
            BallotOutcome.NotFound => Results.NotFound(),
            BallotOutcome.OutsideDistrict => Results.Redirect($"{back}?refused=outside-district"),
            BallotOutcome.InvalidChoices => Results.Redirect($"{back}?refused=invalid-choices#ballot"),
            _ => Results.Redirect($"{back}?refused=not-open"),
        };
    }
}
