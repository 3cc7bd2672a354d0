using CityHall.Web.Platform.Modules;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.News;

/// <summary>
/// What the city announces: news, press releases and events, written by staff of a department under a permission per
/// kind, city-wide or for districts, published at once or embargoed until a set time; listed by kind, department,
/// district and month, one page per post with its OpenGraph card, and Atom feeds per kind and district.
/// </summary>
public static class NewsModule
{
    public const string WriteNews = "news.news", WritePressReleases = "news.pressrelease", WriteEvents = "news.event", WriteNotices = "news.notice";

    /// <summary>Approving a department's official notices for publication: the second person, never the one who submitted.</summary>
    public const string ApproveNotices = "news.notice.approve";

    /// <summary>
    /// Any of the kinds' permissions or the approvers': what the staff pages need (each post then needs its own kind's
    /// to be changed, or the approvers' to be approved).
    /// </summary>
    public const string StaffAny = WriteNews + "|" + WritePressReleases + "|" + WriteEvents + "|" + WriteNotices + "|" + ApproveNotices;

    /// <summary>The permission to write posts of a kind.</summary>
    public static string WriteKind(NewsKind kind) => kind switch
    {
        NewsKind.News => WriteNews,
        NewsKind.PressRelease => WritePressReleases,
        NewsKind.Event => WriteEvents,
        NewsKind.Notice => WriteNotices,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static WebApplicationBuilder AddNews(this WebApplicationBuilder builder)
    {
        builder.Services.AddModule(new ModuleDescriptor
        {
            Name = "News",
            Datasets = [new("news-atom", "Dataset.NewsFeed", "/news/feed.atom", "Atom", "Dataset.NewsFeed.Description")],
            // Any official of the department may be the second person: what makes a notice approved is that someone
            // other than its submitter, answering for the same department, said so (OfficialNotices).
            Permissions =
            [
                .. Enum.GetValues<NewsKind>().Select(k => new PermissionDefinition(WriteKind(k), "Permission.News." + k, Roles.Official)),
                new PermissionDefinition(ApproveNotices, "Permission.News.ApproveNotices", Roles.Official),
            ],
            AdminMenu = [new("Admin.Menu.News", "/admin/news", StaffAny, 150)],
            HomeBlocks = [new("latest", "News.Home.Title", "News.Home.More", "/news", Public.LatestNews.View, Public.LatestNews.LoadAsync, 15)],
            SearchKinds = [new("news", "News.Search.Kind", 12, NewsSearch.ReadAsync)],
            SectorServices =
            [
                new("administration", "news", "News.Sector.Title", "News.Sector.Summary", "/news", "ico_notice_fill", 5),
                new("administration", "notices", "News.Sector.Notices.Title", "News.Sector.Notices.Summary", "/news?kind=notice", "ico_notice_fill", 6),
                new("culture", "events", "News.Sector.Events.Title", "News.Sector.Events.Summary", "/news?kind=event", "ico_notice_fill", 30),
            ],
        });
        builder.Services.AddScoped<OfficialNotices>();
        builder.Services.Configure<Subscriptions.NewsOptions>(builder.Configuration.GetSection(Subscriptions.NewsOptions.Section));
        builder.Services.AddSingleton<Subscriptions.NewsDigest>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Subscriptions.NewsDigest>());
        builder.Services.AddScoped<IPersonalDataContributor, Subscriptions.NewsPersonalData>();
        builder.Services.AddOpenDataSource<NewsOpenData>();
        return builder;
    }

    public static WebApplication MapNews(this WebApplication app)
    {
        NewsFeed.Map(app);
        Attachments.AttachmentDownloads.Map(app);
        Attachments.NewsPictures.Map(app);
        return app;
    }
}
