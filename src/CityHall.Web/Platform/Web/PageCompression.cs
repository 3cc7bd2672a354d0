namespace CityHall.Web.Platform.Web;

/// <summary>
/// Pages and API answers are compressed for anonymous visitors only — the crowd on a slow phone, and everything the
/// output cache keeps (compressed once per encoding, then served as it is). A signed-in person's pages are not:
/// they hold personal data, and compressing a secret next to text an attacker can put on the same page is how
/// BREACH reads it. What anonymous pages hold that is secret — the antiforgery token in a form — is encrypted afresh
/// for every response, so no two responses share it and compression reveals nothing of it; the sign-in cookie is
/// SameSite=Lax, so another site cannot make a signed-in visitor's browser fetch pages in the background.
/// </summary>
public static class PageCompression
{
    /// <summary>
    /// The types compressed: pages, JSON, and the one stylesheet made per request (the city theme's). wwwroot's files
    /// (scripts, styles, icons) come compressed from the build (MapStaticAssets) and are not compressed again.
    /// </summary>
    public static readonly string[] MimeTypes =
        ["text/html", "application/json", "application/problem+json", "application/geo+json", "text/css"];

    /// <summary>
    /// Whether this response may be compressed: an anonymous request, not the live events' connections, not the API
    /// reference (Scalar sets the length of what it sends itself, which compressing would contradict).
    /// </summary>
    public static bool Applies(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true && context.Request.Headers.Authorization.Count == 0
        && !context.Request.Path.StartsWithSegments("/hubs") && !context.Request.Path.StartsWithSegments("/api/docs");

    /// <summary>
    /// The encoding the compression middleware will choose for this request, for the output cache to keep one copy of
    /// each: the accepted one (br or gzip) with the higher quality, br on a tie (the providers' order), none when both
    /// are refused (q=0) or not named. A "*" counts for an encoding the header does not name.
    /// </summary>
    public static string EncodingFor(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        double QualityOf(string encoding)
        {
            var named = accepted.FirstOrDefault(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase))
                ?? accepted.FirstOrDefault(a => a.Value.Equals("*", StringComparison.Ordinal));
            return named is null ? 0 : named.Quality ?? 1;
        }
        var (br, gzip) = (QualityOf("br"), QualityOf("gzip"));
        return br > 0 && br >= gzip ? "br" : gzip > 0 ? "gzip" : "";
    }
}
