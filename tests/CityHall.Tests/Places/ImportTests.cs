using CityHall.Web.Platform.Import;
using System.Text;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Places;
using CityHall.Web.Modules.Places.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Places;

/// <summary>The Smart Seoul Map toilets file imports whole and field by field; a re-import updates; broken files and rows are reported, never half-imported.</summary>
public sealed class ImportTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    /// <summary>The Smart Seoul Map toilets file, kept beside the tests (the same as ../shared/data's) so a clean clone can run them.</summary>
    internal static readonly string SeoulToilets = Path.Combine(AppContext.BaseDirectory, "Modules", "Places", "Seed", "seoul-public-toilets.csv");

    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private async Task<ImportSummary> ImportAsync(byte[] bytes, string kind = "public-toilet", string mapping = "seoul-smart-map-toilets", string encoding = "auto")
    {
        var (map, problem) = PlaceMapping.Load(mapping);
        Assert.True(map is not null, problem);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlaceImporter>().ImportAsync(new MemoryStream(bytes), kind, map!, encoding);
    }

    private Task<Place> PlaceAsync(string sourceId) =>
        app.WithDbAsync(db => db.Set<Place>().AsNoTracking().SingleAsync(p => p.Source == "seoul-smart-map" && p.SourceId == sourceId));

    [Fact]
    public async Task The_shipped_seoul_file_imports_every_row_and_a_second_import_changes_nothing()
    {
        var bytes = await File.ReadAllBytesAsync(SeoulToilets);
        var first = await ImportAsync(bytes);
        Assert.True(first.Succeeded, first.Problem);
        Assert.Equal("cp949", first.Encoding);
        Assert.Equal(4586, first.Read); // 4,990 lines: some names and hours break across lines inside quotes
        Assert.Empty(first.Skipped); // every row has coordinates inside Seoul
        Assert.Equal(4586, first.Created);

        var police = await PlaceAsync("testgu09-0015");
        Assert.Equal(("강북경찰서 화장실(본관 1층)", "public-toilet", "11305"), (police.NameKo, police.KindCode, police.DistrictCode));
        Assert.Equal(("오패산로 406", "강북구 번동 415-15", "944-4432"), (police.RoadAddress, police.LotAddress, police.Phone));
        Assert.Equal((37.63743761, 127.0273084), (police.Latitude, police.Longitude));
        Assert.Equal(("24시간", true), (police.OpeningHoursText, police.AlwaysOpen));
        Assert.Equal((true, true, false), (police.Accessibility.Cctv, police.Accessibility.AccessibleToilet, police.Accessibility.EmergencyBell));
        Assert.Contains("KOGL", police.Attribution, StringComparison.Ordinal);

        var school = await PlaceAsync("testgu09-0014");
        Assert.Equal((true, (bool?)null), (school.Accessibility.EmergencyBell, school.Accessibility.AccessibleToilet));
        var station = await PlaceAsync("restsa09_0077"); // 무악재역: hours in words across two lines, counts of each fixture
        Assert.Equal(("무악재역", "11410"), (station.NameKo, station.DistrictCode));
        Assert.Equal((false, (TimeOnly?)null), (station.AlwaysOpen, station.OpensAt));
        Assert.StartsWith("정시", station.OpeningHoursText, StringComparison.Ordinal);
        Assert.Equal((true, true), (station.Accessibility.BabyChanging, station.Accessibility.EmergencyBell));

        var again = await ImportAsync(bytes);
        Assert.Equal((0, 0, 4586), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(4586, await app.WithDbAsync(db => db.Set<Place>().CountAsync(p => p.Source == "seoul-smart-map" && !p.SourceId!.StartsWith("broken-"))));

        // The same file saved as UTF-8 with a BOM, one name changed: one update, nothing duplicated.
        var text = Encoding.GetEncoding(949).GetString(bytes).Replace("미아지구대", "미아지구대 화장실", StringComparison.Ordinal);
        var utf8 = await ImportAsync([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        Assert.Equal(("utf-8", 0, 1), (utf8.Encoding, utf8.Created, utf8.Updated));
        Assert.Equal("미아지구대 화장실", (await PlaceAsync("testgu09-0017")).NameKo);
    }

    [Fact]
    public async Task Bad_rows_are_skipped_with_their_line_and_reason_and_bad_files_are_refused_whole()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US"); // the messages checked below are the English ones
        var header = "Contents_ID,Use,Contents_name,Subcategory_name,시군,구명,도로명주소,지번주소,키워드,다국어,경도,위도,공간객체타입,라인색상,라인패턴,라인두께,전화번호,웹URL,동영상웹링크URL,음성파일웹링크URL,사진정보1,사진정보2,사진정보3,사진정보4,사진정보5,유형,개방시간,소재지용도,변기현황,장애인화장실,기타설비";
        string Row(string id, string name, string lon, string lat, string hours = "09:00~18:00") => $"{id},Y,{name},,,종로구,종로 1,종로구 종로1가 1,,KOR,{lon},{lat},1,,,,02-120,,,,,,,,,공중화장실,{hours},,,,";
        var csv = string.Join("\n", header,
            Row("broken-1", "좋은 화장실", "126.9780", "37.5665"),
            Row("broken-2", "", "126.9780", "37.5665"),
            Row("broken-3", "좌표 없는 화장실", "", ""),
            Row("broken-4", "부산 화장실", "129.0756", "35.1796"),
            Row("broken-1", "같은 번호", "126.9780", "37.5665"),
            Row("broken-5", "밤 화장실", "126.9790", "37.5670", "22:00~06:00"));
        var summary = await ImportAsync(Encoding.UTF8.GetBytes(csv));
        Assert.True(summary.Succeeded, summary.Problem);
        Assert.Equal((6, 2), (summary.Read, summary.Created));
        Assert.Equal([(3, "no name"), (4, "no coordinates")], summary.Skipped.Take(2).Select(s => (s.Line, s.Reason)));
        Assert.StartsWith("coordinates outside the city", summary.Skipped[2].Reason, StringComparison.Ordinal);
        Assert.Equal((6, "the id broken-1 appears again"), (summary.Skipped[3].Line, summary.Skipped[3].Reason));
        var night = await PlaceAsync("broken-5");
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(6, 0)), (night.OpensAt!.Value, night.ClosesAt!.Value));

        var before = await app.WithDbAsync(db => db.Set<Place>().CountAsync());
        Assert.Equal("The file is empty.", (await ImportAsync([])).Problem);
        Assert.Contains("binary", (await ImportAsync([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])).Problem, StringComparison.Ordinal);
        Assert.Contains("Unknown encoding", (await ImportAsync(Encoding.UTF8.GetBytes(csv), encoding: "latin-9")).Problem, StringComparison.Ordinal);
        Assert.Contains("Contents_ID", (await ImportAsync(Encoding.UTF8.GetBytes("name,lat,lon\n화장실,37.5,127.0"))).Problem, StringComparison.Ordinal);
        Assert.Contains("no kind", (await ImportAsync(Encoding.UTF8.GetBytes(csv), kind: "castle")).Problem, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Place>().CountAsync()));
        Assert.Null(PlaceMapping.Load("no-such-preset").Mapping);
    }
}

/// <summary>The command line, on a database of its own (it imports the whole file).</summary>
public sealed class ImportVerbTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static readonly string SeoulToilets = ImportTests.SeoulToilets;

    [Fact]
    public async Task The_command_line_imports_and_says_what_it_did_and_refuses_with_a_nonzero_exit()
    {
        _ = app.Services; // the app has started once: database migrated, kinds seeded
        var (code, output) = await Verbs.RunAsync(app, "import", "places", SeoulToilets, "--kind", "public-toilet");
        Assert.True(code == 0, output);
        Assert.Contains("4,586 rows read (cp949)", output, StringComparison.Ordinal);
        var empty = Path.GetTempFileName();
        var (refused, why) = await Verbs.RunAsync(app, "import", "places", empty, "--kind", "public-toilet");
        Assert.Equal(1, refused);
        Assert.Contains("빈 파일입니다.", why, StringComparison.Ordinal); // the shell has no LANG here: the neutral resources, Korean
        File.Delete(empty);
    }
}
