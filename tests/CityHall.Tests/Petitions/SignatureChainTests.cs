using CityHall.Web.Platform.Integrity;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Petitions;

public sealed class SignatureChainTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private SignatureWriter Writer => app.Services.GetRequiredService<SignatureWriter>();

    private async Task<PetitionChainReport> VerifyAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PetitionChainVerifier>().VerifyAsync(id))!;
    }

    [Fact]
    public async Task A_thousand_parallel_signatures_by_five_hundred_people_count_five_hundred()
    {
        var id = await PetitionTestData.PublishedAsync(app, "동시 서명 시험 " + Guid.NewGuid().ToString("N")[..6]);
        var people = Enumerable.Range(0, 500).Select(i => $"identity-{id}-{i}").ToArray();
        // Everyone signs twice at the same moment, as double clicks and two devices would.
        var results = await Task.WhenAll(people.Concat(people).Select(person => Task.Run(() => Writer.SignAsync(id, person, null!, null))));
        Assert.Equal(500, results.Count(r => r.Outcome == SignOutcome.Accepted));
        Assert.Equal(500, results.Count(r => r.Outcome == SignOutcome.AlreadySigned));
        Assert.Equal(500, await app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).Select(p => p.SignatureCount).SingleAsync()));
        Assert.Equal(500, await app.WithDbAsync(db => db.Set<PetitionSignature>().CountAsync(s => s.PetitionId == id && s.WithdrawnAt == null)));
        var report = await VerifyAsync(id);
        Assert.True(report.IsIntact, report.Break?.ToString());
        Assert.Equal(500, report.EntriesChecked);
        Assert.Equal(500, report.LiveSignatures);
        // Receipts are distinct chain entries.
        Assert.Equal(500, results.Where(r => r.Outcome == SignOutcome.Accepted).Select(r => r.Receipt!.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task An_altered_or_removed_chain_row_is_reported()
    {
        var id = await PetitionTestData.PublishedAsync(app, "변조 탐지 시험 " + Guid.NewGuid().ToString("N")[..6]);
        for (var i = 0; i < 5; i++) await Writer.SignAsync(id, $"tamper-{id}-{i}", null!, null);
        await Writer.WithdrawAsync(id, $"tamper-{id}-0");
        Assert.True((await VerifyAsync(id)).IsIntact);

        // Someone swaps a signer's commitment in place.
        await app.WithDbAsync(db => db.Set<PetitionChainEntry>().Where(e => e.PetitionId == id && e.Sequence == 3)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Commitment, new string('f', 64))));
        var altered = await VerifyAsync(id);
        Assert.Equal(3, altered.FirstBrokenSequence);
        Assert.Equal(ChainBreakKind.Altered, altered.Break!.Kind);

        // Someone deletes the newest entry (the withdrawal) to bring a signature back.
        var other = await PetitionTestData.PublishedAsync(app, "끝부분 삭제 시험 " + Guid.NewGuid().ToString("N")[..6]);
        for (var i = 0; i < 3; i++) await Writer.SignAsync(other, $"cut-{other}-{i}", null!, null);
        await Writer.WithdrawAsync(other, $"cut-{other}-1");
        await app.WithDbAsync(db => db.Set<PetitionChainEntry>().Where(e => e.PetitionId == other && e.Sequence == 4).ExecuteDeleteAsync());
        var cut = await VerifyAsync(other);
        Assert.False(cut.IsIntact);
        Assert.Equal(ChainBreakKind.Shortened, cut.Break!.Kind);
    }

    [Fact]
    public async Task Closed_and_past_deadline_proposals_refuse_signatures_and_withdrawals_of_unsigned_are_refused()
    {
        var closed = await PetitionTestData.PublishedAsync(app, "마감된 제안 시험 " + Guid.NewGuid().ToString("N")[..6], PetitionStatus.Closed);
        Assert.Equal(SignOutcome.NotOpen, (await Writer.SignAsync(closed, "someone", null!, null)).Outcome);
        var expired = await PetitionTestData.PublishedAsync(app, "기한 지난 제안 시험 " + Guid.NewGuid().ToString("N")[..6], window: TimeSpan.FromSeconds(-1));
        Assert.Equal(SignOutcome.NotOpen, (await Writer.SignAsync(expired, "someone", null!, null)).Outcome);
        var open = await PetitionTestData.PublishedAsync(app, "열린 제안 시험 " + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(SignOutcome.NotSigned, (await Writer.WithdrawAsync(open, "never-signed")).Outcome);
        Assert.Equal(SignOutcome.NotFound, (await Writer.SignAsync(987_654_321, "someone", null!, null)).Outcome);
        // After withdrawing, the same person may support again: a new entry, counted once.
        Assert.Equal(SignOutcome.Accepted, (await Writer.SignAsync(open, "returning", null!, null)).Outcome);
        Assert.Equal(SignOutcome.Withdrawn, (await Writer.WithdrawAsync(open, "returning")).Outcome);
        Assert.Equal(SignOutcome.Accepted, (await Writer.SignAsync(open, "returning", null!, null)).Outcome);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == open).Select(p => p.SignatureCount).SingleAsync()));
        Assert.True((await VerifyAsync(open)).IsIntact);
    }

    [Fact]
    public async Task The_verify_petition_verb_reports_intact_broken_and_unknown_chains()
    {
        var id = await PetitionTestData.PublishedAsync(app, "명령으로 검증하는 제안 " + Guid.NewGuid().ToString("N")[..6]);
        for (var i = 0; i < 3; i++) await Writer.SignAsync(id, $"verb-{id}-{i}", null!, null);
        var (code, output) = await Verbs.RunAsync(app, "verify-petition", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, code);
        Assert.Contains("3 entries, 3 supports", output);

        await app.WithDbAsync(db => db.Set<PetitionChainEntry>().Where(e => e.PetitionId == id && e.Sequence == 2)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Kind, ChainEntryKind.Withdrawal)));
        (code, output) = await Verbs.RunAsync(app, "verify-petition", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, code);
        Assert.Contains("broken at entry 2", output);

        (code, output) = await Verbs.RunAsync(app, "verify-petition", "987654321");
        Assert.Equal(1, code);
        Assert.Contains("no proposal 987654321", output);
    }
}
