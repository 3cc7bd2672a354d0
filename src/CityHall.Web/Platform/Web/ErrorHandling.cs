using System.Diagnostics;
using CityHall.Web.Platform.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// One way to fail: pages get the error page (with a trace id), APIs get problem+json (with a trace id),
/// nobody gets a stack trace outside Development, and oversized bodies get 413 rather than 500.
/// </summary>
public static class ErrorHandling
{
    public static IServiceCollection AddCityHallProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
        });

    /// <summary>
    /// Requests made by programs rather than people reading pages: the APIs, webhooks, open-data files,
    /// feeds and calendars. Their errors (404, 405, 401 ...) are problem+json, not the HTML page.
    /// </summary>
    public static bool IsApiRequest(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/api/docs")) return false; // the documentation is a page
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/open311")
            || (path.StartsWithSegments("/open-data", out var file) && file.Value is { Length: > 1 }) // the files; /open-data itself is a page
            || path.StartsWithSegments("/live-events/webhooks") || path.StartsWithSegments("/hubs"))
            return true;
        var last = path.Value is { } value ? value[(value.LastIndexOf('/') + 1)..] : "";
        return MachineExtensions.Any(e => last.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    private static readonly string[] MachineExtensions = [".atom", ".rss", ".ics", ".json", ".geojson", ".csv", ".xml"];

    public static IApplicationBuilder UseCityHallErrorHandling(this WebApplication app, RequestLimitsOptions limits)
    {
        // Not for hubs: their connections would keep these handlers suspended for hours each; SignalR answers its own errors.
        return app.ForPagesAndApis(pages =>
        {
            if (!app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Errors:UseFriendlyPagesInDevelopment"))
            {
                pages.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    ExceptionHandlingPath = "/error",
                    StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
                });
            }
            else
            {
                pages.UseDeveloperExceptionPage();
            }

            // Pages get a friendly page for 4xx/5xx without a body; APIs get problem+json from AddProblemDetails.
            pages.UseStatusCodePages(async context =>
            {
                var http = context.HttpContext;
                if (IsApiRequest(http.Request))
                {
                    var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                    await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http });
                    return;
                }
                var originalPath = http.Request.Path;
                var originalQuery = http.Request.QueryString;
                http.SetEndpoint(null);
                http.Request.RouteValues.Clear();
                http.Request.Path = "/error/" + http.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
                http.Request.QueryString = QueryString.Empty;
                var method = http.Request.Method;
                http.Request.Method = HttpMethods.Get;
                try { await context.Next(http); }
                finally
                {
                    http.Request.Path = originalPath;
                    http.Request.QueryString = originalQuery;
                    http.Request.Method = method;
                }
            });

            // Inside the handlers above: a database that is away gets its 503 here, without the error page's database.
            pages.UseDatabaseAwayAnswer();

            // The error page is re-executed with the failed request's body still attached (same method,
            // same content type). A body that could not be read (a NUL byte, broken multipart, too large,
            // cut short) would fail again the moment anything read the form, and the friendly 400 would
            // become a 500. The error page never needs the form: it gets an empty one.
            pages.Use((context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/error"))
                    context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
                return next(context);
            });
        });
    }

    /// <summary>
    /// Refuses bodies over the limit before anything reads them (Kestrel enforces it too, but declared
    /// lengths are refused here with the friendly 413 page on every server). After routing, so an
    /// endpoint that takes uploads can declare a larger limit with [RequestSizeLimit].
    /// </summary>
    public static WebApplication UseRequestBodyLimits(this WebApplication app, RequestLimitsOptions limits)
    {
        app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? limits.MaxBodyBytes;
            // Larger limits are for files, which come as multipart; typed-in fields never need more than the default.
            // (ContentType, not HasFormContentType: the latter is also true for the error page's empty form.)
            if (context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
                limit = Math.Min(limit, limits.MaxBodyBytes);
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
            if (context.Request.ContentLength > limit && !context.Request.Path.StartsWithSegments("/error"))
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            // Handed on, not awaited: a hub's request lasts hours, and an awaiting middleware stays in memory that long.
            return next(context);
        });
        return app;
    }
}
