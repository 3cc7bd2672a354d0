using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityHall.Tests.Platform;

public sealed class ProxiedLoggedApp : CityHallApp
{
    public CapturedLogs Logs { get; } = new();

    public ProxiedLoggedApp() : base(new Dictionary<string, string?>
    {
        ["Hosting:BehindProxy"] = "true",
        ["Logging:LogLevel:Microsoft.AspNetCore.Routing"] = "Information", // "Executing endpoint …", inside the pipeline
    }) { }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
}

/// <summary>Behind nginx, the request id the proxy made (X-Request-Id, also in its access log) names the request in the node's log lines.</summary>
public sealed class RequestIdTests(ProxiedLoggedApp app) : IClassFixture<ProxiedLoggedApp>
{
    [Fact]
    public async Task The_proxys_request_id_is_the_requests_id_in_the_log_and_a_malformed_one_is_not_taken()
    {
        var client = app.CreateClient();
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/?probe=request-id"))
        {
            request.Headers.Add("X-Request-Id", "3f2a9c0d41b84e6f9d27a1c5e8b0f4aa");
            await client.SendAsync(request);
        }
        Assert.Contains(app.Logs.Entries, l => l.Message.StartsWith("Executing endpoint", StringComparison.Ordinal)
            && l.Scopes.Contains("ProxyRequestId:3f2a9c0d41b84e6f9d27a1c5e8b0f4aa", StringComparison.Ordinal));

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/?probe=forged-id"))
        {
            request.Headers.TryAddWithoutValidation("X-Request-Id", "<script>alert(1)</script>");
            await client.SendAsync(request);
        }
        Assert.DoesNotContain(app.Logs.Entries, l => l.Scopes.Contains("<script>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_staff_actions_audit_entry_names_the_request_that_made_it_and_the_audit_page_shows_it()
    {
        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        admin.DefaultRequestHeaders.Add("X-Request-Id", "9c1e77b0-audit-drill-4d2a");
        var page = await admin.GetPageAsync("/admin/city");
        var saved = await admin.SubmitAsync(page, page.FilledIn("form:not([action])").With(("Input.ContactEn", "Call 120 (request id)")), "form:not([action])");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "city-settings.changed").OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal("9c1e77b0-audit-drill-4d2a", entry.RequestId);
        // The id is beside the record, not in it: the chain verifies as before.
        Assert.Equal(entry.Hash, entry.ComputeHash());
        var audit = await admin.GetPageAsync("/admin/audit");
        Assert.Contains(audit.QuerySelectorAll("td code"), c => c.TextContent == "9c1e77b0-audit-drill-4d2a");
    }
}
