using CityHall.Tests.Platform;
using CityHall.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityHall.Tests.Infrastructure;

/// <summary>
/// The app with its log captured and a database that can be told to refuse the next saves that match
/// a condition — the database going away at the worst moment, a crash between two commits — to see
/// what the code does then.
/// </summary>
public sealed class FaultyDatabaseApp : CityHallApp
{
    private readonly Lock gate = new();
    private Func<DbContext, bool>? refuses;
    private int refusalsLeft;

    public CapturedLogs Logs { get; } = new();

    /// <summary>The next <paramref name="times"/> saves for which <paramref name="when"/> holds throw, as a lost connection would.</summary>
    public void RefuseSaves(int times, Func<DbContext, bool> when)
    {
        lock (gate) (refuses, refusalsLeft) = (when, times);
    }

    /// <summary>How many of the refusals asked for have not happened.</summary>
    public int RefusalsLeft { get { lock (gate) return refusalsLeft; } }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(Logs);
        var interceptor = new Refusals(this);
        // Only one of the two is used, by the provider under test.
        services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(interceptor));
        services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(interceptor));
    }

    private bool ShouldRefuse(DbContext context)
    {
        lock (gate)
        {
            if (refusalsLeft <= 0 || refuses is null || !refuses(context)) return false;
            refusalsLeft--;
            return true;
        }
    }

    private sealed class Refusals(FaultyDatabaseApp app) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            app.ShouldRefuse(eventData.Context!)
                ? throw new InvalidOperationException("The database went away (injected by the test).")
                : base.SavingChangesAsync(eventData, result, cancellationToken);

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            app.ShouldRefuse(eventData.Context!)
                ? throw new InvalidOperationException("The database went away (injected by the test).")
                : base.SavingChanges(eventData, result);
    }
}
