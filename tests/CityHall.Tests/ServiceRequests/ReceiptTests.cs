using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.ServiceRequests;

/// <summary>
/// A new case and its receipt are committed together (the outbox rule): when the commit fails, neither
/// is kept and the case is written again with its receipt; a storm of reports, written in batches,
/// gives each reporter the receipt of their own case.
/// </summary>
public sealed class ReceiptTests : IDisposable
{
    private readonly FaultyDatabaseApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_commit_that_fails_keeps_neither_the_case_nor_its_receipt_and_both_are_written_again_together()
    {
        var (key, _) = await Open311Client.NewKeyAsync(app);
        var client = new Open311Client(app.CreateClient());
        const string email = "receipt-crash@example.org";
        // The database goes away at the first commit that holds an e-mail: before, that was the receipt's
        // own commit, after the case had been committed without it.
        app.RefuseSaves(1, db => db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added));
        var (response, json) = await client.PostJsonAsync(Open311Client.RoadDamage(key, ("email", email), ("description", "영수증 시험: 보도블록 파손")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, app.RefusalsLeft);
        var reference = json[0].GetProperty("service_request_id").GetString()!;

        var cases = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().Where(r => r.Email == email).Select(r => r.Reference).ToListAsync());
        Assert.Equal([reference], cases);
        var receipts = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Recipient == email).ToListAsync());
        var receipt = Assert.Single(receipts);
        Assert.Contains(reference, receipt.Subject, StringComparison.Ordinal);
        Assert.Contains($"/reports/{reference}", receipt.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_posted_together_each_get_the_receipt_of_their_own_case()
    {
        var (key, _) = await Open311Client.NewKeyAsync(app);
        var client = new Open311Client(app.CreateClient());
        var posted = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var email = $"storm-{i}@example.org";
            var (response, json) = await client.PostJsonAsync(Open311Client.RoadDamage(key, ("email", email), ("description", $"폭설 신고 {i}")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (Email: email, Reference: json[0].GetProperty("service_request_id").GetString()!);
        }));
        var cityClock = app.Services.GetRequiredService<CityClock>();
        var receipts = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Recipient.StartsWith("storm-") && m.Channel == NotificationChannel.Email).ToListAsync());
        Assert.Equal(40, receipts.Count);
        foreach (var (email, reference) in posted)
        {
            var receipt = Assert.Single(receipts, m => m.Recipient == email);
            Assert.Contains(reference, receipt.Subject, StringComparison.Ordinal);
            // With the answer's deadline, written as the city's time in the reporter's language (Korean here).
            var due = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().Where(r => r.Reference == reference).Select(r => r.DueAt).SingleAsync());
            Assert.Contains(Notifier.ComposeIn("ko-KR", () => (cityClock.Format(due!.Value), "")).Title, receipt.Body, StringComparison.Ordinal);
        }
    }
}
