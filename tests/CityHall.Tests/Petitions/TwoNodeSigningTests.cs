using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Petitions;

/// <summary>
/// Two app instances on one database sign the same proposal at once: every signature is acknowledged
/// once, counted once, and the chain stays whole. (Each node's batch can find the chain moved by the
/// other; it must read again and redo, never fail the citizens waiting in it.)
/// </summary>
public sealed class TwoNodeSigningTests : IDisposable
{
    private readonly CityHallApp first = new();
    private readonly OtherNode second;

    public TwoNodeSigningTests()
    {
        _ = first.Server; // the first node makes the database
        second = new OtherNode(first);
        _ = second.Server;
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }

    [Fact]
    public async Task A_thousand_signatures_split_across_two_nodes_are_all_acknowledged_counted_once_and_chained()
    {
        var id = await PetitionTestData.PublishedAsync(first, "두 노드에서 동시에 서명하는 제안 " + Guid.NewGuid().ToString("N")[..6]);
        var onFirst = first.Services.GetRequiredService<SignatureWriter>();
        var onSecond = second.Services.GetRequiredService<SignatureWriter>();

        // 1,000 people, half on each node, in small concurrent waves so batches of both nodes interleave;
        // and 50 of them press "support" on both nodes at the same moment.
        var people = Enumerable.Range(0, 1000).Select(i => $"two-node-person-{i:D4}").ToList();
        var tasks = new List<Task<SignResult>>();
        for (var i = 0; i < people.Count; i++)
        {
            var writer = i % 2 == 0 ? onFirst : onSecond;
            tasks.Add(writer.SignAsync(id, people[i], null!, "11110"));
            if (i % 20 == 0) tasks.Add((writer == onFirst ? onSecond : onFirst).SignAsync(id, people[i], null!, "11110"));
            if (i % 25 == 0) await Task.Delay(1);
        }
        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.True(r.Outcome is SignOutcome.Accepted or SignOutcome.AlreadySigned, r.Outcome.ToString()));
        Assert.Equal(1000, results.Count(r => r.Outcome == SignOutcome.Accepted));
        Assert.Equal(1000, await first.WithDbAsync(db => db.Set<PetitionSignature>().CountAsync(s => s.PetitionId == id && s.WithdrawnAt == null)));
        Assert.Equal(1000, await first.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).Select(p => p.SignatureCount).SingleAsync()));
        await using var scope = first.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<PetitionChainVerifier>().VerifyAsync(id);
        Assert.True(report!.IsIntact, report.Break?.ToString());
        Assert.Equal(1000, report.EntriesChecked);
        Assert.Equal(1000, report.LiveSignatures);
    }
}
