using CityHall.Web.Platform.Web;
using Microsoft.AspNetCore.Http;

namespace CityHall.Tests.Portal;

/// <summary>The output cache keeps one copy per encoding the compression middleware would choose, read from Accept-Encoding with its qualities.</summary>
public sealed class PageCompressionTests
{
    [Theory]
    [InlineData("br, gzip", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0", "")]
    [InlineData("identity", "")]
    [InlineData("", "")]
    [InlineData("*", "br")]
    [InlineData("gzip;q=0.8, *;q=0.1", "gzip")]
    [InlineData("brotli, gzipped", "")] // names that only contain "br" or "gzip" are not those encodings
    public void The_encoding_follows_the_accepted_qualities(string acceptEncoding, string expected)
    {
        var context = new DefaultHttpContext();
        if (acceptEncoding.Length > 0) context.Request.Headers.AcceptEncoding = acceptEncoding;
        Assert.Equal(expected, PageCompression.EncodingFor(context.Request));
    }
}
