using System.Globalization;
using System.ServiceModel.Syndication;
using CityHall.Web.Modules.News.Attachments;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.News;

/// <summary>
/// Atom feeds of the city's news (/news/feed.atom): all kinds or one (kind=news, pressrelease, event, notice), all districts or
/// one with the city-wide posts (district=code); the 50 newest published posts, in the reader's language, each with its
/// documents as enclosures. An embargoed post enters the feed at its time, not before.
/// </summary>
public static class NewsFeed
{
    private const int Entries = 50;

    public static void Map(WebApplication app) =>
        app.MapGet("/news/feed.atom", WriteAsync)
            .CacheOutput(Platform.Web.OutputCaching.PublicShort)
            .WithTags("News").WithSummary("Atom feed of the city's news, press releases and events and official notices (kind=news|pressrelease|event|notice; district=code)");

    private static async Task<IResult> WriteAsync(HttpContext http, AppDbContext db, IStringLocalizer<Text> t, IOptionsMonitor<CityOptions> city,
        CityClock clock, TimeProvider time, string? kind, string? district)
    {
        NewsKind? only = null;
        if (!string.IsNullOrEmpty(kind) && (only = NewsPosts.ParseKind(kind)) is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "kind must be news, pressrelease, event or notice.");
        if (!string.IsNullOrEmpty(district) && !await db.Set<District>().AnyAsync(d => d.Code == district))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No district has this code.");
        var filter = new NewsPosts.Filter(only, null, string.IsNullOrEmpty(district) ? null : district, null);
        var posts = await db.Set<NewsPost>().AsNoTracking().Matching(time.GetUtcNow().UtcDateTime, filter, clock).Take(Entries).ToListAsync();

        var origin = http.Request.PublicOrigin();
        // Each entry's documents, as enclosures (a reader can fetch them with the post).
        var ids = posts.Select(p => p.Id).ToList();
        var files = (await db.Set<NewsAttachment>().AsNoTracking().Where(a => ids.Contains(a.PostId)).Summaries().ToListAsync()).ToLookup(f => f.PostId);
        var culture = CultureInfo.CurrentUICulture;
        var items = posts.Select(p =>
        {
            var at = new DateTimeOffset(p.PublishAt!.Value, TimeSpan.Zero);
            var updated = new DateTimeOffset(p.UpdatedAt > p.PublishAt.Value ? p.UpdatedAt : p.PublishAt.Value, TimeSpan.Zero);
            var item = new SyndicationItem(NewsPosts.Title(p, culture), new TextSyndicationContent(NewsPosts.Body(p, culture)), new Uri($"{origin}/news/{p.Id}"),
                $"{origin}/news/{p.Id}", updated) { PublishDate = at };
            item.Categories.Add(new SyndicationCategory(NewsPosts.Slug(p.Kind), null, t["News.Kind." + p.Kind].Value));
            foreach (var file in files[p.Id])
                item.Links.Add(new SyndicationLink(new Uri($"{origin}/news/{p.Id}/files/{file.Id}"), "enclosure", file.FileName,
                    AttachmentFiles.ContentType(file.Kind), file.Size));
            return item;
        }).ToList();
        var query = new QueryString().Add("kind", only is { } k ? NewsPosts.Slug(k) : "").Add("district", district ?? "").ToUriComponent();
        var title = only is { } kindShown ? t["News.Kind." + kindShown].Value : t["News.Title"].Value;
        var feed = new SyndicationFeed($"{title} — {city.CurrentValue.Name.Current}", t["News.Feed.Subtitle"].Value, new Uri($"{origin}/news{query}"),
            $"{origin}/news/feed.atom{query}", items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : time.GetUtcNow(), items)
        {
            Language = culture.Name,
            Copyright = new TextSyndicationContent(city.CurrentValue.Licence.Current),
        };
        await Platform.Web.AtomFeeds.WriteAsync(http, feed, $"{origin}/news/feed.atom{query}");
        return Results.Empty;
    }
}
