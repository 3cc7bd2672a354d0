using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace CityHall.Tests.News;

/// <summary>
/// Real documents of each kind a post may carry, made here with the libraries that write them (PdfPig, the Open XML
/// SDK) or, for Hancom's formats, laid out as their published specifications describe (HWPX: a zip with its mimetype
/// and section XML; HWP 5: a compound file with a FileHeader stream and a deflated BodyText section).
/// </summary>
public static class TestDocuments
{
    /// <summary>A one-page PDF (the standard fonts write ASCII only).</summary>
    public static byte[] Pdf(string text)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText(text, 12, new PdfPoint(50, 750), font);
        return builder.Build();
    }

    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Word.Document(new Word.Body(paragraphs.Select(p => new Word.Paragraph(new Word.Run(new Word.Text(p))))));
        }
        return stream.ToArray();
    }

    /// <summary>A workbook of one sheet: a header row of shared strings, then the rows as inline numbers and strings.</summary>
    public static byte[] Xlsx(string sheetName, string[] header, params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(header.Select(h => new SharedStringItem(new Text(h))));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData(new Row(header.Select((_, i) => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) })));
            foreach (var row in rows) data.Append(new Row(row.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v)) })));
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
        }
        return stream.ToArray();
    }

    public static byte[] Hwpx(params string[] paragraphs) => Zip(("mimetype", "application/hwp+zip"), ("Contents/section0.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><hs:sec xmlns:hs=\"http://www.hancom.co.kr/hwpml/2011/section\" xmlns:hp=\"http://www.hancom.co.kr/hwpml/2011/paragraph\">"
        + string.Concat(paragraphs.Select(p => $"<hp:p><hp:run><hp:t>{System.Security.SecurityElement.Escape(p)}</hp:t></hp:run></hp:p>")) + "</hs:sec>"));

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        return stream.ToArray();
    }

    /// <summary>
    /// An HWP 5 document: paragraphs as PARA_TEXT records (the first with a table control, eight code units, inside it)
    /// deflated into BodyText/Section0, and the FileHeader saying "compressed". Without <paramref name="signature"/>
    /// the FileHeader says something else: a compound file that is not HWP.
    /// </summary>
    public static byte[] Hwp(string[] paragraphs, bool signature = true)
    {
        var header = new byte[256];
        Encoding.ASCII.GetBytes(signature ? "HWP Document File" : "Not a Hangul file").CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(32), 0x05000300);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(36), 1);
        var records = new MemoryStream();
        foreach (var (paragraph, i) in paragraphs.Select((p, i) => (p, i)))
        {
            var units = new List<char>();
            if (i == 0) units.AddRange([(char)11, 't', 'b', 'l', ' ', (char)0, (char)0, (char)11]);
            units.AddRange(paragraph);
            units.Add('\r');
            var payload = Encoding.Unicode.GetBytes(units.ToArray());
            var recordHeader = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(recordHeader, 67u | (0u << 10) | ((uint)payload.Length << 20));
            records.Write(recordHeader);
            records.Write(payload);
        }
        var section = new MemoryStream();
        using (var deflate = new DeflateStream(section, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(records.ToArray());
        return CompoundFile([("FileHeader", header), ("Section0", section.ToArray())]);
    }

    /// <summary>
    /// A version 3 compound file (512-byte sectors) whose streams are all small enough for the mini stream: header,
    /// one FAT sector, one directory sector (root, the first stream, a "BodyText" storage holding the rest), one mini
    /// FAT sector, then the mini stream.
    /// </summary>
    private static byte[] CompoundFile((string Name, byte[] Content)[] streams)
    {
        const uint End = 0xFFFFFFFE, Free = 0xFFFFFFFF, FatSector = 0xFFFFFFFD;
        var mini = new MemoryStream();
        var miniFat = new List<uint>();
        var starts = new List<uint>();
        foreach (var (_, content) in streams)
        {
            var first = (uint)miniFat.Count;
            starts.Add(first);
            var count = (content.Length + 63) / 64;
            for (var i = 0; i < count; i++) miniFat.Add(i == count - 1 ? End : first + (uint)i + 1);
            mini.Write(content);
            mini.Write(new byte[count * 64 - content.Length]);
        }
        var miniBytes = mini.ToArray();
        var miniSectors = (miniBytes.Length + 511) / 512;
        var file = new byte[512 * (4 + miniSectors)];
        var h = file.AsSpan(0, 512);
        ReadOnlySpan<byte> sig = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        sig.CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x3C..], 2);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x40..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x44..], End);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x4C..], 0);
        for (var i = 1; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(h[(0x4C + 4 * i)..], Free);

        Span<byte> Sector(int n) => file.AsSpan(512 * (n + 1), 512);
        var fat = Sector(0);
        for (var i = 0; i < 128; i++) BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * i)..], Free);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, FatSector);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], End);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[8..], End);
        for (var i = 0; i < miniSectors; i++) BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * (3 + i))..], i == miniSectors - 1 ? End : (uint)(4 + i));

        var directoryOffset = 512 * 2;
        void Entry(int index, string name, byte type, uint child, uint right, uint start, long size)
        {
            var e = file.AsSpan(directoryOffset + 128 * index, 128);
            Encoding.Unicode.GetBytes(name).CopyTo(e);
            BinaryPrimitives.WriteUInt16LittleEndian(e[0x40..], (ushort)((name.Length + 1) * 2));
            e[0x42] = type;
            e[0x43] = 1;
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x44..], Free);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x48..], right);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x4C..], child);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x74..], start);
            BinaryPrimitives.WriteUInt64LittleEndian(e[0x78..], (ulong)size);
        }
        Entry(0, "Root Entry", 5, 1, Free, 3, miniBytes.Length);
        Entry(1, streams[0].Name, 2, Free, 2, starts[0], streams[0].Content.Length);
        Entry(2, "BodyText", 1, 3, Free, 0, 0);
        Entry(3, streams[1].Name, 2, Free, Free, starts[1], streams[1].Content.Length);

        var miniFatSector = Sector(2);
        for (var i = 0; i < 128; i++) BinaryPrimitives.WriteUInt32LittleEndian(miniFatSector[(4 * i)..], i < miniFat.Count ? miniFat[i] : Free);
        miniBytes.CopyTo(file.AsSpan(512 * 4));
        return file;
    }
}
