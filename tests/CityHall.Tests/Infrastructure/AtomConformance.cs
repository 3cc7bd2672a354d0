using System.Globalization;
using System.Xml.Linq;

namespace CityHall.Tests.Infrastructure;

/// <summary>
/// What RFC 4287 requires of an Atom feed document, checked element by element (no Atom validator is packaged for
/// .NET): the feed and each entry have exactly one id (an absolute IRI), title and updated (an RFC 3339 date-time);
/// the feed or every entry has an author with a name; every link has an href; an entry without content has an
/// alternate link; no two alternate links share a type and language; the feed links to itself.
/// </summary>
public static class AtomConformance
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static List<string> Problems(string xml)
    {
        var problems = new List<string>();
        var feed = XDocument.Parse(xml).Root!;
        if (feed.Name != Atom + "feed") return [$"the root is {feed.Name}, not atom:feed"];
        CheckCommon(feed, "feed", problems);
        var feedAuthors = feed.Elements(Atom + "author").ToList();
        CheckPeople(feedAuthors, "feed", problems);
        if (!feed.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") == "self")) problems.Add("the feed has no self link");
        foreach (var (entry, i) in feed.Elements(Atom + "entry").Select((e, i) => (e, i)))
        {
            var where = $"entry {i + 1}";
            CheckCommon(entry, where, problems);
            var authors = entry.Elements(Atom + "author").ToList();
            if (authors.Count == 0 && feedAuthors.Count == 0) problems.Add($"{where} has no author, nor has the feed");
            CheckPeople(authors, where, problems);
            if (entry.Element(Atom + "content") is null && !entry.Elements(Atom + "link").Any(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate"))
                problems.Add($"{where} has neither content nor an alternate link");
        }
        if (feedAuthors.Count == 0 && !feed.Elements(Atom + "entry").Any()) problems.Add("an empty feed has no author");
        return problems;
    }

    private static void CheckCommon(XElement element, string where, List<string> problems)
    {
        foreach (var name in new[] { "id", "title", "updated" })
        {
            var count = element.Elements(Atom + name).Count();
            if (count != 1) problems.Add($"{where} has {count} atom:{name}");
        }
        if (element.Element(Atom + "id") is { } id && !Uri.TryCreate(id.Value.Trim(), UriKind.Absolute, out _)) problems.Add($"{where}'s id is not an absolute IRI: {id.Value}");
        foreach (var name in new[] { "updated", "published" })
            if (element.Element(Atom + name) is { } time && !DateTimeOffset.TryParseExact(time.Value.Trim(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                problems.Add($"{where}'s {name} is not an RFC 3339 date-time: {time.Value}");
        var links = element.Elements(Atom + "link").ToList();
        if (links.Any(l => string.IsNullOrWhiteSpace((string?)l.Attribute("href")))) problems.Add($"{where} has a link without href");
        var alternates = links.Where(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate").GroupBy(l => ((string?)l.Attribute("type"), (string?)l.Attribute("hreflang")));
        if (alternates.Any(g => g.Count() > 1)) problems.Add($"{where} has two alternate links of one type and language");
    }

    private static void CheckPeople(IEnumerable<XElement> people, string where, List<string> problems)
    {
        if (people.Any(p => string.IsNullOrWhiteSpace(p.Element(Atom + "name")?.Value))) problems.Add($"{where} has an author without a name");
    }
}
