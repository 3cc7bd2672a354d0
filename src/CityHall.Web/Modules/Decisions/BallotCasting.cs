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
        ["not-in-group"] = "Decisions.Refused.NotInGroup",
        ["outside-age"] = "Decisions.Refused.OutsideAge",
        ["no-birth-year"] = "Decisions.Refused.NoBirthYear",
        ["other-text"] = "Decisions.Refused.OtherText",
        ["invalid-choices"] = "Decisions.Refused.InvalidChoices",
        ["over-amount"] = "Decisions.Refused.OverAmount",
        ["under-minimum"] = "Decisions.Refused.UnderMinimum",
        ["voted-on-paper"] = "Decisions.Refused.VotedOnPaper",
    };

    /// <summary>
    /// The options a form chose: the "choice" fields (one or several), or for a ranked poll the "rank-{option}" fields,
    /// most preferred first — ranks must run 1, 2, 3… without a gap or a repeat (an option left at "—" is not ranked).
    /// Null when a field is not a number.
    /// </summary>
    public static List<long>? Choices(IFormCollection form)
    {
        var choices = new List<long>();
        foreach (var value in form["choice"])
        {
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var option)) return null;
            choices.Add(option);
        }
        var ranked = new List<(int Rank, long Option)>();
        foreach (var (key, values) in form.Where(f => f.Key.StartsWith("rank-", StringComparison.Ordinal)))
        {
            if (!long.TryParse(key.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var option)) return null;
            var value = values.ToString();
            if (value.Length == 0) continue;
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rank)) return null;
            ranked.Add((rank, option));
        }
        if (ranked.Count > 0)
        {
            if (choices.Count > 0 || !ranked.Select(r => r.Rank).Order().SequenceEqual(Enumerable.Range(1, ranked.Count))) return null;
            choices.AddRange(ranked.OrderBy(r => r.Rank).Select(r => r.Option));
        }
        return choices;
    }

    /// <summary>The most choices echoed back in a refusal's address (a ballot has at most a poll's options).</summary>
    private const int BallotLimit = 100;

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
        if (Choices(form) is not { } choices) return Results.Redirect(back + "?refused=invalid-choices#ballot");
        var result = await writer.CastAsync(new(id, voter.IdentityKey, voter.DistrictCode, choices, BirthYear: voter.BirthYear, OtherText: form["other"].ToString()), ct);
        // A refused set of choices comes back ticked (?chosen=), so the voter corrects it rather than starting again.
        var chosen = choices.Count == 0 ? "" : "&chosen=" + string.Join(',', choices.Take(BallotLimit).Select(c => c.ToString(CultureInfo.InvariantCulture)));
        return result.Outcome switch
        {
            BallotOutcome.Cast or BallotOutcome.Replaced => Results.Redirect(
                $"{back}?done={(result.Outcome == BallotOutcome.Cast ? "cast" : "replaced")}&receipt={result.Receipt!.Sequence.ToString(CultureInfo.InvariantCulture)}#receipt"),
            BallotOutcome.Unchanged => Results.Redirect($"{back}?done=unchanged#ballot"),
            BallotOutcome.NotFound => Results.NotFound(),
            BallotOutcome.OutsideDistrict => Results.Redirect($"{back}?refused=outside-district"),
            BallotOutcome.NotInGroup => Results.Redirect($"{back}?refused=not-in-group"),
            BallotOutcome.OutsideAge => Results.Redirect($"{back}?refused=outside-age"),
            BallotOutcome.NoBirthYear => Results.Redirect($"{back}?refused=no-birth-year"),
            BallotOutcome.InvalidChoices => Results.Redirect($"{back}?refused=invalid-choices{chosen}#ballot"),
            BallotOutcome.OverAmount => Results.Redirect($"{back}?refused=over-amount{chosen}#ballot"),
            BallotOutcome.UnderMinimum => Results.Redirect($"{back}?refused=under-minimum{chosen}#ballot"),
            BallotOutcome.OtherTextMissing => Results.Redirect($"{back}?refused=other-text{chosen}#ballot"),
            BallotOutcome.Flagged => Results.Redirect($"{back}?refused=voted-on-paper"),
            _ => Results.Redirect($"{back}?refused=not-open"),
        };
    }
}
