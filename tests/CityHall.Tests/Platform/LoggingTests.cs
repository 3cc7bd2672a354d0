using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;

namespace CityHall.Tests.Platform;

/// <summary>In production the app writes one JSON object per log line, with the request's trace id in its scopes.</summary>
public sealed class LoggingTests : IDisposable
{
    private readonly CityHallApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Production_logs_are_json_lines_carrying_the_trace_id_shown_on_the_error_page()
    {
        var port = CityHallApp.FreeLoopbackPort();
        var start = Verbs.StartInfo(app, "--urls", $"http://127.0.0.1:{port}");
        // Request start and finish lines are written inside the request's scope.
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        start.Environment["Accounts__IdentityHashKey"] = Convert.ToBase64String(new byte[32]);
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        var stdout = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line) lock (lines) lines.Add(line);
        });
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                Assert.True(DateTime.UtcNow < deadline && !process.HasExited, "the app did not answer /health/live within 60 s");
                try { if ((await http.GetAsync("/health/live")).IsSuccessStatusCode) break; }
                catch (HttpRequestException) { }
                await Task.Delay(250);
            }
            var missing = await http.GetAsync("/no-such-page-" + Guid.NewGuid().ToString("N"));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var page = await Html.ParseAsync(missing);
            var reference = page.QuerySelector(".ch-trace span")!.TextContent.Trim();
            Assert.Matches("^[0-9a-f]{32}$", reference);

            // The request's last line ("Request finished") may trail the response a little.
            JsonElement[] entries = [];
            for (var i = 0; i < 40 && !entries.Any(e => ScopesMention(e, reference)); i++)
            {
                await Task.Delay(100);
                lock (lines) entries = lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
            }
            lock (lines) Assert.All(lines.Where(l => l.Length > 0), l => Assert.StartsWith("{", l, StringComparison.Ordinal));
            Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics" && ScopesMention(e, reference));
            Assert.All(entries, e =>
            {
                Assert.True(e.TryGetProperty("Timestamp", out _));
                Assert.True(e.TryGetProperty("LogLevel", out _));
            });
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await stdout;
            _ = await stderr;
        }
    }

    private static bool ScopesMention(JsonElement entry, string traceId) =>
        entry.TryGetProperty("Scopes", out var scopes) && scopes.GetRawText().Contains($"\"TraceId\":\"{traceId}\"", StringComparison.Ordinal);
}
