using CityHall.Web.Platform.Search;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// Citizen proposals, Democracy-Seoul style: propose (with similar titles shown), moderators
/// review, verified citizens support through a group-commit writer onto a public hash chain with
/// receipts and checkpoints; a forum with votes and threaded comments; department and mayor
/// answers with follow-ups; news to authors and signers at most once a day.
/// </summary>
public static class PetitionsModule
{
    public const string Moderate = "petitions.moderate";
    public const string Answer = "petitions.answer";
    public const string Invalidate = "petitions.invalidate";

    public static WebApplicationBuilder AddPetitions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<PetitionOptions>(builder.Configuration.GetSection(PetitionOptions.Section));
        services.AddModule(new ModuleDescriptor
        {
            Name = "Petitions",
            Figures = PetitionFigures.Definitions,
            Permissions =
            [
                new(Moderate, "Permission.ModeratePetitions", Roles.Moderator),
                new(Answer, "Permission.AnswerPetitions", Roles.Official),
                new(Invalidate, "Permission.InvalidateSignatures", Roles.Administrator),
            ],
            AdminMenu =
            [
                new("Admin.Menu.Petitions", "/admin/petitions", Moderate, 100),
                new("Admin.Menu.PetitionAnswers", "/admin/petitions/answers", Answer, 110),
                new("Admin.Menu.PetitionComments", "/admin/petitions/comments", Moderate, 120),
                new("Admin.Menu.PetitionSignatures", "/admin/petitions/signatures", Invalidate, 130),
            ],
            Datasets =
            [
                new("petitions", "Dataset.Petitions", "/api/v1/petitions", "JSON", "Dataset.Petitions.Description"),
                new("petitions-csv", "Dataset.Petitions", "/api/v1/petitions.csv", "CSV"),
                new("petitions-atom", "Dataset.PetitionsFeed", "/petitions/feed.atom", "Atom", "Dataset.PetitionsFeed.Description"),
            ],
            SectorServices =
            [
                new("participation", "proposals", "Petitions.Sector.Proposals.Title", "Petitions.Sector.Proposals.Summary", "/petitions", "ico_like", 30),
                new("participation", "answers-due", "Petitions.Sector.AnswersDue.Title", "Petitions.Sector.AnswersDue.Summary", "/petitions/answers", "ico_calendar", 40)
                {
                    // Proposals that reached a threshold and still wait for the city's (or the mayor's) answer.
                    Live = new("Petitions.Sector.AnswersDue.Owed", (sp, ct) => sp.GetRequiredService<AppDbContext>().Set<Petition>()
                        .CountAsync(p => (p.ThresholdReachedAt != null && p.AnsweredAt == null) || (p.MayorThresholdReachedAt != null && p.MayorAnsweredAt == null), ct)),
                },
            ],
            HomeBlocks =
            [
                new("near-threshold", "Petitions.Home.NearThreshold.Title", "Petitions.Home.NearThreshold.More", "/petitions?status=collecting",
                    Public.ProposalsNow.NearThreshold.View, Public.ProposalsNow.NearThresholdAsync, 20),
                new("answers-overdue", "Petitions.Home.Overdue.Title", "Petitions.Home.Overdue.More", "/petitions/answers",
                    Public.ProposalsNow.Overdue.View, Public.ProposalsNow.OverdueAsync, 25),
            ],
            MyBlocks = [new("proposals", "Petitions.My.Title", "Petitions.My.Empty", "Petitions.My.More", "/petitions/mine", Public.MyProposals.View, Public.MyProposals.LoadAsync, 10)],
            SearchKinds = [new("proposal", "Petitions.Search.Kind", 10, PetitionSearch.ReadAsync)],
        });
        services.AddScoped<SimilarPetitions>();
        services.AddScoped<PetitionChainVerifier>();
        services.AddScoped<Platform.Backup.IChainHeads, PetitionChainHeads>();
        services.AddScoped<PetitionText>();
        services.AddScoped<Forum.PetitionForum>();
        services.AddScoped<Forum.PetitionComments>();
        services.AddScoped<Fraud.SignatureReview>();
        services.AddScoped<IPersonalDataContributor, PetitionPersonalData>();
        services.AddSingleton<Fraud.ActivityWatch>();
        services.AddSingleton<Platform.Hosting.ModuleVerb, VerifyPetitionVerb>();
        services.AddSingleton<SignatureWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<SignatureWriter>());
        services.AddSingleton<PetitionStages>();
        services.AddHostedService(sp => sp.GetRequiredService<PetitionStages>());
        services.AddScoped<Platform.Hosting.IDataSeeder, PetitionsDemoSeeder>();
        services.AddSingleton<PetitionDigest>();
        services.AddHostedService(sp => sp.GetRequiredService<PetitionDigest>());
        services.AddSingleton<CheckpointPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckpointPublisher>());
        return builder;
    }

    public static WebApplication MapPetitions(this WebApplication app)
    {
        PetitionApi.Map(app);
        PetitionSigning.Map(app);
        PetitionFeed.Map(app);
        return app;
    }
}
