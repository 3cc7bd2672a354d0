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
/// What a module gives the search, declared in its manifest (<see cref="Modules.ModuleDescriptor.SearchKinds"/>): every
/// public thing of one kind, read whole by the reconciler (at start and then every <c>Search:ReconcileEvery</c>), which
/// writes only what changed. Private things (a report its reporter kept private, a proposal awaiting review) are simply
/// not given, so they are never indexed, and one that turns private leaves the index at the next reconciliation. A
/// module switched off gives nothing, and its entries leave too.
/// </summary>
/// <param name="Kind">The kind ("proposal", "place", …): a word of the URL (/search?kind=) and the API.</param>
/// <param name="TitleKey">The text key naming the kind in results ("Proposals"), in the module's texts.</param>
/// <param name="Order">Where the kind's group stands among the results.</param>
/// <param name="ReadAsync">Every public thing of the kind (scoped services).</param>
public sealed record SearchKind(string Kind, string TitleKey, int Order, Func<IServiceProvider, CancellationToken, IAsyncEnumerable<SearchItem>> ReadAsync);
