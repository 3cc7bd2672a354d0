using CityHall.Tests.Infrastructure;
using CityHall.Tests.Petitions;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Integrity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Platform;

/// <summary>
/// One chain scheme for the audit log and the proposals' tallies: fields are length-prefixed (text
/// moved between fields no longer hashes alike), and chains begun under the old joined-text scheme
/// still verify, with new entries going on under the new one.
/// </summary>
public sealed class HashChainTests : IDisposable
{
    private readonly CityHallApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public void Scheme_2_tells_apart_field_lists_that_scheme_1_joined_into_the_same_text()
    {
        Assert.Equal(HashChain.LegacyHash('\n', "District", "11110", "x\ny"), HashChain.LegacyHash('\n', "District\n11110", "x", "y"));
        Assert.NotEqual(HashChain.Hash("audit", "District", "11110", "x\ny"), HashChain.Hash("audit", "District\n11110", "x", "y"));
        Assert.NotEqual(HashChain.Hash("audit", "a", null), HashChain.Hash("audit", "a", ""));
        Assert.NotEqual(HashChain.Hash("audit", "a", "b"), HashChain.Hash("petition", "a", "b"));
    }

    private async Task<AuditEntry> RecordAsync(string targetId, string details)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync("staff-1", "이공무", "city.district-renamed", "District", targetId, details);
    }

    private async Task<AuditChainReport> VerifyAuditAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }

    [Fact]
    public async Task Text_moved_from_one_field_of_an_audit_entry_to_the_next_is_caught()
    {
        await RecordAsync("11110", "종로구\n→ 종로");
        var entry = await RecordAsync("11140", "중구\n→ 중앙구");
        // Under the joined-text scheme this rewrite kept the hash: the line breaks just moved.
        await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence == entry.Sequence).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.TargetType, "District\n11140").SetProperty(e => e.TargetId, "중구").SetProperty(e => e.Details, "→ 중앙구")));
        var report = await VerifyAuditAsync();
        Assert.Equal(entry.Sequence, report.FirstBrokenSequence);
        Assert.Equal(ChainBreakKind.Altered, report.Break!.Kind);
    }

    [Fact]
    public async Task An_audit_log_begun_under_scheme_1_still_verifies_and_goes_on_under_scheme_2()
    {
        _ = app.Services; // migrated and seeded before rows are written by hand
        // Three entries as the log wrote them before scheme 2.
        await app.WithDbAsync(async db =>
        {
            var previous = HashChain.GenesisHash;
            for (var i = 1; i <= 3; i++)
            {
                var old = new AuditEntry
                {
                    Sequence = i, OccurredAt = HashChain.Truncate(DateTimeOffset.UtcNow), ActorId = "staff-1", ActorName = "이공무", Action = "case.status-changed",
                    TargetType = "ServiceRequest", TargetId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Details = "{\"to\":\"resolved\"}",
                    PreviousHash = previous, HashVersion = HashChain.LegacyVersion,
                };
                old.Hash = old.ComputeHash();
                Assert.Equal(HashChain.LegacyHash('\n', old.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    old.OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
                    old.ActorId, old.ActorName, old.Action, old.TargetType, old.TargetId, old.Details, old.PreviousHash), old.Hash);
                db.Add(old);
                previous = old.Hash;
            }
            await db.SaveChangesAsync();
        });
        await RecordAsync("11110", "{}");
        await RecordAsync("11140", "{}");

        var report = await VerifyAuditAsync();
        Assert.True(report.IsIntact, report.Break?.ToString());
        Assert.Equal(5, report.EntriesChecked);
        Assert.Equal([1, 1, 1, 2, 2], await app.WithDbAsync(db => db.Set<AuditEntry>().OrderBy(e => e.Sequence).Select(e => e.HashVersion).ToListAsync()));

        // A new entry cannot be passed off as an old one to be checked by the weaker scheme.
        await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence == 4).ExecuteUpdateAsync(u => u.SetProperty(e => e.HashVersion, 1)));
        Assert.Equal(4, (await VerifyAuditAsync()).FirstBrokenSequence);
    }

    [Fact]
    public async Task A_tally_begun_under_scheme_1_still_verifies_goes_on_under_scheme_2_and_an_old_receipt_still_checks()
    {
        var id = await PetitionTestData.PublishedAsync(app, "옛 방식 서명 체인 " + Guid.NewGuid().ToString("N")[..6]);
        // Three supports as the tally recorded them before scheme 2.
        await app.WithDbAsync(async db =>
        {
            var petition = await db.Set<Petition>().SingleAsync(p => p.Id == id);
            var previous = HashChain.GenesisHash;
            for (var i = 1; i <= 3; i++)
            {
                var at = HashChain.Truncate(DateTimeOffset.UtcNow);
                var commitment = SignatureChain.Commitment(petition.Salt, $"legacy-signer-{id}-{i}");
                var entry = new PetitionChainEntry { PetitionId = id, Sequence = i, Kind = ChainEntryKind.Signature, Commitment = commitment, At = at,
                    PreviousHash = previous, HashVersion = HashChain.LegacyVersion };
                entry.Hash = SignatureChain.HashOf(entry);
                db.Add(entry);
                db.Add(new PetitionSignature { PetitionId = id, Commitment = commitment, SignedAt = at, Sequence = i });
                previous = entry.Hash;
            }
            (petition.ChainLength, petition.ChainHead, petition.SignatureCount) = (3, previous, 3);
            await db.SaveChangesAsync();
        });
        var firstReceipt = await app.WithDbAsync(db => db.Set<PetitionChainEntry>().Where(e => e.PetitionId == id && e.Sequence == 1).Select(e => e.Hash).SingleAsync());

        var writer = app.Services.GetRequiredService<SignatureWriter>();
        for (var i = 0; i < 2; i++) Assert.Equal(SignOutcome.Accepted, (await writer.SignAsync(id, $"new-signer-{id}-{i}", null!, null)).Outcome);
        await writer.WithdrawAsync(id, $"legacy-signer-{id}-2");

        await using var scope = app.Services.CreateAsyncScope();
        var verifier = scope.ServiceProvider.GetRequiredService<PetitionChainVerifier>();
        var report = (await verifier.VerifyAsync(id))!;
        Assert.True(report.IsIntact, report.Break?.ToString());
        Assert.Equal((6, 4), (report.EntriesChecked, report.LiveSignatures));
        Assert.Equal([1, 1, 1, 2, 2, 2], await app.WithDbAsync(db => db.Set<PetitionChainEntry>().Where(e => e.PetitionId == id).OrderBy(e => e.Sequence).Select(e => e.HashVersion).ToListAsync()));

        // A checkpoint published now still vouches for the receipt given to the first signer.
        var head = await app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).Select(p => p.ChainHead).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            db.Add(new PetitionCheckpoint { PetitionId = id, Length = 6, HeadHash = head, Supports = 4, At = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        Assert.Equal(ReceiptCheck.Included, (await verifier.CheckReceiptAsync(id, 1, firstReceipt)).Result);
    }
}
