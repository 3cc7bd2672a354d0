using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// Citizens decide (Seoul's mVoting): polls the city opens, one ballot per verified person, changeable until the poll
/// closes, on a hash chain anyone can recount, with receipts; results hidden until the close or shown live. The
/// counting rules of ranked polls and participatory budgets are in Platform/Voting.
/// </summary>
public static class DecisionsModule
{
    public const string Manage = "decisions.manage";
    /// <summary>Entering paper ballots at a polling station (an officer's task, which need not include preparing votes).</summary>
    public const string EnterPaperBallots = "decisions.paper";
    /// <summary>The technical review of budget projects (feasibility, cost, reasons): engineers and budget officers who need not manage budgets.</summary>
    public const string Review = "decisions.review";
    /// <summary>Moderating what citizens propose (votes and budget ideas; the city's text moderators hold it, as they do for proposals).</summary>
    public const string Moderate = "decisions.moderate";

    public static WebApplicationBuilder AddDecisions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<DecisionsOptions>(builder.Configuration.GetSection(DecisionsOptions.Section));
        services.AddModule(new ModuleDescriptor
        {
            Name = "Decisions",
            Figures = DecisionFigures.Definitions,
            Permissions = [new(Manage, "Permission.ManagePolls", Roles.Official), new(EnterPaperBallots, "Permission.EnterPaperBallots", Roles.Official),
                new(Review, "Permission.ReviewBudgetProjects", Roles.Official), new(Moderate, "Permission.ModerateDecisions", Roles.Moderator)],
            AdminMenu = [new("Admin.Menu.Polls", "/admin/votes", Manage, 150), new("Admin.Menu.Budgets", "/admin/budgets", Manage, 151),
                new("Admin.Menu.BudgetReview", "/admin/budgets/review", Review, 152), new("Admin.Menu.PollProposals", "/admin/votes/proposals", Moderate, 153)],
            Datasets = [new("polls", "Dataset.Polls", "/api/v1/polls", "JSON", "Dataset.Polls.Description")],
            SectorServices =
            [
                new("participation", "votes", "Decisions.Sector.Votes.Title", "Decisions.Sector.Votes.Summary", "/votes", "ico_checkbox_checked", 35)
                {
                    Live = new("Decisions.Sector.Votes.Open", (sp, ct) => Polls.CountOpenAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(), ct)),
                },
                new("participation", "budgets", "Decisions.Sector.Budgets.Title", "Decisions.Sector.Budgets.Summary", "/budgets", "ico_flow_arrow", 36),
            ],
            HomeBlocks = [new("open", "Decisions.Home.Title", "Decisions.Home.All", "/votes", Public.PollsNow.View, Public.PollsNow.LoadAsync, 22),
                new("budgets", "Decisions.Budget.Home.Title", "Decisions.Budget.Home.All", "/budgets", Budgets.Public.BudgetsNow.View, Budgets.Public.BudgetsNow.LoadAsync, 23)],
            SearchKinds = [new("poll", "Decisions.Search.Kind", 15, PollSearch.ReadAsync), new("budget-project", "Decisions.Budget.Search.Kind", 16, Budgets.BudgetSearch.ReadAsync)],
        });
        services.AddScoped<BallotChainVerifier>();
        services.AddScoped<Platform.Backup.IChainHeads, PollChainHeads>();
        services.AddScoped<Budgets.IdeaModeration>();
        services.AddMemoryCache();
        services.AddSingleton<Budgets.BudgetResultsCache>();
        services.AddSingleton<Budgets.BudgetResultsWarmer>();
        services.AddHostedService(sp => sp.GetRequiredService<Budgets.BudgetResultsWarmer>());
        services.AddScoped<Platform.Identity.IPersonalDataContributor, Budgets.BudgetPersonalData>();
        services.AddScoped<Platform.Identity.IPersonalDataContributor, PollPersonalData>();
        services.AddSingleton<Platform.Hosting.ModuleVerb, VerifyBallotsVerb>();
        services.AddSingleton<BallotWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<BallotWriter>());
        services.AddSingleton<PollCheckpointPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<PollCheckpointPublisher>());
        services.AddSingleton<PollKeyEraser>();
        services.AddHostedService(sp => sp.GetRequiredService<PollKeyEraser>());
        return builder;
    }

    public static WebApplication MapDecisions(this WebApplication app)
    {
        BallotCasting.Map(app);
        Budgets.BudgetImages.Map(app);
        PollOptionImages.Map(app);
        PollApi.Map(app);
        return app;
    }
}
