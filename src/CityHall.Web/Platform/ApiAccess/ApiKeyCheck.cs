using System.Security.Claims;

namespace CityHall.Web.Platform.ApiAccess;

/// <summary>
/// A permission an API key can carry (<c>transparency.budget</c>: write the informatization budget). A module declares
/// its scopes in its <c>ModuleDescriptor.ApiScopes</c>; the developer portal offers them when a key is made. A scope
/// that writes the city's records names the staff <paramref name="Permission"/> its owner must hold — a key never
/// does more than the person who made it may.
/// </summary>
public sealed record ApiScope(string Code, string DescriptionKey, string? Permission = null);

/// <summary>Why a key was not accepted for a call.</summary>
public enum ApiKeyRefusal { None, Missing, Unknown, NoScope, RateLimited }

/// <summary>
/// A key checked for one call: accepted (the key, its app and owner) or refused with the reason and, when over its
/// rate, how long until the next call is allowed.
/// </summary>
public sealed record ApiKeyCheck(ApiKeyRefusal Refusal, long? KeyId = null, string? AppName = null, string? OwnerId = null, TimeSpan? RetryAfter = null)
{
    public bool Accepted => Refusal == ApiKeyRefusal.None;

    /// <summary>Whole seconds until a key over its rate may call again, for Retry-After (a minute when unknown).</summary>
    public int RetryAfterSeconds => (int)Math.Ceiling((RetryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds);

    /// <summary>Who acts through the key, for the audit log: the owner, named by the app and the key.</summary>
    public ClaimsPrincipal Actor => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, OwnerId ?? ""), new Claim(ClaimTypes.Name, $"api-key {KeyId}: {AppName}")], "api-key"));
}

/// <summary>
/// Checks a call's API key (from <c>Authorization: Bearer …</c> or <c>X-Api-Key</c>) for a scope and counts the call
/// against the key's rate and in its usage. Implemented by the developer portal's module, which owns the keys.
/// </summary>
public interface IApiKeys
{
    Task<ApiKeyCheck> CheckAsync(HttpRequest request, string scope, CancellationToken ct = default);

    /// <summary>
    /// The same check for a key the API's own specification carries elsewhere (Open311's <c>api_key</c> form field or
    /// query parameter). A null or empty key is <see cref="ApiKeyRefusal.Missing"/>.
    /// </summary>
    Task<ApiKeyCheck> CheckKeyAsync(string? given, string scope, CancellationToken ct = default);
}

/// <summary>The refusal as problem+json: 401 with a challenge for a missing or unknown key, 403 for a missing scope, 429 with Retry-After.</summary>
public static class ApiKeyProblems
{
    public static IResult For(ApiKeyCheck check, HttpResponse response, IStringLocalizer t, string scope)
    {
        switch (check.Refusal)
        {
            case ApiKeyRefusal.NoScope:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Api.Key.NoScope", scope],
                    extensions: new Dictionary<string, object?> { ["reason"] = "scope", ["scope"] = scope });
            case ApiKeyRefusal.RateLimited:
                var seconds = check.RetryAfterSeconds;
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: t["Api.Key.RateLimited", seconds],
                    extensions: new Dictionary<string, object?> { ["reason"] = "rate" });
            default:
                response.Headers.WWWAuthenticate = "Bearer realm=\"cityhall\"";
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: t[check.Refusal == ApiKeyRefusal.Missing ? "Api.Key.Missing" : "Api.Key.Unknown"],
                    extensions: new Dictionary<string, object?> { ["reason"] = check.Refusal == ApiKeyRefusal.Missing ? "missing-key" : "unknown-key" });
        }
    }
}
