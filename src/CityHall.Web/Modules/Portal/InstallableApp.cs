using System.Collections.Concurrent;
using System.Globalization;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CityHall.Web.Modules.Portal;

/// <summary>
/// What makes the site installable as an app on a phone: the web app manifest (in the page's language, named after the
/// city) and its icons, drawn here in the city's colour — a civic building, no lettering, so one icon serves every
/// language. The service worker (wwwroot/sw.js) keeps the pages last read for when the connection drops.
/// </summary>
public static class InstallableApp
{
    public static readonly int[] IconSizes = [192, 512];
    private static readonly ConcurrentDictionary<(int Size, bool Maskable, string Color), byte[]> Icons = new();
    private static readonly System.Text.Json.JsonSerializerOptions ManifestJson = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };

    public static void Map(WebApplication app)
    {
        // The page links the manifest with its own language (?lang=): browsers fetch manifests without cookies.
        app.MapGet("/manifest.webmanifest", (string? lang, IOptionsMonitor<CityOptions> options, IStringLocalizer<Text> text) =>
        {
            var city = options.CurrentValue;
            var culture = city.SupportedCultures.FirstOrDefault(c => c.StartsWith(lang ?? "", StringComparison.OrdinalIgnoreCase) && lang is { Length: >= 2 })
                ?? city.DefaultCulture;
            var ui = CultureInfo.GetCultureInfo(culture);
            string Localized(string key) => InCulture.Run(ui, () => text[key].Value);
            var name = city.Name.For(ui);
            var shortName = city.ShortName.For(ui);
            var manifest = new WebAppManifest(
                Id: "/", Name: name, ShortName: string.IsNullOrWhiteSpace(shortName) ? name : shortName,
                Description: Localized("Home.Intro"), Lang: ui.Name, StartUrl: "/", Scope: "/", Display: "standalone",
                BackgroundColor: "#ffffff", ThemeColor: city.AppColorOrDefault,
                Icons: [.. IconSizes.Select(s => new WebAppIcon($"/icons/app-{s}.png", $"{s}x{s}", "image/png", "any")),
                        new WebAppIcon("/icons/app-maskable-512.png", "512x512", "image/png", "maskable")]);
            return Results.Json(manifest, ManifestJson, contentType: "application/manifest+json");
        }).ExcludeFromDescription();

        app.MapGet("/icons/app-{size:int}.png", (int size, HttpContext context, IOptionsMonitor<CityOptions> city) =>
            IconSizes.Contains(size) ? Png(context, size, maskable: false, city.CurrentValue.AppColorOrDefault) : Results.NotFound())
            .ExcludeFromDescription();
        app.MapGet("/icons/app-maskable-512.png", (HttpContext context, IOptionsMonitor<CityOptions> city) =>
            Png(context, 512, maskable: true, city.CurrentValue.AppColorOrDefault)).ExcludeFromDescription();
    }

    private static IResult Png(HttpContext context, int size, bool maskable, string color)
    {
        // A day: a city that changes its colour sees new icons tomorrow (browsers refresh installed icons rarely anyway).
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Bytes(Icons.GetOrAdd((size, maskable, color), key => Draw(key.Size, key.Maskable, SKColor.Parse(key.Color))), "image/png");
    }

    /// <summary>
    /// A building with a pediment, four columns and steps, white on the city's colour. The maskable icon fills its whole
    /// square (the phone cuts its own shape) and keeps the building inside the middle 80 %, the safe zone.
    /// </summary>
    public static byte[] Draw(int size, bool maskable, SKColor color)
    {
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using var fill = new SKPaint { Color = color, IsAntialias = true };
        if (maskable) canvas.DrawRect(0, 0, size, size, fill);
        else canvas.DrawRoundRect(0, 0, size, size, size * 0.18f, size * 0.18f, fill);

        // The building in a unit square, scaled into the icon (60 % of it, centred; within the maskable safe zone).
        var scale = size * 0.6f;
        var origin = size * 0.2f;
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        SKPoint P(float x, float y) => new(origin + x * scale, origin + y * scale);
        using var roofOutline = new SKPathBuilder();
        roofOutline.AddPoly([P(0.5f, 0.02f), P(0.98f, 0.30f), P(0.02f, 0.30f)], true);
        using var roof = roofOutline.Snapshot();
        canvas.DrawPath(roof, white);
        canvas.DrawRect(SKRect.Create(P(0.06f, 0.34f), new SKSize(0.88f * scale, 0.06f * scale)), white);
        foreach (var x in new[] { 0.12f, 0.35f, 0.58f, 0.81f })
            canvas.DrawRect(SKRect.Create(P(x, 0.44f), new SKSize(0.07f * scale, 0.36f * scale)), white);
        canvas.DrawRect(SKRect.Create(P(0.04f, 0.84f), new SKSize(0.92f * scale, 0.06f * scale)), white);
        canvas.DrawRect(SKRect.Create(P(0.0f, 0.92f), new SKSize(1.0f * scale, 0.06f * scale)), white);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}

/// <summary>The web app manifest (W3C Web Application Manifest); written in its snake_case member names.</summary>
public sealed record WebAppManifest(
    string Id,
    string Name,
    string ShortName,
    string Description,
    string Lang,
    string StartUrl,
    string Scope,
    string Display,
    string BackgroundColor,
    string ThemeColor,
    IReadOnlyList<WebAppIcon> Icons);

public sealed record WebAppIcon(
    string Src,
    string Sizes,
    string Type,
    string Purpose);
