using System.Data;

namespace CityHall.Web.Data;

/// <summary>
/// Reads that may be a few seconds behind go to a replica when <c>ConnectionStrings:ReadOnly</c> is set: anonymous
/// GET and HEAD requests for paths in <c>Database:ReplicaPaths</c> (open data, search, public lists). A signed-in
/// person is never served from the replica, so whoever has just written reads their own write; writes never go
/// there (the request's context is pointed at the replica only for those reads, and back at the primary after).
/// A replica that cannot be reached is left alone for <see cref="RestAfterFailure"/>, and the request is answered
/// from the primary instead.
/// </summary>
public sealed class ReplicaReads(IConfiguration configuration, ILogger<ReplicaReads> logger)
{
    public static readonly TimeSpan RestAfterFailure = TimeSpan.FromSeconds(30);

    private static readonly string[] DefaultPaths = ["/open-data/", "/search", "/api/v1/search", "/petitions", "/news", "/places"];

    private readonly string? readOnly = configuration.GetConnectionString("ReadOnly") is { Length: > 0 } r ? r : null;
    private readonly string[] paths = configuration.GetSection("Database:ReplicaPaths").Get<string[]>() is { Length: > 0 } p ? p : DefaultPaths;
    private long restingUntilTicks;

    public bool IsConfigured => readOnly is not null;

    /// <summary>Whether this request may read from the replica.</summary>
    public bool Serves(HttpContext context)
    {
        if (readOnly is null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))) return false;
        if (context.User.Identity?.IsAuthenticated == true) return false;
        if (DateTime.UtcNow.Ticks < Interlocked.Read(ref restingUntilTicks)) return false;
        var path = context.Request.Path.Value ?? "";
        // "/petitions" covers the list and a proposal's public page, not "/petitions-archive"; "/open-data/" only the files.
        return paths.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)
            && (p.EndsWith('/') || path.Length == p.Length || path[p.Length] is '/' or '.'));
    }

    public async Task RunAsync(HttpContext context, Func<Task> next)
    {
        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var primary = db.Database.GetConnectionString();
        if (db.Database.GetDbConnection().State != ConnectionState.Closed)
        {
            await next(); // something already reads from the primary in this request: keep one source
            return;
        }
        db.Database.SetConnectionString(readOnly);
        try
        {
            await next();
        }
        catch (Exception ex) when (!context.Response.HasStarted && DatabaseConflicts.IsUnavailable(ex))
        {
            // The replica is away: rest it, answer from the primary.
            Interlocked.Exchange(ref restingUntilTicks, DateTime.UtcNow.Add(RestAfterFailure).Ticks);
            logger.LogWarning(ex, "The read replica does not answer; reads go to the primary for {Seconds} s", RestAfterFailure.TotalSeconds);
            await db.Database.CloseConnectionAsync();
            db.ChangeTracker.Clear();
            db.Database.SetConnectionString(primary);
            context.Response.Clear();
            await next();
        }
        finally
        {
            // The context goes back to the pool: the next request that leases it writes to the primary.
            if (db.Database.GetDbConnection().State != ConnectionState.Closed) await db.Database.CloseConnectionAsync();
            db.Database.SetConnectionString(primary);
        }
    }
}

public static class ReplicaReadsRegistration
{
    /// <summary>After authentication (signed-in people never read from the replica).</summary>
    public static IApplicationBuilder UseReplicaReads(this IApplicationBuilder app)
    {
        var replica = app.ApplicationServices.GetRequiredService<ReplicaReads>();
        if (!replica.IsConfigured) return app;
        return app.Use((context, next) => replica.Serves(context) ? replica.RunAsync(context, () => next(context)) : next(context));
    }
}
