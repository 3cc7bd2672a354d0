using System.ServiceModel.Syndication;
using System.Xml;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// Writing an Atom feed (System.ServiceModel.Syndication) as a response: UTF-8 without a byte-order mark, with its self
/// link, and the city as the feed's author when none is given (RFC 4287 wants an author for every entry, from the
/// entry or from the feed, and validators want one on the feed even when it has no entries).
/// </summary>
public static class AtomFeeds
{
    public static async Task WriteAsync(HttpContext http, SyndicationFeed feed, string selfUrl)
    {
        feed.Links.Add(new SyndicationLink(new Uri(selfUrl), "self", null, "application/atom+xml", 0));
        if (feed.Authors.Count == 0)
        {
            var city = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<City.CityOptions>>().CurrentValue;
            feed.Authors.Add(new SyndicationPerson { Name = city.Name.Current, Uri = http.Request.PublicOrigin() });
        }
        http.Response.ContentType = "application/atom+xml; charset=utf-8";
        // Written to memory first: the formatter writes synchronously, which Kestrel does not allow on the response.
        await using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            feed.GetAtom10Formatter().WriteTo(writer);
            await writer.FlushAsync();
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body);
    }
}
