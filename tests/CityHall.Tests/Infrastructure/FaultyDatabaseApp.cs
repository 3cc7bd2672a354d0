using CityHall.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityHall.Tests.Infrastructure;

/// <summary>
/// The app with its log captured and a database that can be told to refuse the next saves that match
/// a condition — the database going away at the worst moment, a crash between two commits — or to
/// hold queries with a given tag (a slow database), to see what the code does then.
/// </summary>
public sealed class FaultyDatabaseApp : CityHallApp
{
    private readonly Lock gate = new();
    private Func<DbContext, bool>? refuses;
    private int refusalsLeft;
    private Func<Exception> refusal = () => new InvalidOperationException("The database went away (injected by the test).");

    public CapturedLogs Logs { get; } = new();

    /// <summary>The next <paramref name="times"/> saves for which <paramref name="when"/> holds throw, as a lost connection would.</summary>
    public void RefuseSaves(int times, Func<DbContext, bool> when)
    {
        lock (gate) (refuses, refusalsLeft) = (when, times);
    }

    /// <summary>The next <paramref name="times"/> saves throw what the provider throws when the server is away (a connection refused).</summary>
    public void RefuseSavesAsUnreachable(int times)
    {
        lock (gate)
        {
            (refuses, refusalsLeft) = (_ => true, times);
            refusal = () => new Npgsql.NpgsqlException("Failed to connect (injected by the test)",
                new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        }
    }

    private Exception Refusal() { lock (gate) return refusal(); }

    /// <summary>
    /// Holds every query tagged <paramref name="tag"/> (EF's TagWith) until the returned gate is opened
    /// (TrySetResult); <see cref="HeldQueries"/> counts those that arrived.
    /// </summary>
    public TaskCompletionSource HoldQueries(string tag)
    {
        var opens = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) (heldTag, held) = ("-- " + tag, opens);
        return opens;
    }

    public int HeldQueries => Volatile.Read(ref heldCount);

    private string? heldTag;
    private TaskCompletionSource? held;
    private int heldCount;

    private async ValueTask WaitIfHeldAsync(System.Data.Common.DbCommand command, CancellationToken ct)
    {
        TaskCompletionSource? opens;
        string? tag;
        lock (gate) (opens, tag) = (held, heldTag);
        if (opens is { Task.IsCompleted: false } && tag is not null && command.CommandText.Contains(tag, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref heldCount);
            await opens.Task.WaitAsync(ct);
        }
    }

    /// <summary>How many of the refusals asked for have not happened.</summary>
    public int RefusalsLeft { get { lock (gate) return refusalsLeft; } }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(Logs);
        IInterceptor[] interceptors = [new Refusals(this), new Holds(this)];
        // Only one of the two is used, by the provider under test.
        services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(interceptors));
        services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(interceptors));
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
            app.ShouldRefuse(eventData.Context!) ? throw app.Refusal() : base.SavingChangesAsync(eventData, result, cancellationToken);

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            app.ShouldRefuse(eventData.Context!) ? throw app.Refusal() : base.SavingChanges(eventData, result);
    }

    private sealed class Holds(FaultyDatabaseApp app) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command,
            CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await app.WaitIfHeldAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            await app.WaitIfHeldAsync(command, cancellationToken);
            return result;
        }
    }
}
