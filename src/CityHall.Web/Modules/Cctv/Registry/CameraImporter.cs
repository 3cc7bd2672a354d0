using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Import;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Cctv.Registry;

/// <summary>
/// Imports camera sites from a CSV file (Seoul's and Korea's published camera lists) through a <see cref="CameraMapping"/>,
/// read by the platform's <see cref="MappedCsvReader"/> like places: all or nothing, rows skipped with the line and
/// the reason, a source's rows updated by their id on the next import. Every camera of the file is the given
/// department's; its district is the one named, or else the one its point lies in. A row whose purpose is not one
/// the mapping knows is skipped (a camera's purpose decides what the public may see of it).
/// </summary>
public sealed class CameraImporter(AppDbContext db, MappedCsvReader reader, DistrictMap districts, TimeProvider clock, IStringLocalizer<Text> t)
{
    public async Task<ImportSummary> ImportAsync(Stream file, string departmentCode, CameraMapping mapping, string encodingName = "auto",
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!await db.Set<Department>().AnyAsync(d => d.Code == departmentCode, ct)) return ImportSummary.Refused(t["Cctv.Import.NoDepartment", departmentCode]);
        var now = clock.GetUtcNow().UtcDateTime;
        var read = await reader.ReadAsync<Camera>(file, mapping, encodingName, row =>
        {
            if (CameraPurposes.Parse(row.Code("purpose")) is not { } purpose) return (null, t["Cctv.Import.Skip.Purpose", row.Cell("purpose") ?? ""]);
            var (direction, angle) = ViewReading.Read(row.Cell("view"));
            return (new Camera
            {
                Code = Clip(row.Cell("code"), 40) ?? CameraCodes.For(mapping.Source, row.Id),
                Latitude = row.Latitude,
                Longitude = row.Longitude,
                DistrictCode = row.DistrictCode ?? districts.DistrictAt(row.Latitude, row.Longitude),
                Address = Clip(row.Cell("address"), Camera.AddressMax),
                LotAddress = Clip(row.Cell("lotAddress"), Camera.AddressMax),
                Purpose = purpose,
                DepartmentCode = departmentCode,
                OperatorName = Clip(row.Cell("operatorName"), Camera.OperatorMax),
                OperatorContact = Clip(row.Cell("operatorContact"), Camera.ContactMax),
                Count = Whole(row.Cell("count")) is >= 1 and <= 1000 and var count ? count : 1,
                InstalledOn = ReadMonth(row.Cell("installedOn")),
                ViewDirection = Whole(row.Cell("viewDirection")) is >= 0 and < 360 and var d ? d : direction,
                ViewAngle = Whole(row.Cell("viewAngle")) is >= 1 and <= 360 and var a ? a : angle,
                ViewText = Clip(row.Cell("view"), Camera.ViewTextMax),
                RetentionDays = Whole(row.Cell("retentionDays")) is >= 0 and <= 3650 and var days ? days : null,
                Notice = Clip(row.Cell("notice"), Camera.NoticeMax),
                Source = mapping.Source,
                SourceId = row.Id,
                Attribution = Clip(mapping.Attribution, 300),
                UpdatedAt = now,
            }, null);
        }, progress, ct);
        if (read.Problem is not null) return read.Refusal;
        // The same camera code twice (a mapping's "code" column repeating, or two ids hashing alike) would break the
        // file's write at the end: refused here with the lines instead.
        if (read.Rows.Values.GroupBy(c => c.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return ImportSummary.Refused(t["Cctv.Import.CodeTwice", twice.Key], read.Encoding);

        // Only what the source says is copied: the recorder, the health and the code staff may have given stay.
        return await reader.WriteAsync(read, db.Set<Camera>().Where(c => c.Source == mapping.Source), c => c.SourceId!, SameAs, (row, camera, entry) =>
        {
            Copy(row, camera);
            camera.UpdatedAt = now;
            entry.State = EntityState.Modified;
        }, ct);
    }

    private static int? Whole(string? cell) =>
        cell is not null && double.TryParse(cell.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
            && n is >= int.MinValue and <= int.MaxValue ? (int)Math.Round(n) : null;

    /// <summary>"2015-03", "2015.03", "201503", "2015-03-12", "2015년 3월": the month's first day; null when unreadable.</summary>
    internal static DateOnly? ReadMonth(string? cell)
    {
        if (cell is null) return null;
        var digits = new string(cell.Where(char.IsAsciiDigit).ToArray());
        var parts = cell.Split(['-', '.', '/', '년', '월', ' '], StringSplitOptions.RemoveEmptyEntries);
        int year, month;
        if (parts.Length >= 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out year) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out month)) { }
        else if (digits.Length is 6 or 8 && digits == cell.Trim()) (year, month) = (int.Parse(digits[..4], CultureInfo.InvariantCulture), int.Parse(digits[4..6], CultureInfo.InvariantCulture));
        else if (digits.Length == 4 && digits == cell.Trim()) (year, month) = (int.Parse(digits, CultureInfo.InvariantCulture), 1);
        else return null;
        return year is >= 1950 and <= 2100 && month is >= 1 and <= 12 ? new DateOnly(year, month, 1) : null;
    }

    private static string? Clip(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];

    private static bool SameAs(Camera a, Camera b) =>
        a.Latitude.Equals(b.Latitude) && a.Longitude.Equals(b.Longitude) && a.DistrictCode == b.DistrictCode && a.Address == b.Address && a.LotAddress == b.LotAddress
        && a.Purpose == b.Purpose && a.DepartmentCode == b.DepartmentCode && a.OperatorName == b.OperatorName && a.OperatorContact == b.OperatorContact
        && a.Count == b.Count && a.InstalledOn == b.InstalledOn && a.ViewDirection == b.ViewDirection && a.ViewAngle == b.ViewAngle && a.ViewText == b.ViewText
        && a.RetentionDays == b.RetentionDays && a.Notice == b.Notice && a.Attribution == b.Attribution;

    private static void Copy(Camera from, Camera to)
    {
        to.Latitude = from.Latitude; to.Longitude = from.Longitude; to.DistrictCode = from.DistrictCode; to.Address = from.Address; to.LotAddress = from.LotAddress;
        to.Purpose = from.Purpose; to.DepartmentCode = from.DepartmentCode; to.OperatorName = from.OperatorName; to.OperatorContact = from.OperatorContact;
        to.Count = from.Count; to.InstalledOn = from.InstalledOn; to.ViewDirection = from.ViewDirection; to.ViewAngle = from.ViewAngle; to.ViewText = from.ViewText;
        to.RetentionDays = from.RetentionDays; to.Notice = from.Notice; to.Attribution = from.Attribution;
    }
}

/// <summary>Camera codes: "CAM-" and ten characters of Crockford's base 32 (<see cref="PublicReference.Alphabet"/>), derived from the source's id for imported cameras (so the same file gives the same codes on any installation) or random.</summary>
public static class CameraCodes
{

    public static string For(string source, string sourceId) => Encode(SHA256.HashData(Encoding.UTF8.GetBytes(source + "\n" + sourceId)));

    public static string New() => Encode(RandomNumberGenerator.GetBytes(10));

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        Span<char> code = stackalloc char[10];
        for (var i = 0; i < code.Length; i++) code[i] = PublicReference.Alphabet[bytes[i] & 31];
        return "CAM-" + new string(code);
    }
}

/// <summary>
/// A camera's view from the source's words: "360", "360도", "전방위", "전방면" → all around; a compass point in Korean
/// or English ("북동", "북동측", "NE", "north-east") → that direction, the width unknown.
/// </summary>
public static class ViewReading
{
    private static readonly (string Word, int Degrees)[] Points =
    [
        ("북동", 45), ("북서", 315), ("남동", 135), ("남서", 225), ("북", 0), ("남", 180), ("동", 90), ("서", 270),
        ("north-east", 45), ("northeast", 45), ("north-west", 315), ("northwest", 315), ("south-east", 135), ("southeast", 135),
        ("south-west", 225), ("southwest", 225), ("north", 0), ("south", 180), ("east", 90), ("west", 270),
    ];

    private static readonly (string Word, int Degrees)[] Letters = [("NE", 45), ("NW", 315), ("SE", 135), ("SW", 225), ("N", 0), ("S", 180), ("E", 90), ("W", 270)];

    public static (int? Direction, int? Angle) Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var value = text.Trim();
        if (value.Contains("360", StringComparison.Ordinal) || value.Contains("전방위", StringComparison.Ordinal) || value.Contains("전방면", StringComparison.Ordinal)
            || value.Contains("회전", StringComparison.Ordinal))
            return (null, 360);
        foreach (var (word, degrees) in Points)
            if (value.Contains(word, StringComparison.OrdinalIgnoreCase)) return (degrees, null);
        foreach (var (letters, degrees) in Letters)
            if (string.Equals(value, letters, StringComparison.OrdinalIgnoreCase)) return (degrees, null);
        return (null, null);
    }
}

/// <summary><c>import cameras FILE --department CODE [--mapping PRESET|FILE] [--encoding auto|cp949|utf-8]</c>.</summary>
public sealed class CamerasFileImport : IFileImport
{
    public string What => "cameras";
    public string Into => "the department every camera of the file belongs to (e.g. safety)";
    public string IntoAlias => "--department";
    public IEnumerable<string> Presets() => CameraMapping.Presets();
    public string DefaultPreset => "korea-cctv-standard";

    public async Task<ImportSummary> ImportAsync(IServiceProvider services, Stream file, string into, string mapping, string encoding,
        IProgress<ImportProgress> progress, CancellationToken ct)
    {
        var (map, problem) = CameraMapping.Load(mapping);
        if (map is null) return ImportSummary.Refused(problem!);
        return await services.GetRequiredService<CameraImporter>().ImportAsync(file, into, map, encoding, progress, ct);
    }
}
