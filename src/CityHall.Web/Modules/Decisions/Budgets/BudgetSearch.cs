using System.Globalization;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Decisions.Budgets;

/// <summary>Budget projects in the city's search: every published one of a published budget (a citizen's idea once a moderator published it), with its description and review.</summary>
public static class BudgetSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var projects = db.Set<BudgetProject>().AsNoTracking()
            .Where(p => p.Moderation == Moderation.Published && db.Set<Budget>().Any(b => b.Id == p.BudgetId && b.PublishedAt != null)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.TitleKo, p.TitleEn, p.DescriptionKo, p.DescriptionEn, p.ReviewNoteKo, p.ReviewNoteEn, p.UpdatedAt }).AsAsyncEnumerable();
        await foreach (var p in projects.WithCancellation(ct))
            yield return new SearchItem(p.Id.ToString(CultureInfo.InvariantCulture), p.TitleKo, p.TitleEn,
                string.Join('\n', new[] { p.DescriptionKo, p.ReviewNoteKo }.Where(t => !string.IsNullOrWhiteSpace(t))),
                string.Join('\n', new[] { p.DescriptionEn, p.ReviewNoteEn }.Where(t => !string.IsNullOrWhiteSpace(t))),
                $"/budgets/projects/{p.Id}", p.UpdatedAt);
    }
}
