using System.Globalization;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// The Server-Timing header (W3C): how long the server spent on the part of a request that matters (the nearest
/// places, a search), so benchmarks and the browser's developer tools read the server's own time.
/// </summary>
public static class ServerTiming
{
    public static void Append(HttpContext http, string metric, long startedTimestamp) =>
        http.Response.Headers.Append("Server-Timing", string.Create(CultureInfo.InvariantCulture,
            $"{metric};dur={System.Diagnostics.Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds:0.###}"));
}
