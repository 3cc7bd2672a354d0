using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Search;

/// <summary>The search's settings ("Search" section).</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// How often the index is reconciled with the modules (and once at start). A change made through a plain SQL
    /// update (a proposal closing, a report made private) is found this late at most. Zero: only when asked.
    /// </summary>
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many answers (a query's counts and the ids it shows, a few hundred bytes each) a node keeps under the
    /// index's generation, the least asked let go first. Zero: every search is made afresh.
    /// </summary>
    public int AnswersKept { get; set; } = 20_000;

    /// <summary>
    /// Matches are counted up to this many per kind; past it a kind shows "1,000+" and its first pages (as a
    /// search engine does: nobody reads page 60 of "park", they add a word). Counting every match of a common word
    /// would cost the whole of its postings on every search.
    /// </summary>
    public int CountLimit { get; set; } = 1000;
}

/// <summary>Reconciles the search index at start and then every <see cref="SearchOptions.ReconcileEvery"/>.</summary>
public sealed class SearchIndexer(SearchIndex index, IOptionsMonitor<SearchOptions> options, TimeProvider clock, ILogger<SearchIndexer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && options.CurrentValue.ReconcileEvery is var every && every > TimeSpan.Zero)
        {
            try
            {
                await index.ReconcileAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Two nodes adding the same entry at once, or the database away: the next round catches up.
                logger.LogWarning(e, "Search reconciliation failed; retrying in {Every}", every);
            }
            await Task.Delay(every, clock, stoppingToken);
        }
    }
}

public static class SearchRegistration
{
    public static IServiceCollection AddCitySearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.AddSingleton<SearchIndex>();
        services.AddHostedService<SearchIndexer>();
        services.AddSingleton<Hosting.ModuleVerb, ReindexSearchVerb>();
        return services;
    }
}
