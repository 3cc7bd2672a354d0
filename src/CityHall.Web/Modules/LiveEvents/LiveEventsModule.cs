using CityHall.Web.Platform.Search;
using CityHall.Web.Modules.LiveEvents.Live;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Modules.LiveEvents.Webhooks;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.LiveEvents;

/// <summary>
/// Live online events (issue 4): events with a stream, watched live with viewer counts; citizens'
/// questions from the web, SMS and social media in one moderated queue; a stage and a presenter
/// view; real-time snapshots over SignalR (Redis backplane across nodes); the archive afterwards.
/// </summary>
public static class LiveEventsModule
{
    /// <summary>Staff who create events and take them on and off air.</summary>
    public const string Manage = "live.manage";
    /// <summary>Staff who moderate the questions of an event and run its stage.</summary>
    public const string Moderate = "live.moderate";

    public static WebApplicationBuilder AddLiveEvents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<LiveEventsOptions>(builder.Configuration.GetSection(LiveEventsOptions.Section));
        services.AddModule(new ModuleDescriptor
        {
            Name = "LiveEvents",
            Datasets = [new("live-events-calendar", "Dataset.LiveEventsCalendar", "/live/upcoming.ics", "iCalendar", "Dataset.LiveEventsCalendar.Description")],
            Figures = LiveEventFigures.Definitions,
            Permissions =
            [
                new(Manage, "Permission.ManageLiveEvents", Roles.Official),
                new(Moderate, "Permission.ModerateLiveEvents", Roles.Official, Roles.Moderator),
            ],
            AdminMenu = [new("Admin.Menu.LiveEvents", "/admin/live", Moderate, 150)],
            SectorServices =
            [
                new("culture", "live-events", "LiveEvents.Sector.Title", "LiveEvents.Sector.Summary", "/live", "ico_play", 10)
                {
                    Live = new("LiveEvents.Sector.OnAir", (sp, ct) => sp.GetRequiredService<AppDbContext>().Set<LiveEvent>().CountAsync(e => e.State == LiveEventState.Live, ct)),
                },
            ],
            HomeBlocks = [new("now", "LiveEvents.Home.Title", "LiveEvents.Home.More", "/live", Public.LiveEventsNow.View, Public.LiveEventsNow.LoadAsync, 10)],
            MyBlocks = [new("questions", "LiveEvents.My.Title", "LiveEvents.My.Empty", "LiveEvents.My.More", "/live", Public.MyQuestions.View, Public.MyQuestions.LoadAsync, 40)],
            SearchKinds = [new("live-event", "LiveEvents.Search.Kind", 40, LiveEventSearch.ReadAsync)],
        });
        services.AddMemoryCache();
        services.AddScoped<Platform.Hosting.IDataSeeder, LiveEventsDemoSeeder>();
        services.AddSingleton<LiveEventDirectory>();
        services.AddSingleton<QuestionWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<QuestionWriter>());
        services.AddSingleton<QuestionFloodLimiter>();
        services.AddSingleton<BannedParticipants>();
        services.AddSingleton<QuestionIntake>();
        services.AddSingleton<ViewerCounter>();
        services.AddSingleton<LiveUpdates>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveUpdates>());
        services.AddSingleton<SenderHash>();
        services.AddScoped<QuestionSupports>();
        services.AddScoped<Moderation>();
        services.AddScoped<LiveEventStates>();
        services.AddScoped<IPersonalDataContributor, LiveEventsPersonalData>();
        services.AddHttpClient(MastodonPoller.HttpClientName, c =>
        {
            c.Timeout = TimeSpan.FromSeconds(10);
            c.DefaultRequestHeaders.UserAgent.ParseAdd("CityHall-LiveEvents/1.0");
        });
        services.AddSingleton<MastodonPoller>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{LiveEventsOptions.Section}:Mastodon:Server"]))
            services.AddHostedService(sp => sp.GetRequiredService<MastodonPoller>());
        return builder;
    }

    public static WebApplication MapLiveEvents(this WebApplication app)
    {
        app.MapHub<LiveEventHub>(LiveEventHub.Path);
        LiveEventCalendar.Map(app);
        SmsWebhook.Map(app);
        SocialWebhook.Map(app);
        return app;
    }
}
