using System.Net;
using System.Security.Cryptography;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;

namespace CityHall.Tests.Platform;

/// <summary>An app whose ConnectionStrings:ReadOnly names another database: the "replica".</summary>
public sealed class ReplicaReadApp(string replica) : CityHallApp(new Dictionary<string, string?> { ["ConnectionStrings:ReadOnly"] = replica });

/// <summary>
/// Anonymous lag-tolerant reads (a public list) come from the replica; a signed-in person's reads and every write
/// come from the primary. The replica here is a copy of the city taken with the backup verbs, then left behind
/// by a write to the primary, as a lagging replica would be.
/// </summary>
public sealed class ReplicaReadsTests : IDisposable
{
    private readonly TestDatabase replica = new();
    private readonly ReplicaReadApp app;
    private readonly string folder = Directory.CreateTempSubdirectory("cityhall-replica-").FullName;

    public ReplicaReadsTests() => app = new ReplicaReadApp(replica.ConnectionString);

    /// <summary>A proposal open for support, written straight to the primary (nothing else happens with it).</summary>
    internal static Task AddOpenProposalAsync(CityHallApp app, string title) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        db.Add(new Petition
        {
            Title = title, Body = "공원마다 음수대가 하나뿐이라 여름에 줄이 깁니다. 음수대를 늘려 주세요.", CategoryCode = "environment",
            AuthorName = "시민", Status = PetitionStatus.Collecting, CreatedAt = now, PublishedAt = now, SupportDeadline = now.AddDays(30),
            DepartmentCode = "climate-environment", Salt = RandomNumberGenerator.GetBytes(32),
        });
        await db.SaveChangesAsync();
    });

    public void Dispose()
    {
        app.Dispose();
        replica.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Anonymous_public_lists_read_the_replica_and_signed_in_people_read_the_primary()
    {
        var citizen = await app.SignedUpCitizenAsync();
        var copy = Path.Combine(folder, "city.zip");
        Assert.Equal(0, (await Verbs.RunAsync(app, "backup", "--to", copy)).ExitCode);
        var (code, output) = await Verbs.RunAsync(replica, "restore", "--from", copy);
        Assert.True(code == 0, output);

        // Written to the primary after the copy: the replica has not caught up with it.
        const string title = "복제본이 아직 모르는 제안: 공원 음수대를 늘려 주세요";
        await AddOpenProposalAsync(app, title);

        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var fromReplica = await anonymous.GetStringAsync("/petitions?sort=new");
        Assert.DoesNotContain(title, fromReplica, StringComparison.Ordinal);
        Assert.Contains("petition", fromReplica, StringComparison.OrdinalIgnoreCase); // a real page, from the copy

        // A signed-in reader (whoever just wrote) reads the primary; so does the next anonymous reader of a page not on the list.
        Assert.Contains(title, await citizen.GetStringAsync("/petitions?sort=new"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode);
        // The pooled contexts that served the replica's reads went back to the primary for the next signed-in reader.
        Assert.Contains(title, await citizen.GetStringAsync("/petitions?sort=new"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/petitions?sort=new"), StringComparison.Ordinal);
    }
}

/// <summary>A replica that cannot be reached (nothing listens, or the file cannot be opened): reads fall back to the primary.</summary>
public sealed class UnreachableReplicaTests : IDisposable
{
    private readonly ReplicaReadApp app = new(TestDatabase.UsePostgres
        ? $"Host=127.0.0.1;Port={CityHallApp.FreeLoopbackPort()};Database=replica;Username=x;Password=x;Timeout=2"
        : $"Data Source={Path.Combine(Path.GetTempPath(), "cityhall-no-such-folder-" + Guid.NewGuid().ToString("N"), "replica.db")};Mode=ReadOnly");

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Reads_meant_for_an_unreachable_replica_are_answered_from_the_primary()
    {
        const string title = "복제본이 멈춰도 보이는 제안";
        await ReplicaReadsTests.AddOpenProposalAsync(app, title);
        var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync("/petitions?sort=new");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
