using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Petitions;

/// <summary>Proposals in the city's search: every published one (collecting, closed, awaiting or given an answer), never one awaiting review or refused.</summary>
public static class PetitionSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var shown = new[] { PetitionStatus.Collecting, PetitionStatus.Closed, PetitionStatus.AwaitingAnswer, PetitionStatus.Answered };
        var rows = services.GetRequiredService<AppDbContext>().Set<Petition>().AsNoTracking().Where(p => shown.Contains(p.Status))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Title, p.Body, p.AnswerText, p.PublishedAt, p.AnsweredAt }).AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(ct))
            yield return new SearchItem(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Title, null,
                p.AnswerText is null ? p.Body : p.Body + "\n" + p.AnswerText, null, $"/petitions/{p.Id}", (p.AnsweredAt ?? p.PublishedAt ?? default).UtcDateTime);
    }
}
