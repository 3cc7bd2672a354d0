namespace CityHall.Web.Modules.News.Public;

/// <summary>The home page's news block: the five latest published posts of any kind, in both languages.</summary>
public sealed record LatestNews(IReadOnlyList<LatestNews.Item> Posts)
{
    public const string View = "/Modules/News/Public/_LatestNews.cshtml";
    public const int Shown = 5;

    public sealed record Item(long Id, NewsKind Kind, string TitleKo, string? TitleEn, DateTime PublishedAt);

    public static async Task<object?> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var posts = await services.GetRequiredService<AppDbContext>().Set<NewsPost>().AsNoTracking().PublishedBy(now)
            .OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id).Take(Shown)
            .Select(p => new Item(p.Id, p.Kind, p.TitleKo, p.TitleEn, p.PublishAt!.Value)).ToListAsync(ct);
        return posts.Count == 0 ? null : new LatestNews(posts);
    }
}
