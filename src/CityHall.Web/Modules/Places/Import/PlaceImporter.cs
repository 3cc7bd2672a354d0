using System.Globalization;
using System.Text.RegularExpressions;
using CityHall.Web.Platform.Import;

namespace CityHall.Web.Modules.Places.Import;

/// <summary>
/// Imports places from a CSV file through a mapping, read by the platform's <see cref="MappedCsvReader"/> (encoding,
/// header, rows skipped with the line and the reason) and written in one transaction — all or nothing. A place is
/// identified by the mapping's source and the row's id: importing the same source again updates. Rows without a
/// name are skipped here; hours are read from the source's text.
/// </summary>
public sealed partial class PlaceImporter(AppDbContext db, MappedCsvReader reader, PlaceIndex index, TimeProvider clock, IStringLocalizer<Text> t)
{
    public const int MaxBytes = MappedCsvReader.MaxBytes;

    /// <param name="encodingName">auto, utf-8 or cp949 (euc-kr).</param>
    /// <param name="progress">Rows read so far, now and then, then once when writing starts.</param>
    public async Task<ImportSummary> ImportAsync(Stream file, string kind, PlaceMapping mapping, string encodingName = "auto",
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!await db.Set<PlaceKind>().AnyAsync(k => k.Code == kind, ct)) return ImportSummary.Refused(t["Places.Import.NoKind", kind]);
        var now = clock.GetUtcNow().UtcDateTime;
        var read = await reader.ReadAsync<Place>(file, mapping, encodingName, row =>
        {
            if (row.Cell("name") is not { } name) return (null, t["Places.Import.Skip.NoName"]);
            var hours = row.Cell("openingHours");
            var (always, opens, closes) = ReadHours(hours);
            return (new Place
            {
                KindCode = kind,
                NameKo = Clip(name, 200)!,
                NameEn = Clip(row.Cell("nameEn"), 200),
                DescriptionKo = Clip(row.Cell("description"), 2000),
                DescriptionEn = Clip(row.Cell("descriptionEn"), 2000),
                DistrictCode = row.DistrictCode,
                RoadAddress = Clip(row.Cell("roadAddress"), 300),
                LotAddress = Clip(row.Cell("lotAddress"), 300),
                Latitude = row.Latitude,
                Longitude = row.Longitude,
                Phone = Clip(row.Cell("phone"), 40),
                Website = row.Cell("website") is { } w && WebAddress.IsValid(w) ? Clip(w, 500) : null,
                OpeningHoursText = Clip(hours, 300),
                AlwaysOpen = always,
                OpensAt = opens,
                ClosesAt = closes,
                Accessibility = new AccessibilityFacts
                {
                    WheelchairAccess = row.Flag("wheelchairAccess"),
                    AccessibleToilet = row.Flag("accessibleToilet"),
                    BabyChanging = row.Flag("babyChanging"),
                    EmergencyBell = row.Flag("emergencyBell"),
                    Cctv = row.Flag("cctv"),
                },
                Source = mapping.Source,
                SourceId = row.Id,
                Attribution = Clip(mapping.Attribution, 300),
                UpdatedAt = now,
            }, null);
        }, progress, ct);
        if (read.Problem is not null) return read.Refusal;

        var summary = await reader.WriteAsync(read, db.Set<Place>().Where(p => p.Source == mapping.Source), p => p.SourceId!, SameAs, (row, place, entry) =>
        {
            Copy(row, place);
            place.UpdatedAt = now;
            entry.State = EntityState.Modified;
            entry.Reference(p => p.Accessibility).TargetEntry!.State = EntityState.Modified;
        }, ct);
        await index.RebuildAsync(ct); // the import ends when "near me" shows it
        return summary;
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
