using System.Globalization;
using System.Threading.RateLimiting;

namespace CityHall.Web.Platform.Web;

/// <summary>Named rate-limit policies. Modules put them on their endpoints by name.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string SignUp = "sign-up";
    public const string CitizenWrite = "citizen-write";
    public const string Webhook = "webhook";
    public const string ApiRead = "api-read";

    public static IServiceCollection AddCityHallRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RequestLimitsOptions.Section).Get<RequestLimitsOptions>() ?? new();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            Add(o, SignIn, limits.SignIn);
            Add(o, SignUp, limits.SignUp);
            Add(o, CitizenWrite, limits.CitizenWrite, perAccount: true);
            Add(o, Webhook, limits.Webhook);
            Add(o, ApiRead, limits.ApiRead, perAccount: true, countsReads: true);
        });
        return services;
    }

    // Partitioned by client address: one abusive client does not lock out everyone else. Citizen writes
    // are partitioned by account when signed in (a school or an office shares one address; one account
    // is one person), by address otherwise. Only POSTs count, so showing a form again after an error is never
    // refused — except for the API's read limit, whose point is reads.
    private static void Add(RateLimiterOptions o, string name, RateLimitSetting setting, bool perAccount = false, bool countsReads = false) =>
        o.AddPolicy(name, context => !countsReads && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(
                (perAccount ? context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id ? "account:" + id : null : null)
                    ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = setting.PermitLimit,
                    Window = TimeSpan.FromSeconds(setting.WindowSeconds),
                    QueueLimit = 0,
                }));
}

/// <summary>
/// Every citizen-facing page's form posts fall under the citizen write limit unless the page names
/// its own (sign-in, sign-up): a module cannot forget it. Staff pages (Admin folders) and the error page are left out.
/// </summary>
public sealed class CitizenWriteConvention : Microsoft.AspNetCore.Mvc.ApplicationModels.IPageApplicationModelConvention
{
    public void Apply(Microsoft.AspNetCore.Mvc.ApplicationModels.PageApplicationModel model)
    {
        if (model.ViewEnginePath.Contains("/Admin/", StringComparison.Ordinal) || model.ViewEnginePath.EndsWith("/Error", StringComparison.Ordinal)) return;
        if (model.HandlerTypeAttributes.Concat(model.EndpointMetadata).Any(m => m is Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute or Microsoft.AspNetCore.RateLimiting.DisableRateLimitingAttribute)) return;
        model.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.CitizenWrite));
    }
}
