using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Localization;

public static class CultureSetup
{
    public const string CookieName = ".CityHall.Culture";

    public static IServiceCollection AddCityHallLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<CityTexts>();
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, CityTexts.Factory>();
        services.AddOptions<RequestLocalizationOptions>().Configure<IOptionsMonitor<CityOptions>>((o, city) =>
        {
            // Shared read-only cultures: the middleware hands each request a read-only culture, and for a
            // writable one that is a fresh copy whose number and date formats are rebuilt from ICU on
            // every request (27% of the near-me page's CPU before this).
            var cultures = city.CurrentValue.SupportedCultures.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(city.CurrentValue.DefaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Choice of the user first (cookie, written by the language switch and at sign-in),
            // then the browser's languages matched by language so "en-GB" finds "en-US".
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageByLanguageProvider(cultures),
                // Last: the city's default language as administrators set it now (DefaultRequestCulture is fixed at start).
                new CustomRequestCultureProvider(_ => Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(city.CurrentValue.DefaultCulture))),
            ];
        });
        return services;
    }

    /// <summary>Finds the supported culture with the same language as an accepted one.</summary>
    public static CultureInfo? Match(IEnumerable<CultureInfo> supported, string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested)) return null;
        var language = requested.Split('-', 2)[0].Trim().ToLowerInvariant();
        return supported.FirstOrDefault(c => string.Equals(c.Name, requested, StringComparison.OrdinalIgnoreCase))
            ?? supported.FirstOrDefault(c => c.TwoLetterISOLanguageName == language);
    }

    public static void WriteCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps });

    private sealed class AcceptLanguageByLanguageProvider(IReadOnlyList<CultureInfo> supported) : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
            foreach (var value in header.OrderByDescending(h => h.Quality ?? 1))
            {
                var match = Match(supported, value.Value.Value);
                if (match is not null) return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(match.Name));
            }
            return NullProviderCultureResult;
        }
    }
}
