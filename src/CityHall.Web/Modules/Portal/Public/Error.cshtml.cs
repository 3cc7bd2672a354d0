using System.Diagnostics;

namespace CityHall.Web.Modules.Portal.Public;

/// <summary>The page for 400, 403, 404, 413, 429, 500 and 503, with a trace id staff can look up in the logs.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Code { get; private set; }
    public string TraceId { get; private set; } = "";

    // No handler parameters: binding would read the failed request's form (see ErrorHandling).
    public void OnGet() => Fill();

    public void OnPost() => Fill();

    private void Fill()
    {
        // /error/{code} from the status-code pages; /error from the exception handler, which has already
        // set the status it chose (400/408/413 for a body Kestrel could not read, else 500).
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var fromRoute)
            ? fromRoute
            : Response.StatusCode;
        Code = code is >= 400 and < 600 ? code : 500;
        // Keep the original status (the re-executed request would otherwise answer 200).
        Response.StatusCode = Code;
        // A 503 from a handler (the database's own are answered by Platform.Web.DatabaseAway): say when to try again.
        if (Code == StatusCodes.Status503ServiceUnavailable) Response.Headers.RetryAfter = Platform.Web.DatabaseAway.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        // An exception was logged by the exception handler; a 500 without one (a handler that answered 500
        // itself) would otherwise leave no trace in the logs.
        if (Code >= 500 && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
            logger.LogError("Answered {Status} for {Path} without an exception", Code,
                HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath ?? Request.Path.Value);
    }

    public string Key => Code switch
    {
        400 or 403 or 404 or 413 or 429 or 503 => Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Code >= 500 ? "500" : "400",
    };
}
