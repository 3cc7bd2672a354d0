namespace CityHall.Bench;

/// <summary>What every visitor does first: read the home page, a content page, the city's open data.</summary>
public static class PortalBenchmark
{
    public static async Task RunAsync(BenchOptions options, CancellationToken ct)
    {
        options.PrintHeader("portal");
        await using var app = await AppProcess.StartAsync(options.Provider, options.Connection);
        using var http = Load.Client(app.BaseAddress, options.Workers);

        async Task<bool> Get(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptLanguage.ParseAdd("ko-KR");
            using var response = await http.SendAsync(request, ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            return response.IsSuccessStatusCode;
        }

        // Warm-up: JIT, connection pool, EF Core's compiled queries.
        await Load.RunAsync("warm-up", options.Workers, TimeSpan.FromSeconds(5), (_, _) => Get("/"), ct);
        foreach (var (name, url) in new[] { ("home page /", "/"), ("content page /pages/privacy", "/pages/privacy"), ("API /api/v1/city/districts", "/api/v1/city/districts") })
            Console.WriteLine(await Load.RunAsync(name, options.Workers, options.Phase, (_, _) => Get(url), ct));
    }
}
