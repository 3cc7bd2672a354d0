using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// The <c>error.type</c> tag of <c>http.server.request.duration</c> on a 5xx answer that no exception caused: the
/// semantic conventions ask for it, and ASP.NET Core sets it by itself only from version 11 (before that, only for an
/// exception). OpenTelemetry's ASP.NET Core instrumentation adds it with a middleware around the whole pipeline that
/// awaits every request; a hub's lasting connection would keep that suspended for as long as its viewer watches. Here
/// the same tag is set by a middleware among the pages' and APIs' only (<see cref="ConnectionLimitsRegistration.ForPagesAndApis"/>):
/// an accepted WebSocket or event stream has already answered 101 or 200 and never turns into a 5xx.
/// </summary>
public static class ServerErrorMetric
{
    public const string ErrorType = "error.type";
    private const string OpenTelemetryPipelineFilter = "OpenTelemetry.Instrumentation.AspNetCore.Implementation.HttpServerErrorTypeStartupFilter";

    /// <summary>Takes out OpenTelemetry's pipeline-wide middleware (registered by <c>AddAspNetCoreInstrumentation</c>).</summary>
    public static IServiceCollection WithoutPipelineWideErrorType(this IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IStartupFilter) && !services[i].IsKeyedService
                && services[i].ImplementationType?.FullName == OpenTelemetryPipelineFilter)
                services.RemoveAt(i);
        }
        return services;
    }

    /// <summary>Tags the answer once the rest of the pipeline has given it (an exception handler's own tag is kept).</summary>
    public static async Task TagAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        Tag(context);
    }

    public static void Tag(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (status is < 500 or > 599 || context.Features.Get<IHttpMetricsTagsFeature>() is not { } metrics) return;
        foreach (var tag in metrics.Tags)
            if (tag.Key == ErrorType) return;
        metrics.Tags.Add(new(ErrorType, status.ToString(CultureInfo.InvariantCulture)));
    }
}
