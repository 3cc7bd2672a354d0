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

    /// <summary>Whole-dataset downloads (every proposal as CSV): a minute old at most, built once a minute however many download it.</summary>
    public const string DatasetExport = "dataset-export";
    public static readonly TimeSpan DatasetExportAge = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddCityHallOutputCache(this IServiceCollection services) =>
        services.AddOutputCache(o =>
        {
            o.AddPolicy(PublicShort, b => b
                .Expire(TimeSpan.FromSeconds(2))
                .SetVaryByQuery("*")
                .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name)));
            o.AddPolicy(DatasetExport, b => b.Expire(DatasetExportAge).SetVaryByQuery("*"));
        });
}
