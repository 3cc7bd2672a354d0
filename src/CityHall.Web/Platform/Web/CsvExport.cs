using System.Globalization;
using System.Text;
using CsvHelper;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// One way to hand a table out as CSV (CsvHelper): a header row, the rows, and a UTF-8 byte-order
/// mark so spreadsheet programs read Korean as Korean. Staff open these files in a spreadsheet and
/// their fields hold what citizens typed: a field a spreadsheet would run as a formula ("=…") is
/// written as text.
/// </summary>
public static class CsvExport
{
    public static byte[] ToBytes(IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            foreach (var header in headers) csv.WriteField(header);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var field in row) csv.WriteField(field);
                csv.EndRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// The one way a time is written in the city's files — staff exports, open datasets, the catalogue:
    /// ISO 8601 in UTC to the second ("2026-11-27T10:15:00Z"); empty when there is none.
    /// </summary>
    public static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The same for a UTC <see cref="DateTime"/> as entities keep them.</summary>
    public static string Time(DateTime? utc) => Time(utc is { } u ? new DateTimeOffset(DateTime.SpecifyKind(u, DateTimeKind.Utc)) : null);

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
