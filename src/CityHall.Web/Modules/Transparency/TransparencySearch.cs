using System.Globalization;
using CityHall.Web.Modules.Transparency.Budget;
using CityHall.Web.Platform.Modules;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Transparency;

/// <summary>
/// The dashboard in the city's search: every published figure by its title and definition (a search for "민원 처리 기한"
/// or "taxi" leads to the figure's page), and the informatization budget page. Figures change in value, not in what
/// they are, so an entry changes only with its texts.
/// </summary>
public static class TransparencySearch
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR"), English = CultureInfo.GetCultureInfo("en-US");

    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var t = services.GetRequiredService<IStringLocalizer<Text>>();
        string Ko(string key) => InCulture.Run(Korean, () => t[key].Value);
        string En(string key) => InCulture.Run(English, () => t[key].Value);
        foreach (var (_, figure) in services.GetRequiredService<ModuleRegistry>().Figures)
            yield return new SearchItem(figure.Code, Ko(figure.TitleKey), En(figure.TitleKey), Cut($"{Ko(figure.TopicKey)} · {Ko(figure.DefinitionKey)}"),
                Cut($"{En(figure.TopicKey)} · {En(figure.DefinitionKey)}"), $"/transparency/figures/{figure.Code}", DateTime.UnixEpoch);
        var updated = await services.GetRequiredService<AppDbContext>().Set<BudgetYear>().AsNoTracking()
            .OrderByDescending(y => y.UpdatedAt).Select(y => (DateTime?)y.UpdatedAt).FirstOrDefaultAsync(ct);
        yield return new SearchItem("budget", Ko("Transparency.Budget.Title"), En("Transparency.Budget.Title"), Cut(Ko("Transparency.Budget.Intro")),
            Cut(En("Transparency.Budget.Intro")), "/transparency/budget", updated ?? DateTime.UnixEpoch);
    }

    private static string Cut(string text) => text.Length <= SearchItem.MaxText ? text : text[..SearchItem.MaxText];
}
