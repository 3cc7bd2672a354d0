using System.Globalization;
using System.Text;
using CityHall.Web.Platform.City;
using CsvHelper;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Import;

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

/// <summary>The rows of a file a module could use, by the source's id, and those it left out; or why the whole file was refused.</summary>
public sealed record MappedRows<T>(string? Problem, string? Encoding, int Read, IReadOnlyDictionary<string, T> Rows, IReadOnlyList<SkippedRow> Skipped)
{
    public ImportSummary Refusal => ImportSummary.Refused(Problem!, Encoding);
}

/// <summary>One row of the file as its mapping reads it: the cells of the mapped fields, the city's codes, the facts, the point.</summary>
public sealed class MappedRow
{
    private readonly CsvReader csv;
    private readonly CsvMapping mapping;

    internal MappedRow(CsvReader csv, CsvMapping mapping, int line, string id, double latitude, double longitude, string? districtCode)
    {
        this.csv = csv;
        this.mapping = mapping;
        Line = line;
        Id = id;
        Latitude = latitude;
        Longitude = longitude;
        DistrictCode = districtCode;
    }

    public int Line { get; }
    /// <summary>The source's id of the row (its id column, or its <see cref="CsvMapping.IdColumns"/> joined).</summary>
    public string Id { get; }
    public double Latitude { get; }
    public double Longitude { get; }
    /// <summary>The city's district named in the "district" column (in Korean or English), null when none matches.</summary>
    public string? DistrictCode { get; }

    /// <summary>The trimmed cell of a mapped field; null when the field is not mapped or the cell is blank.</summary>
    public string? Cell(string field) => mapping.Fields.TryGetValue(field, out var column) && csv.GetStringOrNull(column) is { } value
        && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A field's cell as the city's code through the mapping's <see cref="CsvMapping.Values"/> (the cell itself when the field has none); null when blank or not a known word.</summary>
    public string? Code(string field)
    {
        if (Cell(field) is not { } cell) return null;
        if (!mapping.Values.TryGetValue(field, out var words)) return cell;
        return words.TryGetValue(cell, out var code) ? code : words.FirstOrDefault(w => string.Equals(w.Key, cell, StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>A yes/no fact; null when the mapping does not read it or the cell is empty.</summary>
    public bool? Flag(string fact) => mapping.Flags.TryGetValue(fact, out var rule) ? rule.Read(csv.GetStringOrNull(rule.Column)) : null;
}

/// <summary>
/// Reads a CSV file through a mapping for any module that imports located records (places, cameras): detects the
/// encoding (UTF-8 with or without a BOM, else CP949/EUC-KR, as Seoul Open Data files usually are), checks the header
/// has the mapped columns, reads every row (quoted line breaks included), and skips the rows no module could use
/// (filtered out, no id, no or unreadable coordinates, outside the city, id repeated) with the line and the reason.
/// The module turns each remaining row into its record or says why it skips it; <see cref="WriteAsync{T}"/> then
/// writes them all or nothing, updating what an earlier import of the same source made.
/// </summary>
public sealed class MappedCsvReader(AppDbContext db, IOptionsMonitor<CityOptions> city, IStringLocalizer<Text> t)
{
    public const int MaxBytes = 50 * 1024 * 1024;

    /// <param name="encodingName">auto, utf-8 or cp949 (euc-kr).</param>
    /// <param name="make">The module's record from a row, or why the row is skipped.</param>
    /// <param name="progress">Rows read so far, now and then.</param>
    public async Task<MappedRows<T>> ReadAsync<T>(Stream file, CsvMapping mapping, string encodingName, Func<MappedRow, (T? Record, string? Skip)> make,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default) where T : class
    {
        var (text, encodingLabel, problem) = await CsvText.ReadAsync(file, encodingName, MaxBytes, t, ct);
        if (text is null) return Refused(problem!);
        // Lines less the header: rows with quoted line breaks make the real count a little smaller.
        var estimated = Math.Max(1, text.AsSpan().Count('\n') - (text.EndsWith('\n') ? 1 : 0));

        using var csv = CsvReader.FromText(text, new CsvReaderOptions
        {
            HasHeader = true, AllowLineBreaksInQuotes = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture,
            MalformedData = CsvMalformedDataHandling.Recover, FieldCountMismatch = CsvFieldCountHandling.Allow, MissingField = CsvMissingFieldHandling.ReturnEmpty,
        });
        try { csv.ReadHeader(); }
        catch (Exception ex) when (ex is not OperationCanceledException) { return Refused(t["Import.NoHeader"], encodingLabel); }
        var header = csv.Headers ?? [];
        var missing = mapping.Columns().Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) return Refused(t["Import.MissingColumns", string.Join(", ", missing)], encodingLabel);

        var districts = (await db.Set<District>().AsNoTracking().ToListAsync(ct))
            .SelectMany(d => new[] { (d.NameKo, d.Code), (d.NameEn, d.Code) }).Where(p => p.Item1.Length > 0)
            .GroupBy(p => p.Item1, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.OrdinalIgnoreCase);
        var bounds = city.CurrentValue.Bounds;
        foreach (var rule in mapping.Flags.Values) rule.Compile();

        var rows = new Dictionary<string, T>(StringComparer.Ordinal);
        var skipped = new List<SkippedRow>();
        var read = 0;
        while (await csv.ReadAsync(ct))
        {
            ct.ThrowIfCancellationRequested();
            read++;
            if (read % 250 == 0) progress?.Report(new(read, estimated, false));
            var line = (int)csv.LineNumber;
            string? Cell(string column) => csv.GetStringOrNull(column) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
            if (mapping.Include is { } include && !include.Values.Contains(Cell(include.Column) ?? "", StringComparer.OrdinalIgnoreCase))
            {
                skipped.Add(new(line, t["Import.Skip.NotInUse", include.Column, string.Join("/", include.Values)]));
                continue;
            }
            var id = mapping.Fields.TryGetValue("sourceId", out var idColumn) ? Cell(idColumn)
                : mapping.IdColumns.Select(Cell).ToList() is var parts && parts.Any(p => p is not null) ? string.Join("|", parts) : null;
            if (id is null) { skipped.Add(new(line, t["Import.Skip.NoId"])); continue; }
            if (!double.TryParse(Cell(mapping.Fields["latitude"]), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(Cell(mapping.Fields["longitude"]), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || !double.IsFinite(lat) || !double.IsFinite(lon))
            {
                skipped.Add(new(line, t["Import.Skip.NoCoordinates"]));
                continue;
            }
            if (!bounds.Contains(lat, lon)) { skipped.Add(new(line, t["Import.Skip.Outside", lat.ToString(CultureInfo.InvariantCulture), lon.ToString(CultureInfo.InvariantCulture)])); continue; }
            if (id.Length > 100) { skipped.Add(new(line, t["Import.Skip.IdTooLong"])); continue; }
            if (rows.ContainsKey(id)) { skipped.Add(new(line, t["Import.Skip.Repeated", id])); continue; }
            var district = mapping.Fields.TryGetValue("district", out var districtColumn) && Cell(districtColumn) is { } d && districts.TryGetValue(d, out var code) ? code : null;
            var (record, skip) = make(new MappedRow(csv, mapping, line, id, lat, lon, district));
            if (record is null) skipped.Add(new(line, skip ?? t["Import.Skip.Unusable"]));
            else rows[id] = record;
        }
        progress?.Report(new(read, Math.Max(read, estimated), true));
        return new MappedRows<T>(null, encodingLabel, read, rows, skipped);

        MappedRows<T> Refused(string problem, string? label = null) => new(problem, label, 0, new Dictionary<string, T>(), []);
    }

    /// <summary>
    /// Writes the rows of one source in one transaction, all or nothing: a record the source made before (same source
    /// id) is updated when it changed, the others are added. The context is the caller's scope's, shared with whoever
    /// runs next in it (the demo seeders): its tracking is restored after.
    /// </summary>
    /// <param name="existing">What earlier imports of the source made, tracked.</param>
    /// <param name="sameAs">Whether the stored record already says what the row says.</param>
    /// <param name="update">Copies the row into the stored record and marks what changed as modified.</param>
    public async Task<ImportSummary> WriteAsync<T>(MappedRows<T> read, IQueryable<T> existing, Func<T, string> sourceIdOf, Func<T, T, bool> sameAs,
        Action<T, T, EntityEntry<T>> update, CancellationToken ct) where T : class
    {
        int created = 0, updated = 0, unchanged = 0;
        // Thousands of rows: changes are marked as they are made instead of being detected by comparing every tracked entity again.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var stored = await existing.ToDictionaryAsync(sourceIdOf, StringComparer.Ordinal, ct);
            var added = new List<T>();
            foreach (var (id, row) in read.Rows)
            {
                if (stored.TryGetValue(id, out var record))
                {
                    if (sameAs(record, row)) { unchanged++; continue; }
                    update(row, record, db.Entry(record));
                    updated++;
                }
                else
                {
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
        return new ImportSummary(null, read.Encoding, read.Read, created, updated, unchanged, read.Skipped);
    }
}
