using CityHall.Web.Platform.Integrity;
using System.Diagnostics;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Platform;

/// <summary>Each test gets its own app and database: they tamper with the chain.</summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly CityHallApp app = new();

    public void Dispose() => app.Dispose();

    private async Task RecordAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>()
                .RecordAsync("staff-1", "이공무", "case.status-changed", "ServiceRequest", i.ToString(), $"{{\"to\":\"resolved-{i}\"}}");
        }
    }

    private async Task<AuditChainReport> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }

    [Fact]
    public async Task An_untouched_chain_verifies()
    {
        await RecordAsync(5);
        var report = await VerifyAsync();
        Assert.True(report.IsIntact);
        Assert.Equal(5, report.EntriesChecked);
    }

    [Fact]
    public async Task An_altered_row_is_reported_as_the_first_broken_link()
    {
        await RecordAsync(5);
        const string forged = "{\"to\":\"rejected\"}";
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET \"Details\" = {forged} WHERE \"Sequence\" = 3"));
        var report = await VerifyAsync();
        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Equal(ChainBreakKind.Altered, report.Break!.Kind);
    }

    [Fact]
    public async Task A_removed_row_is_reported()
    {
        await RecordAsync(5);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Sequence\" = 2"));
        var report = await VerifyAsync();
        Assert.Equal(2, report.FirstBrokenSequence);
        Assert.Equal(ChainBreakKind.Missing, report.Break!.Kind);
    }

    [Fact]
    public async Task A_row_rewritten_with_a_fresh_hash_still_breaks_the_next_link()
    {
        await RecordAsync(4);
        await app.WithDbAsync(async db =>
        {
            var entry = await db.Set<AuditEntry>().SingleAsync(e => e.Sequence == 2);
            entry.ActorName = "someone else";
            entry.Hash = entry.ComputeHash();
            await db.SaveChangesAsync();
        });
        var report = await VerifyAsync();
        Assert.Equal(3, report.FirstBrokenSequence);
    }

    [Fact]
    public async Task Concurrent_writers_extend_one_unbroken_chain()
    {
        _ = app.Services; // start the app (and seed) once, before the writers race
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RecordAsync(5))));
        var report = await VerifyAsync();
        Assert.True(report.IsIntact, report.Break?.ToString());
        Assert.Equal(20, report.EntriesChecked);
    }

    [Fact]
    public async Task The_admin_page_reports_a_broken_chain()
    {
        await RecordAsync(3);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Action\" = 'nothing' WHERE \"Sequence\" = 2"));
        var client = await app.SignedInStaffAsync(Roles.Administrator);
        var page = await client.GetPageAsync("/admin/audit?verify=true");
        var result = page.QuerySelector("[data-audit-result]")!;
        Assert.Equal("broken", result.GetAttribute("data-audit-result"));
        // Worded in the page's language, the cause included (it once came out in English on the Korean page).
        Assert.Equal("2번 기록에서 체인이 끊어졌습니다: 2번 항목이 바뀌었습니다. 내용이 해시와 맞지 않습니다.", result.TextContent.Trim());
        client.DefaultRequestHeaders.Add("Cookie", ".CityHall.Culture=c%3Den-US%7Cuic%3Den-US");
        result = (await client.GetPageAsync("/admin/audit?verify=true")).QuerySelector("[data-audit-result]")!;
        Assert.Equal("The chain is broken at entry 2: entry 2 was altered: its content does not match its hash.", result.TextContent.Trim());
    }

    [Fact]
    public async Task The_verify_audit_verb_exits_1_and_names_the_broken_entry()
    {
        await RecordAsync(3);
        var (code, output) = await Verbs.RunAsync(app, "verify-audit");
        Assert.Equal(0, code);
        Assert.Contains("3 entries", output);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"TargetId\" = '99' WHERE \"Sequence\" = 2"));
        (code, output) = await Verbs.RunAsync(app, "verify-audit");
        Assert.Equal(1, code);
        Assert.Contains("broken at entry 2", output);
    }

    [Fact]
    public async Task Entries_cut_from_the_end_are_found_against_a_head_written_down_earlier()
    {
        await RecordAsync(4);
        var (code, output) = await Verbs.RunAsync(app, "verify-audit");
        Assert.Equal(0, code);
        var head = System.Text.RegularExpressions.Regex.Match(output, @"\b4:[0-9a-f]{64}\b").Value;
        Assert.NotEmpty(head);
        Assert.Equal(0, (await Verbs.RunAsync(app, "verify-audit", "--expect-head", head)).ExitCode);

        // The chain alone still looks whole after the newest entries are deleted ...
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Sequence\" >= 3"));
        Assert.Equal(0, (await Verbs.RunAsync(app, "verify-audit")).ExitCode);
        // ... but not against the head kept outside the database.
        (code, output) = await Verbs.RunAsync(app, "verify-audit", "--expect-head", head);
        Assert.Equal(1, code);
        Assert.Contains("removed from the end", output);
        Assert.Equal(2, (await Verbs.RunAsync(app, "verify-audit", "--expect-head", "not-a-head")).ExitCode);
    }
}

public sealed class AuditFailureTests : IDisposable
{
    private readonly LoggedApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_change_that_breaks_a_rule_fails_once_with_its_audit_entry_and_is_not_retried()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityHall.Web.Data.AppDbContext>();
        var before = await db.Set<AuditEntry>().CountAsync();
        // EF logs each failed save once under this category (and the failed command under another): one line, one attempt.
        int FailedSaves() => app.Logs.Entries.Count(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Category == "Microsoft.EntityFrameworkCore.Update");
        var failuresBefore = FailedSaves();
        // A second district with an existing code breaks the unique index: the caller's own mistake, not a race on the chain.
        db.Add(new CityHall.Web.Platform.City.District { Code = "11110", NameKo = "또 종로구", NameEn = "Jongno-gu again" });
        await Assert.ThrowsAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<AuditLog>()
            .RecordAsync("staff-1", "이공무", "city.district-added", "District", "11110"));
        Assert.Equal(before, await app.WithDbAsync(d => d.Set<AuditEntry>().CountAsync()));
        Assert.Equal(1, FailedSaves() - failuresBefore);
    }
}

public sealed class ServerErrorLogTests : IDisposable
{
    private readonly LoggedApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_500_answered_without_an_exception_still_leaves_an_error_line_with_its_path()
    {
        var response = await app.CreateClient().GetAsync("/error/500");
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(app.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error
            && e.Category.EndsWith("ErrorModel", StringComparison.Ordinal) && e.Message.Contains("/error/500", StringComparison.Ordinal));
        // A 4xx is the client's: no error line.
        await app.CreateClient().GetAsync("/no-such-page");
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("no-such-page", StringComparison.Ordinal));
    }
}
