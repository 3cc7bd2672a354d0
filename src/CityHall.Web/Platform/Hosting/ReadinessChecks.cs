using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityHall.Web.Platform.Hosting;

/// <summary>A setting a deployment must give (a secret, the public address); declared by the module that needs it.</summary>
public sealed record RequiredSetting(string Key, string Why);

public static class RequiredSettings
{
    /// <summary>Readiness fails outside Development while this setting is empty, and the log says which and why.</summary>
    public static IServiceCollection AddRequiredSetting(this IServiceCollection services, string key, string why) =>
        services.AddSingleton(new RequiredSetting(key, why));
}

/// <summary>
/// "Ready" means able to serve the city, not merely running: every required setting given (outside
/// Development, which has throwaway defaults), and the city's reference data present — without districts
/// or departments no citizen can file a proposal or a report, which happened when the app was started
/// without its appsettings.json. Each new reason for not being ready is logged once, at Error.
/// </summary>
public sealed class CityReadinessCheck(IEnumerable<RequiredSetting> required, IConfiguration configuration, IHostEnvironment environment,
    IServiceScopeFactory scopes, ILogger<CityReadinessCheck> logger) : IHealthCheck
{
    // Probes may overlap. Both fields are written whole (a reference, a bool), and the worst an overlap
    // does is one more query or one repeated log line: not worth a lock on every probe.
    private volatile string? lastProblem;
    private volatile bool referenceDataSeen;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        if (!environment.IsDevelopment())
            foreach (var setting in required.Where(s => string.IsNullOrWhiteSpace(configuration[s.Key])))
                problems.Add($"{setting.Key} is not set: {setting.Why}");
        if (!referenceDataSeen)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var districts = await db.Set<City.District>().AnyAsync(cancellationToken);
            var departments = await db.Set<City.Department>().AnyAsync(cancellationToken);
            if (!districts) problems.Add("the city has no districts (is appsettings.json with City:Districts in the content root?)");
            if (!departments) problems.Add("the city has no departments (is appsettings.json with City:Departments in the content root?)");
            // Once there, reference data stays (administrators edit it, they cannot empty it): no query per probe.
            referenceDataSeen = districts && departments;
        }
        var problem = problems.Count == 0 ? null : string.Join("; ", problems);
        if (problem is not null && problem != lastProblem) logger.LogError("Not ready: {Problems}", problem);
        lastProblem = problem;
        return problem is null ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(problem);
    }
}
