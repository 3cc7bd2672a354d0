using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CityHall.Web.Platform.City;

/// <summary>
/// What an administrator changed in the city settings, kept in the database. Configuration gives the
/// defaults; these values, when present, replace them. One row; Version rises on every save so each
/// node notices the change and concurrent edits are refused rather than lost.
/// </summary>
public sealed class CitySettingsRecord
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    /// <summary>The <see cref="CitySettingsDocument"/> as JSON; null after a reset to configuration.</summary>
    public string? Json { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

internal sealed class CitySettingsRecordConfiguration : IEntityTypeConfiguration<CitySettingsRecord>
{
    public void Configure(EntityTypeBuilder<CitySettingsRecord> e)
    {
        e.ToTable("city_settings");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}

/// <summary>The settings administrators may change; everything else stays in configuration.</summary>
public sealed class CitySettingsDocument
{
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Contact { get; set; } = new();
    public LocalizedText Licence { get; set; } = new();
    public string TimeZone { get; set; } = "";
    public string DefaultCulture { get; set; } = "";
    public double MapCenterLatitude { get; set; }
    public double MapCenterLongitude { get; set; }
    public string? LogoUrl { get; set; }
    /// <summary>The installed app's name and colour; absent in documents saved before they could be set (configuration stands then).</summary>
    public LocalizedText? ShortName { get; set; }
    public string? AppColor { get; set; }
    public List<SectorSetting> Sectors { get; set; } = [];

    public static CitySettingsDocument From(CityOptions o) => new()
    {
        Name = Copy(o.Name),
        Contact = Copy(o.Contact),
        Licence = Copy(o.Licence),
        TimeZone = o.TimeZone,
        DefaultCulture = o.DefaultCulture,
        MapCenterLatitude = o.MapCenterLatitude,
        MapCenterLongitude = o.MapCenterLongitude,
        LogoUrl = o.LogoUrl,
        ShortName = Copy(o.ShortName),
        AppColor = o.AppColor,
        Sectors = o.Sectors.Select(s => new SectorSetting
        {
            Code = s.Code, Name = Copy(s.Name), Description = Copy(s.Description), Href = s.Href, ServiceOrder = [.. s.ServiceOrder], HiddenServices = [.. s.HiddenServices],
        }).ToList(),
    };

    public void ApplyTo(CityOptions o)
    {
        o.Name = Name;
        o.Contact = Contact;
        o.Licence = Licence;
        o.TimeZone = TimeZone;
        o.DefaultCulture = DefaultCulture;
        o.MapCenterLatitude = MapCenterLatitude;
        o.MapCenterLongitude = MapCenterLongitude;
        o.LogoUrl = LogoUrl;
        if (ShortName is not null) o.ShortName = ShortName;
        if (AppColor is not null) o.AppColor = AppColor;
        o.Sectors = Sectors;
    }

    private static LocalizedText Copy(LocalizedText t) => new() { Ko = t.Ko, En = t.En };
}

/// <summary>
/// Lays the administrators' settings over configuration for <see cref="IOptionsMonitor{CityOptions}"/>:
/// it holds the last saved document in memory and signals the options system when it changes, so
/// pages read CurrentValue with no query. Reloaded after a save here and polled by
/// <see cref="CitySettingsRefresher"/> for saves made on other nodes.
/// </summary>
public sealed class CitySettingsStore(ILogger<CitySettingsStore> logger) : IPostConfigureOptions<CityOptions>, IOptionsChangeTokenSource<CityOptions>, IDisposable
{
    private CitySettingsDocument? document;
    private long version = -1;
    private CancellationTokenSource changed = new();

    public string? Name => Options.DefaultName;

    public long Version => Interlocked.Read(ref version);

    public void Dispose() => changed.Dispose();

    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref changed).Token);

    public void PostConfigure(string? name, CityOptions options) => Volatile.Read(ref document)?.ApplyTo(options);

    /// <summary>Reads the saved settings; tells the options system only when the version moved.</summary>
    public async Task RefreshAsync(AppDbContext db, CancellationToken ct = default)
    {
        var row = await db.Set<CitySettingsRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == CitySettingsRecord.SingletonId, ct);
        var latest = row?.Version ?? 0;
        if (latest == Version) return;
        CitySettingsDocument? parsed = null;
        if (row?.Json is { } json)
        {
            try { parsed = JsonSerializer.Deserialize<CitySettingsDocument>(json); }
            catch (JsonException ex) { logger.LogError(ex, "City settings version {Version} cannot be read; configuration applies", latest); }
        }
        Volatile.Write(ref document, parsed);
        Interlocked.Exchange(ref version, latest);
        var previous = Interlocked.Exchange(ref changed, new CancellationTokenSource());
        await previous.CancelAsync();
        previous.Dispose();
        logger.LogInformation("City settings version {Version} in effect", latest);
    }
}

/// <summary>Picks up settings saved on another node within <c>City:SettingsRefreshSeconds</c> (30 by default).</summary>
public sealed class CitySettingsRefresher(IServiceScopeFactory scopes, CitySettingsStore store, IConfiguration configuration,
    ILogger<CitySettingsRefresher> logger) : Hosting.PeriodicJob(logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("City:SettingsRefreshSeconds", 30)));

    /// <summary>Before the first migration the table is missing: the failure is logged and configuration is served.</summary>
    protected override bool RunAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await store.RefreshAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
    }
}
