namespace CityHall.Web.Platform.Search;

/// <summary>
/// A public thing a module offers to the city's search: its id within the kind, its title and a text in Korean (and
/// English where there is one), its page, and when it last changed. Texts are cut to <see cref="MaxText"/>.
/// </summary>
public sealed record SearchItem(string SourceId, string TitleKo, string? TitleEn, string? TextKo, string? TextEn, string Url, DateTime UpdatedAt)
{
    public const int MaxTitle = 300;
    public const int MaxText = 1000;
}

/// <summary>
/// What a module gives the search: every public thing of one kind, read whole by the reconciler (at start and then
/// every <c>Search:ReconcileEvery</c>), which writes only what changed. Private things (a report its reporter kept
/// private, a proposal awaiting review) are simply not given, so they are never indexed, and one that turns private
/// leaves the index at the next reconciliation.
/// </summary>
public interface ISearchSource
{
    /// <summary>The kind ("proposal", "place", …): a word of the URL (/search?kind=) and the API.</summary>
    string Kind { get; }

    /// <summary>The text key naming the kind in results ("Proposals"), in the module's texts.</summary>
    string TitleKey { get; }

    /// <summary>Where the kind's group stands among the results.</summary>
    int Order { get; }

    IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, CancellationToken ct);
}

public static class SearchSourceRegistration
{
    public static IServiceCollection AddSearchSource<T>(this IServiceCollection services) where T : class, ISearchSource =>
        services.AddSingleton<ISearchSource, T>();
}
