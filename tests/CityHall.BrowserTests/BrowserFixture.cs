using CityHall.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// The real app on a Kestrel port and Debian's Chromium driven by Playwright. Nothing is
/// downloaded: the browser is /usr/bin/chromium (CHROMIUM_PATH overrides it).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public CityHallApp App { get; } = new();
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseUrl = App.StartKestrel();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // Every host name fails at once (the app is reached by its address): pages that embed map tiles
            // or a video player from the internet must not wait on a network the tests do not have —
            // where outside connections hang rather than fail, the page's load event would wait with them.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        });
    }

    /// <summary>
    /// A fresh browser profile (no cookies) in the given language; with a location, the site may read it (as if the person
    /// allowed it). Without service workers, the page's own requests are all there is to see on the network.
    /// </summary>
    public async Task<IPage> NewPageAsync(string locale = "ko-KR", int width = 1280, int height = 900, Geolocation? location = null, bool serviceWorkers = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl, Locale = locale, ViewportSize = new() { Width = width, Height = height },
            Geolocation = location, Permissions = location is null ? null : ["geolocation"],
            ServiceWorkers = serviceWorkers ? ServiceWorkerPolicy.Allow : ServiceWorkerPolicy.Block,
        });
        // Two cores shared by the app, the database and the browser: allow a slow moment before calling a step failed.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>
/// The browser tests run as two collections, each with an app and a Chromium of its own, side by side: a journey spends
/// most of its time waiting (for the page, the app, the database), and one collection kept the two cores a third busy.
/// A test class belongs to either; they share nothing, so which one is only a matter of balancing their time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <inheritdoc cref="BrowserCollection"/>
[CollectionDefinition(Name)]
public sealed class SecondBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser, second app";
}
