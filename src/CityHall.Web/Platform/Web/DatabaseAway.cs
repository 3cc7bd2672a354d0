using System.Net;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// A request that failed because the database could not be used (restarting, refusing connections, full:
/// <see cref="Data.DatabaseConflicts.IsUnavailable"/>) is answered here, 503 with Retry-After, rather than by the
/// error page: that page is rendered by running the pipeline again — the session check, the layout — which needs
/// the same database and failed a second time, turning the clear 503 into a 500. This answer reads nothing but
/// the site's texts: problem+json for programs, a plain page in the reader's language for people.
/// </summary>
public static class DatabaseAway
{
    public const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseDatabaseAwayAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && Data.DatabaseConflicts.IsUnavailable(ex))
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseAway).FullName!)
                .LogWarning(ex, "The database is unavailable: answered 503 to {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            await AnswerAsync(context);
        }
    });

    private static async Task AnswerAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? System.Globalization.CultureInfo.CurrentUICulture;
        var texts = context.RequestServices.GetRequiredService<IStringLocalizer<Localization.Text>>();
        var (title, body) = Localization.InCulture.Run(culture, () => (texts["Error.503.Title"].Value, texts["Error.503.Body"].Value));
        var trace = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        if (ErrorHandling.IsApiRequest(context.Request))
        {
            await context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = body, Extensions = { ["traceId"] = trace },
            }, options: null, contentType: "application/problem+json");
            return;
        }
        var reference = Localization.InCulture.Run(culture, () => texts["Error.TraceId"].Value);
        var home = Localization.InCulture.Run(culture, () => texts["Error.BackHome"].Value);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(culture.TwoLetterISOLanguageName)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(title)}</title></head>
            <body><main><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(body)}</p><p><a href="/">{WebUtility.HtmlEncode(home)}</a></p>
            <p>{WebUtility.HtmlEncode(reference)} <span>{WebUtility.HtmlEncode(trace)}</span></p></main></body>
            </html>
            """, context.RequestAborted);
    }
}
