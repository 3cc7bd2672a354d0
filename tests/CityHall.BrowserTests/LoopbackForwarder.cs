using System.Net;
using System.Net.Sockets;

namespace CityHall.BrowserTests;

/// <summary>
/// The load balancer in miniature: a loopback port whose new connections go to whichever node it points at now.
/// Connections already piped to a node end when that node goes away, as they do behind nginx.
/// </summary>
public sealed class LoopbackForwarder : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private volatile int target;

    public LoopbackForwarder(int targetPort)
    {
        target = targetPort;
        listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        _ = Task.Run(AcceptAsync);
    }

    public string BaseUrl { get; }

    /// <summary>New connections go to this node's port from now on.</summary>
    public void PointAt(int port) => target = port;

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stopping.Token); }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(() => PipeAsync(client));
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var node = new TcpClient())
        {
            try
            {
                await node.ConnectAsync(IPAddress.Loopback, target, stopping.Token);
                var browserSide = client.GetStream();
                var nodeSide = node.GetStream();
                // Either side ending ends both, as a proxy's connection to a dead node does.
                await Task.WhenAny(browserSide.CopyToAsync(nodeSide, stopping.Token), nodeSide.CopyToAsync(browserSide, stopping.Token));
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException) { }
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        stopping.Dispose();
    }
}
