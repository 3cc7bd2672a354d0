using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityHall.Tests.Infrastructure;

/// <summary>
/// Collects an app's log entries so a test can look for them, each with the scopes it was written in (the request
/// ids among them) as the JSON console logger writes them: key-value scopes as their pairs, others as text.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message, string Scopes)> entries = new();
    private IExternalScopeProvider? scopes;

    public IReadOnlyList<(string Category, LogLevel Level, string Message, string Scopes)> Entries => [.. entries];

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose() { }

    private sealed class Logger(string category, CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes?.Push(state);
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var all = new List<string>();
            owner.scopes?.ForEachScope((scope, list) => list.Add(scope is IEnumerable<KeyValuePair<string, object>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}:{p.Value}")) : scope?.ToString() ?? ""), all);
            owner.entries.Enqueue((category, logLevel, formatter(state, exception), string.Join(" | ", all)));
        }
    }
}

/// <summary>The app with its log captured.</summary>
public sealed class LoggedApp : CityHallApp
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
}
