using CityHall.Web.Modules.Accounts.Contracts;
using Microsoft.AspNetCore.Antiforgery;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// Supporting and withdrawing: the proposal page's two buttons post here. The hottest path of the
/// site when a proposal goes viral, so it is a plain endpoint (no page model, no MVC filters): check
/// the form's antiforgery token, read the signer from the sign-in cookie, hand the act to the group-
/// commit writer, and answer with a redirect: to the receipt, or back to the page with the reason
/// (shown there as an error in the reader's language).
/// </summary>
public static class PetitionSigning
{
    /// <summary>Why an act was refused, as the proposal page names it in its address (?refused=).</summary>
    public static readonly IReadOnlyDictionary<string, string> Refusals = new Dictionary<string, string>
    {
        ["already-signed"] = "Petitions.AlreadySigned",
        ["not-open"] = "Petitions.NotOpen",
        ["not-signed"] = "Petitions.NotSigned",
    };

    public static void Map(WebApplication app)
    {
        var acts = app.MapGroup("/petitions/{id:long}").RequireRateLimiting(RateLimits.CitizenWrite).ExcludeFromDescription();
        acts.MapPost("/sign", SignAsync);
        acts.MapPost("/withdraw", WithdrawAsync);
    }

    private static async Task<IResult> SignAsync(long id, HttpContext http, IAntiforgery antiforgery, IVerifiedCitizens verified,
        SignatureWriter writer, Fraud.ActivityWatch watch, CancellationToken ct)
    {
        if (await RefuseAsync(id, http, antiforgery) is { } refused) return refused;
        var userId = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        var signer = await verified.FindVerifiedAsync(http.User, ct);
        if (signer is null) return Results.Redirect($"/account/verify?returnUrl={Uri.EscapeDataString($"/petitions/{id}")}");
        // A burst over the city's limits is accepted like any other signature, and flagged for review.
        var address = Fraud.RequestOrigin.Address(http);
        var origin = new SignatureOrigin(address, Fraud.RequestOrigin.EmailDomain(http.User), watch.IsBurst(Fraud.WatchedActivity.Sign, userId, address));
        var result = await writer.SignAsync(id, signer.IdentityKey, userId, signer.DistrictCode, origin, ct);
        return result.Outcome switch
        {
            SignOutcome.Accepted => Results.Redirect($"/petitions/{id}?done=signed&receipt={result.Receipt!.Sequence}#receipt"),
            SignOutcome.NotFound => Results.NotFound(),
            SignOutcome.AlreadySigned => Results.Redirect($"/petitions/{id}?refused=already-signed"),
            _ => Results.Redirect($"/petitions/{id}?refused=not-open"),
        };
    }

    private static async Task<IResult> WithdrawAsync(long id, HttpContext http, IAntiforgery antiforgery, IVerifiedCitizens verified,
        SignatureWriter writer, CancellationToken ct)
    {
        if (await RefuseAsync(id, http, antiforgery) is { } refused) return refused;
        var signer = await verified.FindVerifiedAsync(http.User, ct);
        if (signer is null) return Results.Redirect($"/petitions/{id}?refused=not-signed");
        var result = await writer.WithdrawAsync(id, signer.IdentityKey, ct);
        return result.Outcome switch
        {
            SignOutcome.Withdrawn => Results.Redirect($"/petitions/{id}?done=withdrawn"),
            SignOutcome.NotFound => Results.NotFound(),
            SignOutcome.NotSigned => Results.Redirect($"/petitions/{id}?refused=not-signed"),
            _ => Results.Redirect($"/petitions/{id}?refused=not-open"),
        };
    }

    /// <summary>Signed out: sign in and come back to the proposal. A form without its token: the 400 page.</summary>
    private static async Task<IResult?> RefuseAsync(long id, HttpContext http, IAntiforgery antiforgery)
    {
        if (http.User.Identity?.IsAuthenticated != true)
            return Results.Redirect($"/account/sign-in?returnUrl={Uri.EscapeDataString($"/petitions/{id}")}");
        return await antiforgery.IsRequestValidAsync(http) ? null : Results.BadRequest();
    }
}
