using System.ServiceModel.Syndication;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Library;

/// <summary>
/// The library outside its pages: the Atom feed of the 50 cases published last (each entry in its own language, with
/// its topics as categories and its attachments as enclosures), and a published case's attachments, downloaded rather
/// than shown in the site's origin.
/// </summary>
public static class LibraryEndpoints
{
    private const int Entries = 50;

    public static void Map(WebApplication app)
    {
        app.MapGet("/network/library/feed.atom", FeedAsync)
            .CacheOutput(Platform.Web.OutputCaching.PublicShort)
            .WithTags("City network").WithSummary("Atom feed of the knowledge library's newest published cases");
        app.MapGet("/network/library/{id:long}/files/{fileId:long}", FileAsync).WithTags("City network").WithSummary("An attachment of a published library case");
    }

    private static async Task FeedAsync(HttpContext http, LibraryShelf shelf, AppDbContext db, IStringLocalizer<Text> t, IOptionsMonitor<CityOptions> city,
        IOptionsMonitor<CityNetworkOptions> network, TimeProvider time)
    {
        var cases = await shelf.Published.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).Take(Entries).ToListAsync(http.RequestAborted);
        var ids = cases.Select(c => c.Id).ToList();
        var files = (await db.Set<LibraryAttachment>().AsNoTracking().Where(a => ids.Contains(a.CaseId))
            .Select(a => new { a.Id, a.CaseId, a.Name, a.ContentType, Size = a.Bytes.Length }).ToListAsync(http.RequestAborted)).ToLookup(a => a.CaseId);
        var origin = http.Request.PublicOrigin();
        var items = cases.Select(c =>
        {
            var url = $"{origin}/network/library/{c.Id}";
            var item = new SyndicationItem(c.Title, new TextSyndicationContent(c.Summary), new Uri(url), url, new DateTimeOffset(c.UpdatedAt, TimeSpan.Zero))
            {
                PublishDate = new DateTimeOffset(c.PublishedAt ?? c.UpdatedAt, TimeSpan.Zero),
            };
            // Atom carries each entry's language as xml:lang.
            item.AttributeExtensions.Add(new System.Xml.XmlQualifiedName("lang", "http://www.w3.org/XML/1998/namespace"), c.Language);
            foreach (var topic in c.Topics)
                item.Categories.Add(new SyndicationCategory(topic, null, network.CurrentValue.Topic(topic)?.Name.En ?? topic));
            foreach (var file in files[c.Id])
                item.Links.Add(new SyndicationLink(new Uri($"{url}/files/{file.Id}"), "enclosure", file.Name, file.ContentType, file.Size));
            return item;
        }).ToList();
        var feed = new SyndicationFeed($"{t["Network.Library.Title"].Value} — {network.CurrentValue.Name.Current}", t["Network.Library.Intro"].Value,
            new Uri($"{origin}/network/library"), $"{origin}/network/library/feed.atom", items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : time.GetUtcNow(), items)
        {
            Language = System.Globalization.CultureInfo.CurrentUICulture.Name,
            Copyright = new TextSyndicationContent(city.CurrentValue.Licence.Current),
        };
        await Platform.Web.AtomFeeds.WriteAsync(http, feed, $"{origin}/network/library/feed.atom");
    }

    private static async Task<IResult> FileAsync(long id, long fileId, LibraryShelf shelf, AppDbContext db, CancellationToken ct)
    {
        if (!await shelf.Published.AnyAsync(c => c.Id == id, ct)) return Results.NotFound();
        var file = await db.Set<LibraryAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == fileId && a.CaseId == id, ct);
        return file is null ? Results.NotFound() : Results.File(file.Bytes, file.ContentType, file.Name);
    }
}
