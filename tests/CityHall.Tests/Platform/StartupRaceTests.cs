using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Platform;

/// <summary>
/// Nodes of a new installation start together on an empty database (a deployment starts them all at
/// once): each must start, and the reference data they all seed must exist once.
/// </summary>
public sealed class StartupRaceTests
{
    [Fact]
    public async Task Three_nodes_starting_together_on_an_empty_database_all_start_and_the_seed_exists_once()
    {
        using var first = new CityHallApp();
        using var second = new OtherNode(first);
        using var third = new OtherNode(first);
        CityHallApp[] nodes = [first, second, third];
        // Released together, each starts its host (migrate, then seed) on its own thread.
        using var go = new ManualResetEventSlim();
        var starting = nodes.Select(n => Task.Run(() => { go.Wait(); _ = n.Server; })).ToArray();
        go.Set();
        await Task.WhenAll(starting);

        foreach (var node in nodes)
            Assert.Equal(HttpStatusCode.OK, (await node.CreateClient().GetAsync("/health/ready")).StatusCode);
        var roles = await first.WithDbAsync(db => db.Set<IdentityRole>().Select(r => r.Name!).ToListAsync());
        Assert.Equal(CityHall.Web.Platform.Identity.Roles.All.Order(), roles.Order());
        var districts = await first.WithDbAsync(db => db.Set<District>().CountAsync());
        Assert.Equal(25, districts); // Seoul's 25 autonomous districts, once each
    }
}
