using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Awards;

/// <summary>
/// An awarded entry's certificate: one A4 landscape page, written with PDFsharp in English (the network's working
/// language, so the same paper serves every city) in Noto Sans, embedded. Public once the edition is announced, like
/// the results, at /network/awards/entries/{reference}/certificate.pdf.
/// </summary>
public sealed class AwardCertificates(AppDbContext db, IOptionsMonitor<CityNetworkOptions> options, IWebHostEnvironment environment, IStringLocalizer<Text> t)
{
    public async Task<byte[]?> WriteAsync(string reference, CancellationToken ct)
    {
        var entry = await db.Set<AwardEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Reference == reference && e.Status == EntryStatus.Awarded, ct);
        if (entry is null) return null;
        var edition = await db.Set<AwardEdition>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entry.EditionId && e.AnnouncedAt != null, ct);
        if (edition is null) return null;
        var category = await db.Set<AwardCategory>().AsNoTracking().FirstAsync(c => c.Id == entry.CategoryId, ct);
        CertificateFonts.Register(environment.WebRootFileProvider);

        var english = CultureInfo.GetCultureInfo("en-US");
        return InCulture.Run(english, () =>
        {
            var document = new PdfDocument();
            document.Info.Title = $"{t["Network.Awards.Pdf.Title"]} {entry.Reference}";
            document.Info.Author = options.CurrentValue.Name.En;
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            page.Orientation = PdfSharp.PageOrientation.Landscape;
            using (var gfx = XGraphics.FromPdfPage(page))
            {
                var (width, height) = (page.Width.Point, page.Height.Point);
                var frame = new XPen(XColor.FromArgb(6, 58, 116), 3);
                gfx.DrawRectangle(frame, 28, 28, width - 56, height - 56);
                var text = new XTextFormatter(gfx) { Alignment = XParagraphAlignment.Center };
                var y = 70.0;
                void Line(string words, double size, bool bold, double space)
                {
                    var font = new XFont(CertificateFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
                    var lines = Math.Max(1, (int)Math.Ceiling(gfx.MeasureString(words, font).Width / (width - 160)));
                    var box = new XRect(80, y, width - 160, lines * size * 1.35);
                    text.DrawString(words, font, XBrushes.Black, box);
                    y += box.Height + space;
                }
                Line(options.CurrentValue.Name.En, 14, false, 18);
                Line($"{edition.Year} {edition.Title}", 20, true, 28);
                Line(t["Network.Awards.Pdf.Title"], 34, true, 24);
                Line(t["Network.Awards.Pdf.AwardedTo"], 13, false, 8);
                Line(entry.CityName, 28, true, 6);
                if (entry.VendorName is { } vendor) Line(t["Network.Awards.Pdf.WithVendor", vendor], 13, false, 6);
                Line(t["Network.Awards.Pdf.For"], 13, false, 8);
                Line(entry.Title, 18, true, 18);
                Line(t["Network.Awards.Pdf.Category", category.Name], 14, false, 30);
                var announced = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(edition.AnnouncedAt!.Value, DateTimeKind.Utc), AwardTimes.Find(edition.TimeZone) ?? TimeZoneInfo.Utc);
                Line(announced.ToString("d MMMM yyyy", english), 12, false, 4);
                Line(t["Network.Awards.Pdf.Reference", entry.Reference], 9, false, 0);
            }
            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            return output.ToArray();
        });
    }

    public static void Map(WebApplication app) =>
        app.MapGet("/network/awards/entries/{reference}/certificate.pdf", async Task<IResult> (string reference, AwardCertificates certificates, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Length > 32 || await certificates.WriteAsync(reference, ct) is not { } pdf) return TypedResults.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.File(pdf, "application/pdf", $"certificate-{reference}.pdf");
        }).ExcludeFromDescription();
}

/// <summary>
/// PDFsharp's fonts: on Linux it reads no system fonts, so it is given Noto Sans (regular and bold TrueType, copied by
/// the build from npm) through its process-wide resolver, set once for every app in the process.
/// </summary>
internal sealed class CertificateFonts(byte[] regular, byte[] bold) : IFontResolver
{
    public const string Family = "Noto Sans";
    private static readonly Lock Gate = new();
    private static bool registered;

    public static void Register(Microsoft.Extensions.FileProviders.IFileProvider files)
    {
        lock (Gate)
        {
            if (registered) return;
            byte[] Read(string name)
            {
                var file = files.GetFileInfo("lib/noto-sans/" + name);
                if (!file.Exists) throw new InvalidOperationException($"lib/noto-sans/{name} is missing: the build copies it from the npm package @expo-google-fonts/noto-sans.");
                using var stream = file.CreateReadStream();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }
            GlobalFontSettings.FontResolver = new CertificateFonts(Read("NotoSans_400Regular.ttf"), Read("NotoSans_700Bold.ttf"));
            registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "NotoSans-Bold" : "NotoSans-Regular");

    public byte[]? GetFont(string faceName) => faceName == "NotoSans-Bold" ? bold : regular;
}
