using System.Globalization;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Decisions;

/// <summary>Polls in the city's search: every published one (open, coming up or closed), with its options; never a draft.</summary>
public static class PollSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var options = (await db.Set<PollOption>().AsNoTracking().Where(o => db.Set<Poll>().Listed().Any(p => p.Id == o.PollId))
            .Select(o => new { o.PollId, o.Position, o.LabelKo, o.LabelEn }).ToListAsync(ct)).ToLookup(o => o.PollId);
        var polls = db.Set<Poll>().AsNoTracking().Listed().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.TitleKo, p.TitleEn, p.DescriptionKo, p.DescriptionEn, p.UpdatedAt }).AsAsyncEnumerable();
        await foreach (var p in polls.WithCancellation(ct))
        {
            var labels = options[p.Id].OrderBy(o => o.Position).ToList();
            yield return new SearchItem(p.Id.ToString(CultureInfo.InvariantCulture), p.TitleKo, p.TitleEn,
                string.Join('\n', new[] { p.DescriptionKo }.Concat(labels.Select(o => o.LabelKo)).Where(t => !string.IsNullOrWhiteSpace(t))),
                string.Join('\n', new[] { p.DescriptionEn }.Concat(labels.Select(o => o.LabelEn)).Where(t => !string.IsNullOrWhiteSpace(t))),
                $"/votes/{p.Id}", p.UpdatedAt);
        }
    }
}
