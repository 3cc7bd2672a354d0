namespace CityHall.Web.Modules.Decisions.Public;

/// <summary>The home page's block of polls open now, closing soonest first: a vote that is about to end is the one to hear of.</summary>
public static class PollsNow
{
    public const int Shown = 3;
    public const string View = "/Modules/Decisions/Public/_OpenPolls.cshtml";

    /// <summary>Shared by every visitor for a few seconds: both languages, nothing of the reader's.</summary>
    public sealed record Open(IReadOnlyList<Open.Item> Items, int Count)
    {
        public sealed record Item(long Id, string TitleKo, string? TitleEn, int Voters, DateTime ClosesAt);
    }

    public static async Task<object?> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var open = services.GetRequiredService<AppDbContext>().Set<Poll>().AsNoTracking().OpenAt(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var first = await open.OrderBy(p => p.ClosesAt).ThenBy(p => p.Id)
            .Select(p => new Open.Item(p.Id, p.TitleKo, p.TitleEn, p.VoterCount, p.ClosesAt)).Take(Shown).ToListAsync(ct);
        return first.Count == 0 ? null : new Open(first, first.Count < Shown ? first.Count : await open.CountAsync(ct));
    }
}
