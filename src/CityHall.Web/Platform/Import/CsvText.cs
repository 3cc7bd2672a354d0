using System.Text;

namespace CityHall.Web.Platform.Import;

/// <summary>
/// A CSV file's bytes as text: refused when empty, too large or binary; decoded as UTF-8 (with or without a
/// byte-order mark) or, when it is not valid UTF-8, as CP949 — the encoding of most Korean public data — unless the
/// uploader named the encoding.
/// </summary>
public static class CsvText
{
    static CsvText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encodings an uploader may name ("auto" detects).</summary>
    public static readonly string[] EncodingNames = ["auto", "utf-8", "cp949"];

    /// <returns>The text and the encoding it was read in ("utf-8" or "cp949"), or why the file is refused.</returns>
    public static async Task<(string? Text, string? Encoding, string? Problem)> ReadAsync(Stream file, string encodingName, int maxBytes, IStringLocalizer t,
        CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) return (null, null, t["Import.Empty"]);
        if (buffer.Length > maxBytes) return (null, null, t["Import.TooLarge", maxBytes / (1024 * 1024)]);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Contains((byte)0)) return (null, null, t["Import.Binary"]);
        var (encoding, problem) = Detect(bytes, encodingName, t);
        if (encoding is null) return (null, null, problem);
        var text = encoding.GetString(bytes.StartsWith(Encoding.UTF8.Preamble) && encoding.CodePage == 65001 ? bytes[3..] : bytes);
        return (text, encoding.CodePage == 65001 ? "utf-8" : "cp949", null);
    }

    private static (Encoding? Encoding, string? Problem) Detect(ReadOnlySpan<byte> bytes, string name, IStringLocalizer t)
    {
        switch (name.ToLowerInvariant())
        {
            case "utf-8" or "utf8": return (new UTF8Encoding(false, true), null);
            case "cp949" or "euc-kr" or "ks_c_5601-1987": return (Encoding.GetEncoding(949), null);
            case "auto": break;
            default: return (null, t["Import.UnknownEncoding", name]);
        }
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) return (new UTF8Encoding(false, true), null);
        try
        {
            new UTF8Encoding(false, true).GetCharCount(bytes);
            return (new UTF8Encoding(false, true), null);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: Korean public data is CP949 (a superset of EUC-KR).
            return (Encoding.GetEncoding(949), null);
        }
    }
}
