using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Platform;

/// <summary>A 5xx answer's request-duration metric names its error (error.type), set among the pages' middleware only.</summary>
public sealed class ServerErrorMetricTests(FaultyDatabaseApp app) : IClassFixture<FaultyDatabaseApp>
{
    private sealed class MetricTags : IHttpMetricsTagsFeature
    {
        public ICollection<KeyValuePair<string, object?>> Tags { get; } = [];
        public bool MetricsDisabled { get; set; }
    }

    private static DefaultHttpContext Answered(int status, params KeyValuePair<string, object?>[] tags)
    {
        var context = new DefaultHttpContext();
        var feature = new MetricTags();
        foreach (var t in tags) feature.Tags.Add(t);
        context.Features.Set<IHttpMetricsTagsFeature>(feature);
        context.Response.StatusCode = status;
        return context;
    }

    private static string[] ErrorTypes(HttpContext context) =>
        context.Features.Get<IHttpMetricsTagsFeature>()!.Tags.Where(t => t.Key == ServerErrorMetric.ErrorType).Select(t => t.Value as string ?? "").ToArray();

    [Fact]
    public void Only_a_5xx_is_tagged_and_an_exception_handlers_own_tag_is_kept()
    {
        var unavailable = Answered(503);
        ServerErrorMetric.Tag(unavailable);
        Assert.Equal(["503"], ErrorTypes(unavailable));

        foreach (var status in new[] { 200, 404, 499 })
        {
            var fine = Answered(status);
            ServerErrorMetric.Tag(fine);
            Assert.Empty(ErrorTypes(fine));
        }

        var handled = Answered(500, new KeyValuePair<string, object?>(ServerErrorMetric.ErrorType, "System.InvalidOperationException"));
        ServerErrorMetric.Tag(handled);
        Assert.Equal(["System.InvalidOperationException"], ErrorTypes(handled));
    }

    [Fact]
    public async Task The_app_tags_a_503_it_answers_and_OpenTelemetrys_pipeline_wide_middleware_is_gone()
    {
        // Its middleware would wrap every request, a hub's hours-long connection included.
        Assert.DoesNotContain(app.Services.GetServices<IStartupFilter>(), f => f.GetType().FullName!.Contains("HttpServerErrorType", StringComparison.Ordinal));

        var seen = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Name: "http.server.request.duration", Meter.Name: "Microsoft.AspNetCore.Hosting" }) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            string? status = null, error = null;
            foreach (var t in tags)
            {
                if (t.Key == "http.response.status_code") status = Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture);
                if (t.Key == ServerErrorMetric.ErrorType) error = t.Value as string;
            }
            if (status == "503") seen.Enqueue(error ?? "(none)");
        });
        listener.Start();

        var client = app.CreateBrowserLikeClient();
        var signUp = await client.GetPageAsync("/account/sign-up");
        // The sign-up's save fails as it does when the server is away (and no save the app makes meanwhile in the background).
        app.RefuseSavesAsUnreachable(1);
        app.RefuseSaves(1, db => db.ChangeTracker.Entries<CityHall.Web.Platform.Identity.CityHallUser>().Any());
        var posted = await client.SubmitAsync(signUp, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "홍길동", ["Input.Email"] = "metric@example.org", ["Input.Password"] = TestAccounts.Password,
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, posted.StatusCode);
        // The duration is recorded once the request has ended, just after the answer went out.
        for (var i = 0; i < 100 && !seen.Contains("503"); i++) await Task.Delay(20);
        Assert.Contains("503", seen);
    }
}
