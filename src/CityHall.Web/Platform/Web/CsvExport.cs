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

    /// <summary>A time in the file: ISO 8601 with its offset, empty when there is none.</summary>
    public static string Time(DateTimeOffset? t) => t?.ToString("O", CultureInfo.InvariantCulture) ?? "";

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
