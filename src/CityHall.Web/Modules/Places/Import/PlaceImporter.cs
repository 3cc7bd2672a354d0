using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CityHall.Web.Platform.City;
using CsvHelper;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Places.Import;

/// <summary>How far an import is: rows read so far, of about how many (lines in the file), and whether it is now writing.</summary>
public readonly record struct ImportProgress(int Read, int EstimatedRows, bool Writing);

/// <summary>A row left out, with its line in the file and why.</summary>
public sealed record SkippedRow(int Line, string Reason);

/// <summary>What an import did; <see cref="Problem"/> set when the whole file was refused (then nothing was written).</summary>
public sealed record ImportSummary(string? Problem, string? Encoding, int Read, int Created, int Updated, int Unchanged, IReadOnlyList<SkippedRow> Skipped)
{
    public static ImportSummary Refused(string problem, string? encoding = null) => new(problem, encoding, 0, 0, 0, 0, []);
    public bool Succeeded => Problem is null;
}

/// <summary>
/// Imports places from a CSV file through a mapping: detects the encoding (UTF-8 with or without a
/// BOM, else CP949/EUC-KR, as Seoul Open Data files usually are), checks the header has the
/// mapped columns, reads every row (quoted line breaks included), skips rows it cannot use with
/// the line and the reason, and writes the rest in one transaction — all or nothing. A place is
/// identified by the mapping's source and the row's id: importing the same source again updates.
/// </summary>
public sealed partial class PlaceImporter(AppDbContext db, PlaceIndex index, IOptionsMonitor<CityOptions> city, TimeProvider clock, IStringLocalizer<Text> t)
{
    public const int MaxBytes = 50 * 1024 * 1024;

    static PlaceImporter() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="encodingName">auto, utf-8 or cp949 (euc-kr).</param>
    /// <param name="progress">Rows read so far, now and then, then once when writing starts.</param>
    public async Task<ImportSummary> ImportAsync(Stream file, string kind, PlaceMapping mapping, string encodingName = "auto",
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!await db.Set<PlaceKind>().AnyAsync(k => k.Code == kind, ct)) return ImportSummary.Refused(t["Places.Import.NoKind", kind]);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) return ImportSummary.Refused(t["Places.Import.Empty"]);
        if (buffer.Length > MaxBytes) return ImportSummary.Refused(t["Places.Import.TooLarge", MaxBytes / (1024 * 1024)]);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Contains((byte)0)) return ImportSummary.Refused(t["Places.Import.Binary"]);
        var (encoding, encodingProblem) = Detect(bytes, encodingName, t);
        if (encoding is null) return ImportSummary.Refused(encodingProblem!);
        var text = encoding.GetString(bytes.StartsWith(Encoding.UTF8.Preamble) && encoding.CodePage == 65001 ? bytes[3..] : bytes);
        var encodingLabel = encoding.CodePage == 65001 ? "utf-8" : "cp949";
        // Lines less the header: rows with quoted line breaks make the real count a little smaller.
        var estimated = Math.Max(1, bytes.Count((byte)'\n') - (bytes[^1] == (byte)'\n' ? 1 : 0));

        using var csv = CsvReader.FromText(text, new CsvReaderOptions
        {
            HasHeader = true, AllowLineBreaksInQuotes = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture,
            MalformedData = CsvMalformedDataHandling.Recover, FieldCountMismatch = CsvFieldCountHandling.Allow, MissingField = CsvMissingFieldHandling.ReturnEmpty,
        });
        try { csv.ReadHeader(); }
        catch (Exception ex) when (ex is not OperationCanceledException) { return ImportSummary.Refused(t["Places.Import.NoHeader"], encodingLabel); }
        var header = csv.Headers ?? [];
        var missing = mapping.Columns().Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) return ImportSummary.Refused(t["Places.Import.MissingColumns", string.Join(", ", missing)], encodingLabel);

        var districts = (await db.Set<District>().AsNoTracking().ToListAsync(ct))
            .SelectMany(d => new[] { (d.NameKo, d.Code), (d.NameEn, d.Code) }).Where(p => p.Item1.Length > 0)
            .GroupBy(p => p.Item1, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.OrdinalIgnoreCase);
        var bounds = city.CurrentValue.Bounds;
        foreach (var rule in mapping.Flags.Values) rule.Compile();

        var rows = new Dictionary<string, Place>(StringComparer.Ordinal);
        var skipped = new List<SkippedRow>();
        var read = 0;
        while (await csv.ReadAsync(ct))
        {
            ct.ThrowIfCancellationRequested();
            read++;
            if (read % 250 == 0) progress?.Report(new(read, estimated, false));
            var line = (int)csv.LineNumber;
            string? Cell(string field) => mapping.Fields.TryGetValue(field, out var column) && csv.GetStringOrNull(column) is { } value
                && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
            if (mapping.Include is { } include && !include.Values.Contains(csv.GetStringOrNull(include.Column)?.Trim() ?? "", StringComparer.OrdinalIgnoreCase))
            {
                skipped.Add(new(line, t["Places.Import.Skip.NotInUse", include.Column, string.Join("/", include.Values)]));
                continue;
            }
            var id = Cell("sourceId");
            var name = Cell("name");
            if (id is null) { skipped.Add(new(line, t["Places.Import.Skip.NoId"])); continue; }
            if (name is null) { skipped.Add(new(line, t["Places.Import.Skip.NoName"])); continue; }
            if (!double.TryParse(Cell("latitude"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(Cell("longitude"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                skipped.Add(new(line, t["Places.Import.Skip.NoCoordinates"]));
                continue;
            }
            if (!bounds.Contains(lat, lon)) { skipped.Add(new(line, t["Places.Import.Skip.Outside", lat.ToString(CultureInfo.InvariantCulture), lon.ToString(CultureInfo.InvariantCulture)])); continue; }
            if (id.Length > 100) { skipped.Add(new(line, t["Places.Import.Skip.IdTooLong"])); continue; }
            if (rows.ContainsKey(id)) { skipped.Add(new(line, t["Places.Import.Skip.Repeated", id])); continue; }

            var hours = Cell("openingHours");
            var (always, opens, closes) = ReadHours(hours);
            rows[id] = new Place
            {
                KindCode = kind,
                NameKo = Clip(name, 200)!,
                NameEn = Clip(Cell("nameEn"), 200),
                DescriptionKo = Clip(Cell("description"), 2000),
                DescriptionEn = Clip(Cell("descriptionEn"), 2000),
                DistrictCode = Cell("district") is { } d && districts.TryGetValue(d, out var code) ? code : null,
                RoadAddress = Clip(Cell("roadAddress"), 300),
                LotAddress = Clip(Cell("lotAddress"), 300),
                Latitude = lat,
                Longitude = lon,
                Phone = Clip(Cell("phone"), 40),
                Website = Cell("website") is { } w && WebAddress.IsValid(w) ? Clip(w, 500) : null,
                OpeningHoursText = Clip(hours, 300),
                AlwaysOpen = always,
                OpensAt = opens,
                ClosesAt = closes,
                Accessibility = new AccessibilityFacts
                {
                    WheelchairAccess = Flag("wheelchairAccess"),
                    AccessibleToilet = Flag("accessibleToilet"),
                    BabyChanging = Flag("babyChanging"),
                    EmergencyBell = Flag("emergencyBell"),
                    Cctv = Flag("cctv"),
                },
                Source = mapping.Source,
                SourceId = id,
                Attribution = Clip(mapping.Attribution, 300),
            };

            bool? Flag(string fact) => mapping.Flags.TryGetValue(fact, out var rule) ? rule.Read(csv.GetStringOrNull(rule.Column)) : null;
        }
        progress?.Report(new(read, Math.Max(read, estimated), true));

        // All or nothing: one transaction for every place of the file.
        var now = clock.GetUtcNow().UtcDateTime;
        // Thousands of rows: changes are marked as they are made instead of being detected by comparing every tracked
        // entity again. The context is the scope's, shared with whoever runs next in it (the demo seeders): restored after.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        int created = 0, updated = 0, unchanged = 0;
        try
        {
            var existing = await db.Set<Place>().Where(p => p.Source == mapping.Source).ToDictionaryAsync(p => p.SourceId!, StringComparer.Ordinal, ct);
            var added = new List<Place>();
            foreach (var (id, row) in rows)
            {
                if (existing.TryGetValue(id, out var place))
                {
                    if (SameAs(place, row)) { unchanged++; continue; }
                    Copy(row, place);
                    place.UpdatedAt = now;
                    db.Entry(place).State = EntityState.Modified;
                    db.Entry(place).Reference(p => p.Accessibility).TargetEntry!.State = EntityState.Modified;
                    updated++;
                }
                else
                {
                    row.UpdatedAt = now;
                    added.Add(row);
                    created++;
                }
            }
            db.AddRange(added);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        await index.RebuildAsync(ct); // the import ends when "near me" shows it
        return new ImportSummary(null, encodingLabel, read, created, updated, unchanged, skipped);
    }

    private static (Encoding? Encoding, string? Problem) Detect(ReadOnlySpan<byte> bytes, string name, IStringLocalizer t)
    {
        switch (name.ToLowerInvariant())
        {
            case "utf-8" or "utf8": return (new UTF8Encoding(false, true), null);
            case "cp949" or "euc-kr" or "ks_c_5601-1987": return (Encoding.GetEncoding(949), null);
            case "auto": break;
            default: return (null, t["Places.Import.UnknownEncoding", name]);
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

    [GeneratedRegex(@"^\s*(\d{1,2})\s*[:시]\s*(\d{2})?\s*분?\s*[~\-–]\s*(\d{1,2})\s*[:시]\s*(\d{2})?")]
    private static partial Regex DailyHours();

    /// <summary>"24시간", "24시", "상시" → always; "09:00~18:00", "9시~18시" → daily hours; anything else is kept as text only.</summary>
    internal static (bool Always, TimeOnly? Opens, TimeOnly? Closes) ReadHours(string? text)
    {
        if (text is null) return (false, null, null);
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        if (compact.StartsWith("24시", StringComparison.Ordinal) || compact is "24" or "상시" or "연중무휴24시간" || compact.StartsWith("00:00~24:00", StringComparison.Ordinal))
            return (true, null, null);
        if (DailyHours().Match(text) is { Success: true } m)
        {
            var (oh, om, ch, cm) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0,
                int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), m.Groups[4].Success ? int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) : 0);
            if (oh <= 24 && ch <= 24 && om < 60 && cm < 60)
            {
                if (oh % 24 == ch % 24 && om == cm) return (true, null, null);
                return (false, new TimeOnly(oh % 24, om), new TimeOnly(ch % 24, cm));
            }
        }
        return (false, null, null);
    }

    private static string? Clip(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];

    private static bool SameAs(Place a, Place b) =>
        a.KindCode == b.KindCode && a.NameKo == b.NameKo && a.NameEn == b.NameEn && a.DescriptionKo == b.DescriptionKo && a.DescriptionEn == b.DescriptionEn
        && a.DistrictCode == b.DistrictCode && a.RoadAddress == b.RoadAddress && a.LotAddress == b.LotAddress && a.Latitude.Equals(b.Latitude)
        && a.Longitude.Equals(b.Longitude) && a.Phone == b.Phone && a.Website == b.Website && a.OpeningHoursText == b.OpeningHoursText
        && a.AlwaysOpen == b.AlwaysOpen && a.OpensAt == b.OpensAt && a.ClosesAt == b.ClosesAt && a.Attribution == b.Attribution
        && a.Accessibility.WheelchairAccess == b.Accessibility.WheelchairAccess && a.Accessibility.AccessibleToilet == b.Accessibility.AccessibleToilet
        && a.Accessibility.BabyChanging == b.Accessibility.BabyChanging && a.Accessibility.EmergencyBell == b.Accessibility.EmergencyBell
        && a.Accessibility.Cctv == b.Accessibility.Cctv;

    private static void Copy(Place from, Place to)
    {
        to.KindCode = from.KindCode; to.NameKo = from.NameKo; to.NameEn = from.NameEn; to.DescriptionKo = from.DescriptionKo; to.DescriptionEn = from.DescriptionEn;
        to.DistrictCode = from.DistrictCode; to.RoadAddress = from.RoadAddress; to.LotAddress = from.LotAddress; to.Latitude = from.Latitude; to.Longitude = from.Longitude;
        to.Phone = from.Phone; to.Website = from.Website; to.OpeningHoursText = from.OpeningHoursText; to.AlwaysOpen = from.AlwaysOpen;
        to.OpensAt = from.OpensAt; to.ClosesAt = from.ClosesAt; to.Attribution = from.Attribution;
        // Field by field: the facts are owned by the tracked place, not replaced by another instance.
        to.Accessibility.WheelchairAccess = from.Accessibility.WheelchairAccess; to.Accessibility.AccessibleToilet = from.Accessibility.AccessibleToilet;
        to.Accessibility.BabyChanging = from.Accessibility.BabyChanging; to.Accessibility.EmergencyBell = from.Accessibility.EmergencyBell;
        to.Accessibility.Cctv = from.Accessibility.Cctv;
    }
}
