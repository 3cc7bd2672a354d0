using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Modules.Inclusion;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Modules.Places;
using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Portal;

/// <summary>
/// The demo city (Seed:Demo): real toilets, places around real landmarks, 40 proposals over every stage supported by
/// residents on intact chains, the 2011 inauguration archive and an upcoming event; a second run adds nothing.
/// </summary>
public sealed class DemoCityTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private sealed record Census(int Residents, int Toilets, int DemoPlaces, int Proposals, int Signatures, int Events, int Questions, int Reports, int CaseEvents, int Applications, int ApplicationEvents);

    private Task<Census> CountAsync() => app.WithDbAsync(async db => new Census(
        await db.Users.CountAsync(u => u.Email!.EndsWith("@residents.demo.cityhall.example")),
        await db.Set<Place>().CountAsync(p => p.KindCode == "public-toilet"),
        await db.Set<Place>().CountAsync(p => p.Source == PlacesDemoSeeder.Source),
        await db.Set<Petition>().CountAsync(),
        await db.Set<PetitionSignature>().CountAsync(),
        await db.Set<LiveEvent>().CountAsync(),
        await db.Set<LiveQuestion>().CountAsync(),
        await db.Set<ServiceRequest>().CountAsync(),
        await db.Set<ServiceRequestEvent>().CountAsync(),
        await db.Set<InclusionApplication>().CountAsync(),
        await db.Set<ApplicationEvent>().CountAsync()));

    private async Task SeedDemoAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareAsync(includeDemo: true);
    }

    [Fact]
    public async Task The_demo_city_has_real_places_proposals_at_every_stage_on_intact_chains_and_a_second_run_adds_nothing()
    {
        await SeedDemoAsync();
        var first = await CountAsync();
        Assert.Equal(160, first.Residents);
        Assert.InRange(first.Toilets, 4000, 5000); // Seoul's file: 4,586 records, some skipped
        Assert.Equal(PlacesDemoSeeder.Landmarks.Length * 11, first.DemoPlaces);
        Assert.Equal(PetitionsDemoSeeder.Proposals.Length, first.Proposals);
        Assert.Equal(40, first.Proposals);
        Assert.Equal(PetitionsDemoSeeder.Proposals.Sum(p => p.Supports), first.Signatures);

        var now = DateTimeOffset.UtcNow;
        var proposals = await app.WithDbAsync(db => db.Set<Petition>().AsNoTracking().ToListAsync());
        Assert.Equal(Enum.GetValues<PetitionStatus>().Order(), proposals.Select(p => p.Status).Distinct().Order());
        Assert.Contains(proposals, p => p.Status == PetitionStatus.Collecting && p.ForumOpenedAt is not null && !p.ForumClosed);
        Assert.Contains(proposals, p => p.Status == PetitionStatus.Collecting && p.ThresholdReachedAt is null && p.SignatureCount >= 40);
        Assert.Contains(proposals, p => p.Status == PetitionStatus.AwaitingAnswer && p.AnswerDueAt < now); // overdue
        Assert.All(proposals.Where(p => p.Status == PetitionStatus.Answered), p => Assert.NotNull(p.AnswerText));
        Assert.All(proposals.Where(p => p.Status == PetitionStatus.Closed), p => Assert.True(p.SignatureCount < 50));
        // Every support was written on the proposal's chain within its window, and the chain verifies.
        using (var scope = app.Services.CreateScope())
        {
            var verifier = scope.ServiceProvider.GetRequiredService<PetitionChainVerifier>();
            foreach (var p in proposals.Where(p => p.SignatureCount > 0))
            {
                var report = (await verifier.VerifyAsync(p.Id))!;
                Assert.True(report.IsIntact, $"proposal {p.Id}");
                Assert.Equal(p.SignatureCount, report.LiveSignatures);
            }
        }
        var latest = await app.WithDbAsync(db => db.Set<PetitionSignature>().AsNoTracking().Select(s => new { s.PetitionId, s.SignedAt }).ToListAsync());
        Assert.All(latest, s => Assert.True(s.SignedAt <= proposals.Single(p => p.Id == s.PetitionId).SupportDeadline));

        var events = await app.WithDbAsync(db => db.Set<LiveEvent>().AsNoTracking().ToListAsync());
        var inauguration = Assert.Single(events, e => e.State == LiveEventState.Archived);
        Assert.Equal(2011, inauguration.StartsAt.Year);
        Assert.Contains(events, e => e.State == LiveEventState.Scheduled && e.StartsAt > now.UtcDateTime);
        Assert.True(await app.WithDbAsync(db => db.Set<LiveQuestion>().CountAsync(q => q.EventId == inauguration.Id && q.State == QuestionState.Answered && q.Answer != null)) >= 10);

        // 200 reports over 60 days, through the intake (district, department, deadline) and worked to every state.
        var reports = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().ToListAsync());
        Assert.Equal(ServiceRequestsDemoSeeder.Reports, reports.Count);
        Assert.All(reports, r =>
        {
            Assert.InRange(r.RequestedAt, now.UtcDateTime.AddDays(-61), now.UtcDateTime);
            Assert.NotNull(r.Reference);
            Assert.NotNull(r.DepartmentCode);
            Assert.NotNull(r.DistrictCode);
            Assert.NotNull(r.DueAt);
            Assert.NotNull(r.Latitude);
            Assert.True(r.ClosedAt is null || (r.ClosedAt >= r.RequestedAt && r.ClosedAt <= now.UtcDateTime));
        });
        foreach (var state in new[] { RequestStatus.Received, RequestStatus.Assigned, RequestStatus.InProgress, RequestStatus.Waiting, RequestStatus.Resolved,
                     RequestStatus.Closed, RequestStatus.Duplicate, RequestStatus.Rejected })
            Assert.Contains(reports, r => r.Status == state);
        Assert.Contains(reports, r => !r.IsPublic);
        Assert.All(reports.Where(r => r.Status is RequestStatus.Resolved or RequestStatus.Rejected), r => Assert.NotNull(r.StatusNotes));

        // Applications for a PC repair visit worked through the programme's own steps, each state with its history.
        var applications = await app.WithDbAsync(db => db.Set<InclusionApplication>().AsNoTracking().ToListAsync());
        Assert.Equal(InclusionDemoSeeder.Applicants, applications.Count);
        foreach (var state in Enum.GetValues<ApplicationState>().Except([ApplicationState.Ranked, ApplicationState.Returned]))
            Assert.True(applications.Any(a => a.State == state), $"no demo application is {state}");
        var histories = await app.WithDbAsync(db => db.Set<ApplicationEvent>().AsNoTracking().GroupBy(e => e.ApplicationId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(applications.Count, histories.Count);

        // Residents are verified, so their supports count; nobody can sign in to them (no password).
        using (var scope = app.Services.CreateScope())
            Assert.All(await scope.ServiceProvider.GetRequiredService<IDemoPeople>().CitizensAsync(), r => Assert.False(string.IsNullOrEmpty(r.IdentityKey)));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email!.EndsWith("@residents.demo.cityhall.example")).AllAsync(u => u.PasswordHash == null)));

        // The demo citizen one signs in as has their own proposal, supports and reports for "my city".
        var demoCitizen = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "citizen@demo.cityhall.example").Select(u => u.Id).SingleAsync());
        Assert.Contains(proposals, p => p.AuthorId == demoCitizen);
        Assert.True(await app.WithDbAsync(db => db.Set<PetitionSignature>().AnyAsync(s => s.UserId == demoCitizen)));
        Assert.Contains(reports, r => r.ReporterId == demoCitizen);

        await SeedDemoAsync();
        Assert.Equal(first, await CountAsync());

        // The home page shows the demo city's day.
        var home = await app.CreateClient().GetPageAsync("/?demo=1");
        foreach (var block in new[] { "Petitions/near-threshold", "Petitions/answers-overdue", "Places/toilets-near", "LiveEvents/now" })
            Assert.NotNull(home.QuerySelector($"[data-home-block='{block}']"));
        Assert.Contains("예산안", home.QuerySelector("[data-home-block='LiveEvents/now']")!.TextContent, StringComparison.Ordinal); // next week's briefing
    }
}
