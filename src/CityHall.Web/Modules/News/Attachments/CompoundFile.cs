using System.Buffers.Binary;
using System.Text;

namespace CityHall.Web.Modules.News.Attachments;

/// <summary>
/// Reads streams out of a Compound File Binary file (MS-CFB, the container of HWP 5 documents and of old Office files),
/// as far as telling an HWP file by its content and reading its text needs: the header, the sector allocation table
/// (with its DIFAT continuation), the directory, and the mini stream for small streams. No .NET library for it is on
/// the package feed. Every chain is bounded by the file's sector count, so a crafted file cannot loop or overrun; a
/// file that does not hold together is simply not a compound file (null).
/// </summary>
public sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE, FreeSector = 0xFFFFFFFF;
    private static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private readonly byte[] file;
    private readonly int sectorSize, miniSectorSize;
    private readonly uint miniCutoff;
    private readonly uint[] fat, miniFat;
    private readonly List<Entry> entries;
    private readonly byte[] miniStream;

    private sealed record Entry(string Name, byte Type, uint Start, long Size);

    public static bool HasSignature(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>The compound file in these bytes, or null when they are not one that holds together.</summary>
    public static CompoundFile? Open(byte[] bytes)
    {
        if (bytes.Length < 512 || !HasSignature(bytes)) return null;
        try
        {
            return new CompoundFile(bytes);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private CompoundFile(byte[] bytes)
    {
        file = bytes;
        var header = bytes.AsSpan(0, 512);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x1E..]);
        var miniShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x20..]);
        if (sectorShift is not (9 or 12) || miniShift != 6) throw new InvalidDataException("sector sizes");
        sectorSize = 1 << sectorShift;
        miniSectorSize = 1 << miniShift;
        miniCutoff = BinaryPrimitives.ReadUInt32LittleEndian(header[0x38..]);
        var sectors = (bytes.Length - sectorSize) / sectorSize + 1;

        // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
        var fatSectors = new List<uint>();
        var fatCount = BinaryPrimitives.ReadUInt32LittleEndian(header[0x2C..]);
        if (fatCount > sectors) throw new InvalidDataException("FAT count");
        for (var i = 0; i < 109 && fatSectors.Count < fatCount; i++) fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(header[(0x4C + 4 * i)..]));
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(header[0x44..]);
        for (var hops = 0; fatSectors.Count < fatCount && difat < EndOfChain; hops++)
        {
            if (hops > sectors) throw new InvalidDataException("DIFAT loop");
            var sector = Sector(difat);
            for (var i = 0; i < sectorSize / 4 - 1 && fatSectors.Count < fatCount; i++) fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector[(4 * i)..]));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector[(sectorSize - 4)..]);
        }
        fat = new uint[fatSectors.Count * (sectorSize / 4)];
        for (var s = 0; s < fatSectors.Count; s++)
        {
            var sector = Sector(fatSectors[s]);
            for (var i = 0; i < sectorSize / 4; i++) fat[s * (sectorSize / 4) + i] = BinaryPrimitives.ReadUInt32LittleEndian(sector[(4 * i)..]);
        }

        var directory = ReadChain(BinaryPrimitives.ReadUInt32LittleEndian(header[0x30..]), long.MaxValue);
        entries = [];
        for (var offset = 0; offset + 128 <= directory.Length; offset += 128)
        {
            var entry = directory.AsSpan(offset, 128);
            var nameBytes = Math.Clamp(BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]) - 2, 0, 62);
            entries.Add(new Entry(Encoding.Unicode.GetString(entry[..(nameBytes & ~1)]), entry[0x42],
                BinaryPrimitives.ReadUInt32LittleEndian(entry[0x74..]), (long)(BinaryPrimitives.ReadUInt64LittleEndian(entry[0x78..]) & 0xFFFFFFFF)));
        }
        if (entries.Count == 0 || entries[0].Type != 5) throw new InvalidDataException("root");
        miniStream = entries[0].Size > 0 ? ReadChain(entries[0].Start, entries[0].Size) : [];
        var miniFatBytes = BinaryPrimitives.ReadUInt32LittleEndian(header[0x40..]) > 0
            ? ReadChain(BinaryPrimitives.ReadUInt32LittleEndian(header[0x3C..]), long.MaxValue) : [];
        miniFat = new uint[miniFatBytes.Length / 4];
        for (var i = 0; i < miniFat.Length; i++) miniFat[i] = BinaryPrimitives.ReadUInt32LittleEndian(miniFatBytes.AsSpan(4 * i));
    }

    /// <summary>The names of the streams whose name starts so (HWP's "Section0", "Section1"… in their storage).</summary>
    public IEnumerable<string> StreamNames(string prefix) =>
        entries.Where(e => e.Type == 2 && e.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e.Name);

    /// <summary>A stream's bytes by its name (anywhere in the file), up to <paramref name="maxBytes"/>; null when there is none.</summary>
    public byte[]? Read(string name, long maxBytes)
    {
        var entry = entries.FirstOrDefault(e => e.Type == 2 && e.Name == name);
        if (entry is null || entry.Size > maxBytes) return null;
        try
        {
            return entry.Size < miniCutoff ? ReadMiniChain(entry.Start, entry.Size) : ReadChain(entry.Start, entry.Size);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private ReadOnlySpan<byte> Sector(uint n)
    {
        var offset = ((long)n + 1) * sectorSize;
        if (offset + sectorSize > file.Length) throw new InvalidDataException("sector past the end");
        return file.AsSpan((int)offset, sectorSize);
    }

    private byte[] ReadChain(uint start, long size)
    {
        using var output = new MemoryStream();
        for (var (n, hops) = (start, 0); n < EndOfChain && output.Length < size; n = fat[n], hops++)
        {
            if (n >= fat.Length || hops > fat.Length) throw new InvalidDataException("chain");
            output.Write(Sector(n));
        }
        if (size != long.MaxValue && output.Length < size) throw new InvalidDataException("short stream");
        var bytes = output.ToArray();
        return size == long.MaxValue ? bytes : bytes[..(int)size];
    }

    private byte[] ReadMiniChain(uint start, long size)
    {
        var output = new byte[size];
        var written = 0;
        for (var (n, hops) = (start, 0); n != EndOfChain && n != FreeSector && written < size; n = miniFat[n], hops++)
        {
            var offset = (long)n * miniSectorSize;
            var take = (int)Math.Min(miniSectorSize, size - written);
            if (n >= miniFat.Length || hops > miniFat.Length || offset + take > miniStream.Length) throw new InvalidDataException("mini chain");
            miniStream.AsSpan((int)offset, take).CopyTo(output.AsSpan(written));
            written += take;
        }
        if (written < size) throw new InvalidDataException("short mini stream");
        return output;
    }
}
