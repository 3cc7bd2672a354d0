using CityHall.Tests.Infrastructure;

namespace CityHall.Tests.Platform;

/// <summary>The Atom checker the feed tests rely on finds what RFC 4287 forbids, and passes what it allows.</summary>
public sealed class AtomConformanceTests
{
    private const string Good = """
        <feed xmlns="http://www.w3.org/2005/Atom"><id>https://city.example/news</id><title>News</title><updated>2027-04-05T09:00:00Z</updated>
        <author><name>City</name></author><link rel="self" href="https://city.example/news/feed.atom"/>
        <entry><id>https://city.example/news/1</id><title>One</title><updated>2027-04-05T09:00:00+09:00</updated><link href="https://city.example/news/1"/></entry></feed>
        """;

    [Fact]
    public void A_conforming_feed_has_no_problems() => Assert.Empty(AtomConformance.Problems(Good));

    [Theory]
    [InlineData("<author><name>City</name></author>", "")]                                              // no author anywhere
    [InlineData("<id>https://city.example/news</id>", "")]                                                // no feed id
    [InlineData("<updated>2027-04-05T09:00:00Z</updated>", "<updated>yesterday</updated>")]               // not RFC 3339
    [InlineData("<link href=\"https://city.example/news/1\"/>", "")]                                      // entry with neither content nor link
    [InlineData("<link rel=\"self\" href=\"https://city.example/news/feed.atom\"/>", "")]                 // no self link
    [InlineData("<id>https://city.example/news/1</id>", "<id>news-1</id>")]                               // not an absolute IRI
    public void What_the_rfc_forbids_is_found(string part, string replacement) =>
        Assert.NotEmpty(AtomConformance.Problems(Good.Replace(part, replacement, StringComparison.Ordinal)));
}
