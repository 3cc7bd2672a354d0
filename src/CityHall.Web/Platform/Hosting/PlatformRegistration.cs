using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Modules;
using CityHall.Web.Platform.Notifications;
using CityHall.Web.Platform.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;

namespace CityHall.Web.Platform.Hosting;

/// <summary>Everything cross-cutting, in one place, so Program.cs reads as a table of contents.</summary>
public static class PlatformRegistration
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // A build's output (dotnet run, the tests, the benchmarks) keeps the build-time compressed copies of wwwroot's
        // files under obj/, listed in its static web assets manifest: read it in every environment, not only in
        // Development, or those copies would be missing. A published app has them in wwwroot and no such manifest.
        builder.WebHost.UseStaticWebAssets();

        services.Configure<CityOptions>(configuration.GetSection(CityOptions.Section));
        // Administrators' changes (city_settings) lie over configuration; read CityOptions through IOptionsMonitor.
        services.AddSingleton<CitySettingsStore>();
        services.AddSingleton<IPostConfigureOptions<CityOptions>>(sp => sp.GetRequiredService<CitySettingsStore>());
        services.AddSingleton<IOptionsChangeTokenSource<CityOptions>>(sp => sp.GetRequiredService<CitySettingsStore>());
        services.AddHostedService<CitySettingsRefresher>();
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.Configure<RequestLimitsOptions>(configuration.GetSection(RequestLimitsOptions.Section));
        services.AddPublicUrl(configuration, builder.Environment);
        services.Configure<MetricsOptions>(configuration.GetSection(MetricsOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CityClock>();
        services.AddSingleton<DistrictMap>();
        services.AddSingleton<Countries>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<SectorLinks>();
        services.AddCitySearch(configuration);

        builder.AddDatabase();
        builder.AddConnectionLimits();
        services.AddCityHallDataProtectionAndRedis(configuration);

        services.AddCityHallIdentity(configuration);
        services.AddCityHallLocalization();
        // Pages live beside their module (Modules/<Name>/Public, Modules/<Name>/Admin) with explicit routes.
        // Every page in a folder named Admin needs the admin permission, checked on the server.
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/";
                o.Conventions.Add(new AdminFolderConvention(PermissionPolicyProvider.PolicyFor(PlatformPermissions.AccessAdmin)));
                o.Conventions.Add(new CitizenWriteConvention());
            })
            // Only [Required] makes a field required: optional text fields stay non-null strings.
            .AddMvcOptions(o =>
            {
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.ModelBinderProviders.Insert(0, new CalendarDateBinderProvider([.. o.ModelBinderProviders]));
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Text)));
        // What model binding says of a value it cannot read ("abc" for a number, 99 for a choice that does not exist):
        // in the reader's language like every other message, not the framework's English.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var t = factory.Create(typeof(Text));
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((_, field) => t["Validation.ValueInvalid", field].Value);
            m.SetUnknownValueIsInvalidAccessor(field => t["Validation.ValueInvalid", field].Value);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Validation.ValueInvalidAlone"].Value);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.ValueInvalidAlone"].Value);
            m.SetValueIsInvalidAccessor(_ => t["Validation.ValueInvalidAlone"].Value);
            m.SetValueMustBeANumberAccessor(field => t["Validation.MustBeNumber", field].Value);
            m.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.MustBeNumberAlone"].Value);
            m.SetValueMustNotBeNullAccessor(_ => t["Validation.ValueRequired"].Value);
            m.SetMissingBindRequiredValueAccessor(field => t["Validation.ValueInvalid", field].Value);
            m.SetMissingKeyOrValueAccessor(() => t["Validation.ValueRequired"].Value);
            m.SetMissingRequestBodyRequiredValueAccessor(() => t["Validation.ValueRequired"].Value);
        });
        // Korean text is written as text, not as numeric entities: pages are readable and a third lighter.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o => { o.Cookie.Name = ".CityHall.Antiforgery"; o.HeaderName = "X-CSRF-TOKEN"; });
        services.AddCityHallRateLimits(configuration);
        services.AddCityHallOutputCache();
        services.AddCityHallProblemDetails();
        services.AddResponseCompression(o =>
        {
            // Static assets, and anonymous visitors' pages (see PageCompression for why only theirs, and UsePlatform).
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = Platform.Web.PageCompression.MimeTypes;
        });
        // Compression runs on every page rendered for an anonymous visitor that the output cache does not answer:
        // Optimal, not SmallestSize, keeps pages small without spending milliseconds of CPU on each.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        // Forwarded headers are believed only from the proxies the city names (Hosting:KnownProxies, addresses
        // or CIDR ranges; loopback by default): a client reaching a node directly must not choose its own
        // address (and so its rate-limit partition, or the metrics allow-list).
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Hosting:KnownProxies").Get<string[]>() ?? [])
            {
                if (System.Net.IPNetwork.TryParse(proxy.Trim(), out var network)) o.KnownIPNetworks.Add(network);
                else if (System.Net.IPAddress.TryParse(proxy.Trim(), out var address)) o.KnownProxies.Add(address);
                else throw new InvalidOperationException($"Hosting:KnownProxies: '{proxy}' is neither an address nor a CIDR range");
            }
        });
        builder.WebHost.ConfigureKestrel(k =>
            k.Limits.MaxRequestBodySize = configuration.GetSection(RequestLimitsOptions.Section).Get<RequestLimitsOptions>()?.MaxBodyBytes ?? 1_048_576);

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
            .AddCheck<CityReadinessCheck>("city", tags: ["ready"]);
        services.AddSingleton<CityReadinessCheck>();
        services.AddRequiredSetting("Hosting:PublicUrl", "absolute links (feeds, open data, Open311, calendars) would take the request's Host header");
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "CityHall")
            .AddPrometheusExporter());
        services.WithoutPipelineWideErrorType(); // set among the pages' middleware instead (ServerErrorMetric)
        services.AddOpenApi();

        services.AddScoped<StaffAccounts>();
        services.AddHttpContextAccessor(); // the audit log names the request that made an entry
        services.AddScoped<AuditLog>();
        services.AddScoped<UploadAllowance>();
        services.AddScoped<Import.MappedCsvReader>();
        services.AddSingleton<ModuleVerb, Import.ImportVerb>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<Backup.IChainHeads, Backup.AuditChainHeads>();
        services.AddScoped<Backup.DatabaseCensus>();
        services.AddScoped<Backup.CityBackup>();
        services.AddScoped<Notifier>();
        services.AddScoped<PermissionHolders>();
        services.AddScoped<IPersonalDataContributor, NotificationPersonalData>();
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddSingleton<ISmsSender, PickupFolderSmsSender>();
        services.AddSingleton<OutboxDispatcher>();
        if (configuration.GetValue("Notifications:DispatchInBackground", true))
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        services.AddModule(PlatformPermissions.Module);
        services.AddSingleton<ModuleRegistry>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<ReplicaReads>();
        return builder;
    }

    /// <summary>
    /// wwwroot's files from the build's manifest: compressed at build time (Brotli and gzip, chosen by the request's
    /// Accept-Encoding, never compressed again per request), with ETags. A fingerprinted URL (site.{hash}.css, written
    /// by asp-append-version) is kept a year as immutable; so is a URL carrying its content's hash as ?v= (the font
    /// slices, whose URLs the build writes into the stylesheet). Any other URL is revalidated with its ETag.
    /// A build's output would otherwise watch wwwroot for edits and serve every file uncached (ASP.NET's development
    /// behaviour for build manifests), re-compressing an edited file as gzip even for the Brotli URL, which browsers
    /// then cannot read: ReloadStaticAssetsAtRuntime is false in appsettings.json, so every run serves what was built
    /// (rebuild to see an edited script or stylesheet).
    /// </summary>
    private static void MapFiles(WebApplication app) =>
        app.MapStaticAssets().Add(endpoint =>
        {
            var serve = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                if (context.Request.Query.ContainsKey("v"))
                {
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                        return Task.CompletedTask;
                    });
                }
                return serve(context);
            };
        });

    /// <summary>
    /// Behind the proxy, the request id it made (nginx's $request_id, sent as X-Request-Id and returned to the
    /// client) goes into every log line of the request as ProxyRequestId (a scope; ASP.NET Core's own RequestId
    /// is fixed before any middleware runs), and becomes the request's TraceIdentifier, so the proxy's access log
    /// and the nodes' lines name a request the same way. Only a plain token is taken: the header is the client's too.
    /// </summary>
    private static Func<HttpContext, Func<Task>, Task> AdoptProxyRequestId(ILogger logger) => async (context, next) =>
    {
        if (context.Request.Headers["X-Request-Id"] is [{ Length: > 0 and <= 64 } id] && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            context.TraceIdentifier = id;
            using (logger.BeginScope(new Dictionary<string, object> { ["ProxyRequestId"] = id }))
                await next();
            return;
        }
        await next();
    };

    public static WebApplication UsePlatform(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
        app.ForPagesAndApis(pages => pages.Use(ServerErrorMetric.TagAsync)); // first: it sees the answer the error pages gave
        if (app.Configuration.GetValue<bool>("Hosting:BehindProxy"))
        {
            app.UseForwardedHeaders();
            var proxyRequestId = AdoptProxyRequestId(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CityHall.Web.Platform.Hosting.ProxyRequestId"));
            app.ForPagesAndApis(pages => pages.Use(proxyRequestId));
        }
        app.UseCityHallErrorHandling(limits);
        app.UseConnectionLimits();
        app.UseMetricsAccess();
        if (!app.Environment.IsDevelopment()) app.UseHsts(); // only ever sent over HTTPS
        app.UseSecurityHeaders();
        app.UseApiDocsLanguage();
        app.ForPagesAndApis(pages => pages.UseRequestLocalization());
        app.UseRouting();
        app.UseRequestBodyLimits(limits);
        app.UseAuthenticationWhereItCounts(app.Services.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).Cookie.Name!);
        app.UseReplicaReads(); // anonymous lag-tolerant reads, when ConnectionStrings:ReadOnly names a replica
        app.UseRateLimiter(); // after authentication: citizen writes are counted per account
        app.UseAuthorizationWhereItCounts();
        app.UseOutputCache(); // after authentication: the policy serves and stores anonymous requests only
        // Inside the output cache, so what it keeps is already compressed (one copy per encoding).
        app.UseWhen(Platform.Web.PageCompression.Applies, branch => branch.UseResponseCompression());
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        MapFiles(app);
        // With the files' manifest, asp-append-version writes each file's fingerprinted URL (site.{hash}.css).
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
