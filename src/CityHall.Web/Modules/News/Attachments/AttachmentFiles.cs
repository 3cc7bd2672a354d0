using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace CityHall.Web.Modules.News.Attachments;

/// <summary>The documents a post may carry: what Korean administrations publish notices in.</summary>
public enum AttachmentKind { Pdf, Hwp, Hwpx, Docx, Xlsx }

public enum AttachmentProblem { Empty, TooLarge, UnknownExtension, NotWhatItSays }

/// <summary>A document that is what its name says: its kind, its SHA-256, and its text for reading in the page when one could be read.</summary>
public sealed record CheckedAttachment(AttachmentKind Kind, string Sha256, string? Text);

/// <summary>
/// Tells a document by its content, never by its name alone: the extension names the kind claimed, and the bytes must
/// be that kind as its reader sees it — a PDF opens in PdfPig, a DOCX or XLSX in the Open XML SDK with its main part,
/// an HWPX is a zip whose "mimetype" says application/hwp+zip, an HWP is a compound file whose FileHeader stream
/// begins "HWP Document File" (the format Hancom publishes). On the way the text is read out, as far as
/// <see cref="TextChars"/>, so the page can show it to those who cannot open the file (a screen reader, a phone
/// without a viewer for HWP). Packed formats are read as streams and stopped early, never unpacked whole.
/// </summary>
public static class AttachmentFiles
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int TextChars = 100_000;
    /// <summary>How much a packed document may unpack to before it is refused (a zip bomb is not a notice).</summary>
    private const long MaxUnpackedBytes = 400L * 1024 * 1024;

    private static readonly Dictionary<string, AttachmentKind> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = AttachmentKind.Pdf, [".hwp"] = AttachmentKind.Hwp, [".hwpx"] = AttachmentKind.Hwpx,
        [".docx"] = AttachmentKind.Docx, [".xlsx"] = AttachmentKind.Xlsx,
    };

    public static string ContentType(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Hwp => "application/x-hwp",
        AttachmentKind.Hwpx => "application/hwp+zip",
        AttachmentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>The kind a file name claims (by its extension), or null for one not accepted.</summary>
    public static AttachmentKind? Claimed(string fileName) => Extensions.TryGetValue(Path.GetExtension(fileName), out var kind) ? kind : null;

    public static (CheckedAttachment? File, AttachmentProblem? Problem) Check(string fileName, byte[] bytes)
    {
        if (Claimed(fileName) is not { } kind) return (null, AttachmentProblem.UnknownExtension);
        if (bytes.Length == 0) return (null, AttachmentProblem.Empty);
        if (bytes.Length > MaxBytes) return (null, AttachmentProblem.TooLarge);
        bool isKind;
        string? text;
        try
        {
            (isKind, text) = kind switch
            {
                AttachmentKind.Pdf => ReadPdf(bytes),
                AttachmentKind.Hwp => ReadHwp(bytes),
                AttachmentKind.Hwpx => ReadHwpx(bytes),
                AttachmentKind.Docx => ReadDocx(bytes),
                _ => ReadXlsx(bytes),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A reader that fails on the bytes (PdfPig's own exceptions, System.IO.Packaging's FileFormatException,
            // a zip entry that does not inflate, XML that does not parse) is the bytes not being that kind.
            isKind = false;
            text = null;
        }
        if (!isKind) return (null, AttachmentProblem.NotWhatItSays);
        text = text?.Trim();
        return (new CheckedAttachment(kind, Convert.ToHexStringLower(SHA256.HashData(bytes)), string.IsNullOrEmpty(text) ? null : text), null);
    }

    /// <summary>Collects text up to the limit; a reader stops as soon as it is full.</summary>
    private sealed class TextCollector
    {
        private readonly StringBuilder text = new();
        public bool Full => text.Length >= TextChars;
        public void Add(string? s) { if (!Full && s is not null) text.Append(s.AsSpan(0, Math.Min(s.Length, TextChars - text.Length))); }
        public void Add(char c) { if (!Full) text.Append(c); }
        public void EndLine() { if (!Full && text.Length > 0 && text[^1] != '\n') text.Append('\n'); }
        public override string ToString() => text.ToString();
    }

    private static (bool, string?) ReadPdf(byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith("%PDF-"u8)) return (false, null);
        using var document = PdfDocument.Open(bytes);
        var text = new TextCollector();
        foreach (var page in document.GetPages())
        {
            if (text.Full) break;
            text.Add(ContentOrderTextExtractor.GetText(page));
            text.EndLine();
        }
        return (true, text.ToString());
    }

    /// <summary>A zip whose entries together unpack to no more than the limit; null for anything else.</summary>
    private static ZipArchive? OpenZip(byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith("PK\x03\x04"u8)) return null;
        try
        {
            var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Sum(e => e.Length) <= MaxUnpackedBytes) return zip;
            zip.Dispose();
        }
        catch (InvalidDataException)
        {
        }
        return null;
    }

    private static (bool, string?) ReadDocx(byte[] bytes)
    {
        using (var zip = OpenZip(bytes)) if (zip?.GetEntry("[Content_Types].xml") is null) return (false, null);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
        if (document.MainDocumentPart is not { } main) return (false, null);
        var text = new TextCollector();
        using var reader = OpenXmlReader.Create(main);
        while (!text.Full && reader.Read())
        {
            if (reader.ElementType == typeof(Word.Text) && reader.IsStartElement) text.Add(reader.GetText());
            else if (reader.ElementType == typeof(Word.TabChar) && reader.IsStartElement) text.Add('\t');
            else if (reader.ElementType == typeof(Word.Paragraph) && reader.IsEndElement) text.EndLine();
        }
        return (true, text.ToString());
    }

    private static (bool, string?) ReadXlsx(byte[] bytes)
    {
        using (var zip = OpenZip(bytes)) if (zip?.GetEntry("[Content_Types].xml") is null) return (false, null);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false);
        if (document.WorkbookPart is not { } workbook) return (false, null);
        var text = new TextCollector();
        // Shared strings, as far as the text could need them (a cell names one by its index).
        var shared = new List<string>();
        if (workbook.SharedStringTablePart is { } strings)
        {
            using var reader = OpenXmlReader.Create(strings);
            while (shared.Count < TextChars && reader.Read())
                if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement) shared.Add(((SharedStringItem)reader.LoadCurrentElement()!).InnerText);
        }
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (text.Full) break;
            if (sheet.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart part) continue;
            text.Add("# " + sheet.Name?.Value);
            text.EndLine();
            using var reader = OpenXmlReader.Create(part);
            while (!text.Full && reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                text.Add(string.Join('\t', row.Elements<Cell>().Select(c => CellText(c, shared))));
                text.EndLine();
            }
        }
        return (true, text.ToString());
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var value = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        return cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count
            ? shared[i] : value;
    }

    private static (bool, string?) ReadHwpx(byte[] bytes)
    {
        using var zip = OpenZip(bytes);
        if (zip?.GetEntry("mimetype") is not { } mimetype || mimetype.Length > 100) return (false, null);
        using (var reader = new StreamReader(mimetype.Open(), Encoding.ASCII))
            if (reader.ReadToEnd().Trim() != "application/hwp+zip") return (false, null);
        var text = new TextCollector();
        var sections = zip.Entries.Where(e => e.FullName.StartsWith("Contents/section", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .OrderBy(e => e.FullName.Length).ThenBy(e => e.FullName, StringComparer.Ordinal);
        foreach (var section in sections)
        {
            using var xml = XmlReader.Create(section.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (!text.Full && xml.Read())
            {
                // hp:t holds a run's text; hp:p is a paragraph.
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t" && !xml.IsEmptyElement) text.Add(xml.ReadElementContentAsString());
                if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "p") text.EndLine();
            }
        }
        return (true, text.ToString());
    }

    private static (bool, string?) ReadHwp(byte[] bytes)
    {
        if (CompoundFile.Open(bytes) is not { } cfb || cfb.Read("FileHeader", 4096) is not { Length: >= 40 } header
            || !header.AsSpan().StartsWith("HWP Document File"u8))
            return (false, null);
        // Properties: bit 0 the body is deflated, bit 1 it is locked by a password, bit 2 a distribution copy (its text encrypted).
        var properties = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(36));
        if ((properties & 0b110) != 0) return (true, null);
        var text = new TextCollector();
        var sections = cfb.StreamNames("Section").Where(n => int.TryParse(n.AsSpan(7), out _)).OrderBy(n => int.Parse(n.AsSpan(7), System.Globalization.CultureInfo.InvariantCulture));
        foreach (var name in sections)
        {
            if (text.Full || cfb.Read(name, MaxBytes) is not { } stored) break;
            try
            {
                var body = (properties & 1) != 0 ? Inflate(stored) : stored;
                HwpText(body, text);
            }
            catch (InvalidDataException)
            {
                // The container was right; a section that does not unpack only costs the text.
                break;
            }
        }
        return (true, text.ToString());
    }

    private static byte[] Inflate(byte[] deflated)
    {
        using var inflater = new DeflateStream(new MemoryStream(deflated, writable: false), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = inflater.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
            if (output.Length > MaxUnpackedBytes / 8) break;
        }
        return output.ToArray();
    }

    /// <summary>
    /// The paragraphs' text of an HWP body section: records of a 32-bit header (tag, level, size; a size of 0xFFF is
    /// followed by the real one), of which PARA_TEXT (tag 67) holds UTF-16 text. Control characters below 32 take one
    /// code unit (line and paragraph ends, hyphens and fixed spaces) or eight (tabs and inline or extended controls,
    /// such as tables and fields, whose contents come in their own records).
    /// </summary>
    private static void HwpText(ReadOnlySpan<byte> body, TextCollector text)
    {
        const int ParaText = 67;
        var at = 0;
        while (at + 4 <= body.Length && !text.Full)
        {
            var header = BinaryPrimitives.ReadUInt32LittleEndian(body[at..]);
            at += 4;
            var (tag, size) = ((int)(header & 0x3FF), (int)(header >> 20));
            if (size == 0xFFF)
            {
                if (at + 4 > body.Length) return;
                size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(body[at..]), int.MaxValue);
                at += 4;
            }
            if (size < 0 || at + (long)size > body.Length) return;
            if (tag == ParaText)
            {
                var units = body.Slice(at, size);
                for (var i = 0; i + 1 < units.Length;)
                {
                    var c = (char)BinaryPrimitives.ReadUInt16LittleEndian(units[i..]);
                    if (c >= 32) { text.Add(c); i += 2; continue; }
                    switch (c)
                    {
                        case '\n' or '\r': text.EndLine(); i += 2; break;
                        case (char)24: text.Add('-'); i += 2; break;
                        case (char)30 or (char)31: text.Add(' '); i += 2; break;
                        case (char)0 or (char)25 or (char)26 or (char)27 or (char)28 or (char)29: i += 2; break;
                        case '\t': text.Add('\t'); i += 16; break;
                        default: i += 16; break;
                    }
                }
                text.EndLine();
            }
            at += size;
        }
    }
}
