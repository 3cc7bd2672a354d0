using System.ServiceModel.Syndication;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// The Atom feed of newly published proposals, answers (the department's and the mayor's) and
/// progress reports, newest first, in the reader's language (Accept-Language, else the city's),
/// written by System.ServiceModel.Syndication.
/// </summary>
public static class PetitionFeed
{
    private const int Entries = 50;

    public static void Map(WebApplication app) =>
        app.MapGet("/petitions/feed.atom", WriteAsync)
            .CacheOutput(Platform.Web.OutputCaching.PublicShort)
            .WithTags("Petitions").WithSummary("Atom feed of new proposals, answers and progress reports");

    private static async Task WriteAsync(HttpContext http, AppDbContext db, PetitionText text, IStringLocalizer<Text> t,
        IOptionsMonitor<Platform.City.CityOptions> city, TimeProvider clock)
    {
        var origin = http.Request.PublicOrigin();
        var items = new List<SyndicationItem>();

        var published = await db.Set<Petition>().AsNoTracking()
            .Where(p => p.PublishedAt != null && p.Status != PetitionStatus.Rejected && p.Status != PetitionStatus.PendingReview)
            .OrderByDescending(p => p.Id).Take(Entries)
            .Select(p => new { p.Id, p.Title, p.Body, p.CategoryCode, p.AuthorName, p.SignatureCount, PublishedAt = p.PublishedAt!.Value })
            .ToListAsync();
        foreach (var p in published)
            items.Add(Item($"{origin}/petitions/{p.Id}", $"{origin}/petitions/{p.Id}", t["Petitions.Feed.New", p.Title].Value,
                $"{text.Category(p.CategoryCode)} · {t["Petitions.Supports", p.SignatureCount].Value}\n\n{p.Body}", p.AuthorName, p.PublishedAt));

        // Times are compared here (SQLite cannot order by DateTimeOffset): first only ids and times,
        // then the texts of the newest answers alone.
        var answeredAt = await db.Set<Petition>().AsNoTracking().Where(p => p.AnsweredAt != null || p.MayorAnsweredAt != null)
            .Select(p => new { p.Id, p.AnsweredAt, p.MayorAnsweredAt }).ToListAsync();
        var newest = answeredAt.SelectMany(p => new[] { p.AnsweredAt, p.MayorAnsweredAt }.OfType<DateTimeOffset>().Select(at => (p.Id, at)))
            .OrderByDescending(a => a.at).Take(Entries).Select(a => a.Id).Distinct().ToList();
        var answered = await db.Set<Petition>().AsNoTracking().Where(p => newest.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.AnsweredAt, p.AnswerOutcome, p.AnswerText, p.AnsweredBy,
                p.MayorAnsweredAt, p.MayorAnswerOutcome, p.MayorAnswerText, p.MayorAnsweredBy })
            .ToListAsync();
        foreach (var p in answered)
        {
            if (p.AnsweredAt is { } at)
                items.Add(Item($"{origin}/petitions/{p.Id}#answer", $"{origin}/petitions/{p.Id}#answer", t["Petitions.Feed.Answered", p.Title].Value,
                    $"{t["Petitions.Outcome." + p.AnswerOutcome].Value}\n\n{p.AnswerText}", p.AnsweredBy ?? "", at));
            if (p.MayorAnsweredAt is { } mayorAt)
                items.Add(Item($"{origin}/petitions/{p.Id}#mayor-answer", $"{origin}/petitions/{p.Id}#mayor-answer", t["Petitions.Feed.MayorAnswered", p.Title].Value,
                    $"{t["Petitions.Outcome." + p.MayorAnswerOutcome].Value}\n\n{p.MayorAnswerText}", p.MayorAnsweredBy ?? "", mayorAt));
        }
        var followUps = await db.Set<PetitionFollowUp>().AsNoTracking().OrderByDescending(f => f.Id).Take(Entries)
            .Join(db.Set<Petition>(), f => f.PetitionId, p => p.Id, (f, p) => new { f.Id, f.PetitionId, p.Title, f.Body, f.PostedBy, f.PostedAt })
            .ToListAsync();
        foreach (var f in followUps)
            items.Add(Item($"{origin}/petitions/{f.PetitionId}#follow-up-{f.Id}", $"{origin}/petitions/{f.PetitionId}#follow-ups",
                t["Petitions.Feed.FollowUp", f.Title].Value, f.Body, f.PostedBy, f.PostedAt));

        var entries = items.OrderByDescending(i => i.LastUpdatedTime).Take(Entries).ToList();
        var feed = new SyndicationFeed(t["Petitions.Feed.Title", city.CurrentValue.Name.Current].Value, t["Petitions.Feed.Subtitle"].Value,
            new Uri($"{origin}/petitions"), $"{origin}/petitions/feed.atom", entries.Count > 0 ? entries[0].LastUpdatedTime : clock.GetUtcNow(), entries)
        {
            Language = System.Globalization.CultureInfo.CurrentUICulture.Name,
            Copyright = new TextSyndicationContent(city.CurrentValue.Licence.Current),
        };
        await Platform.Web.AtomFeeds.WriteAsync(http, feed, $"{origin}/petitions/feed.atom");
    }

    private static SyndicationItem Item(string id, string link, string title, string body, string author, DateTimeOffset at)
    {
        var item = new SyndicationItem(title, new TextSyndicationContent(body), new Uri(link), id, at) { PublishDate = at };
        if (author.Length > 0) item.Authors.Add(new SyndicationPerson { Name = author });
        return item;
    }
}
