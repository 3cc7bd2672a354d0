namespace CityHall.Bench;

/// <summary>
/// The one thing a citizen's browser does with a connection that HttpClient does not: a request sent on a kept-alive
/// connection that the server closed before any response header came back is sent again, whatever its method. Chromium
/// (HttpNetworkTransaction::ShouldResendRequest), Firefox and curl all do this, because a server may close an idle
/// connection at the moment a request is on its way; the request was then never read. nginx does exactly that when its
/// configuration is reloaded (a node drained or taken back): the old workers close their idle client connections at
/// once, and a request crossing the close is reset. Without this the drills would count, as a failed request, what no
/// citizen's browser shows.
/// </summary>
/// <remarks>
/// Only a reused connection counts: the handler sees every connection its pool opens, and an attempt during which none
/// was opened went over one already open. A reset on a fresh connection, a timeout or any answer (a 502 or a 503 too)
/// is passed on as it came. <see cref="Resent"/> counts the requests sent again, so the drills print them.
/// </remarks>
public sealed class BrowserResend : DelegatingHandler
{
    private const int MostResends = 3; // a browser stops when it runs out of kept-alive connections; the pool keeps two
    private static long resent;
    private long connectionsOpened;

    /// <summary>Requests sent again, by every handler of this process.</summary>
    public static long Resent => Interlocked.Read(ref resent);

    /// <summary>Wraps <paramref name="inner"/>, whose ConnectCallback (if any) still opens the connections.</summary>
    public BrowserResend(SocketsHttpHandler inner) : base(inner)
    {
        var connect = inner.ConnectCallback ?? SignalRSockets.ConnectFrom(null);
        inner.ConnectCallback = (context, ct) =>
        {
            Interlocked.Increment(ref connectionsOpened);
            return connect(context, ct);
        };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var openedBefore = Interlocked.Read(ref connectionsOpened);
            try
            {
                // The handler returns once the response's headers are in: an exception here means none came.
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (attempt < MostResends && ex.InnerException is IOException
                && !cancellationToken.IsCancellationRequested && Interlocked.Read(ref connectionsOpened) == openedBefore)
            {
                Interlocked.Increment(ref resent);
            }
        }
    }
}
