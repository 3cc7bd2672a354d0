using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// Short-lived caching of public pages that crowds refresh (a proposal's count during a surge).
/// Only anonymous GETs are cached (signed-in pages carry personal state and form tokens), per
/// language and per query string; a count is at most a couple of seconds old.
/// </summary>
public static class OutputCaching
{
    public const string PublicShort = "public-short";

    /// <summary>Every page the city's settings shape (its name, its sectors): dropped from the cache when they change.</summary>
    public const string CityTag = "city";

    /// <summary>Whole-dataset downloads (every proposal as CSV): a minute old at most, built once a minute however many download it.</summary>
    public const string DatasetExport = "dataset-export";
    public static readonly TimeSpan DatasetExportAge = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddCityHallOutputCache(this IServiceCollection services) =>
        services.AddOutputCache(o =>
        {
            o.AddPolicy(PublicShort, b => b
                .Expire(TimeSpan.FromSeconds(2))
                .Tag(CityTag)
                .SetVaryByQuery("*")
                .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
                .VaryByValue(c => new KeyValuePair<string, string>("encoding", PageCompression.EncodingFor(c.Request))));
            o.AddPolicy(DatasetExport, b => b.Expire(DatasetExportAge).SetVaryByQuery("*")
                .VaryByValue(c => new KeyValuePair<string, string>("encoding", PageCompression.EncodingFor(c.Request))));
        }).AddHostedService<CityChangeEviction>();

    /// <summary>
    /// Staff renamed the city or changed its sectors (here, or on another node: its settings are polled): cached
    /// pages that show them are dropped, so no visitor sees the old ones for the two seconds they would last.
    /// </summary>
    private sealed class CityChangeEviction(Microsoft.Extensions.Options.IOptionsMonitor<City.CityOptions> city, IOutputCacheStore store) : IHostedService, IDisposable
    {
        private IDisposable? subscription;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            subscription = city.OnChange((_, _) => _ = store.EvictByTagAsync(CityTag, CancellationToken.None).AsTask());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() => subscription?.Dispose();
    }
}
