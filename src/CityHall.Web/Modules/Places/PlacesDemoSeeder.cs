using CityHall.Web.Modules.Places.Import;
using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Places;

/// <summary>
/// The demo city's places (Seed:Demo): Seoul's real public toilets from the shipped Smart Seoul Map file (through the
/// importer, as staff would), Seoul's landmarks as tourist spots at their real positions, and around each landmark a
/// few made-up restaurants, model restaurants, WiFi zones, a heat shelter and a car park, each saying it was made up.
/// Adds only what is missing, so it can run at every start.
/// </summary>
public sealed class PlacesDemoSeeder(AppDbContext db, PlaceImporter importer, PlaceIndex index, IWebHostEnvironment env, TimeProvider clock,
    ILogger<PlacesDemoSeeder> logger) : IDataSeeder
{
    public const string Source = "cityhall-demo";
    public const string ToiletsFile = "seoul-public-toilets.csv";

    /// <summary>After the kinds of place (40).</summary>
    public int Order => 45;

    /// <summary>Seoul's landmarks: name, district code, position (WGS84), road address.</summary>
    internal static readonly (string Ko, string En, string District, double Lat, double Lon, string? Road)[] Landmarks =
    [
        ("경복궁", "Gyeongbokgung Palace", "11110", 37.5796, 126.9770, "사직로 161"),
        ("창덕궁", "Changdeokgung Palace", "11110", 37.5794, 126.9910, "율곡로 99"),
        ("창경궁", "Changgyeonggung Palace", "11110", 37.5789, 126.9948, "창경궁로 185"),
        ("북촌한옥마을", "Bukchon Hanok Village", "11110", 37.5826, 126.9831, "계동길 37"),
        ("인사동", "Insadong", "11110", 37.5740, 126.9856, "인사동길 62"),
        ("광화문광장", "Gwanghwamun Square", "11110", 37.5725, 126.9769, "세종대로 172"),
        ("낙산공원", "Naksan Park", "11110", 37.5805, 127.0075, "낙산길 41"),
        ("서울광장", "Seoul Plaza", "11140", 37.5658, 126.9779, "세종대로 110"),
        ("덕수궁", "Deoksugung Palace", "11140", 37.5658, 126.9751, "세종대로 99"),
        ("명동", "Myeong-dong", "11140", 37.5636, 126.9827, null),
        ("남대문시장", "Namdaemun Market", "11140", 37.5592, 126.9776, null),
        ("청계천", "Cheonggyecheon Stream", "11140", 37.5693, 126.9788, null),
        ("동대문디자인플라자", "Dongdaemun Design Plaza", "11140", 37.5665, 127.0092, "을지로 281"),
        ("N서울타워", "N Seoul Tower", "11170", 37.5512, 126.9882, "남산공원길 105"),
        ("국립중앙박물관", "National Museum of Korea", "11170", 37.5239, 126.9803, "서빙고로 137"),
        ("이태원", "Itaewon", "11170", 37.5345, 126.9946, null),
        ("서울숲", "Seoul Forest", "11200", 37.5444, 127.0374, "뚝섬로 273"),
        ("북서울꿈의숲", "Dream Forest", "11305", 37.6206, 127.0409, "월계로 173"),
        ("서대문형무소역사관", "Seodaemun Prison History Hall", "11410", 37.5742, 126.9562, "통일로 251"),
        ("홍대 걷고싶은거리", "Hongdae Walking Street", "11440", 37.5563, 126.9236, null),
        ("월드컵공원", "World Cup Park", "11440", 37.5681, 126.8972, null),
        ("여의도한강공원", "Yeouido Hangang Park", "11560", 37.5284, 126.9341, "여의동로 330"),
        ("63빌딩", "63 Building", "11560", 37.5198, 126.9403, "63로 50"),
        ("노량진수산시장", "Noryangjin Fish Market", "11590", 37.5133, 126.9400, "노들로 674"),
        ("가로수길", "Garosu-gil", "11680", 37.5208, 127.0230, null),
        ("코엑스", "COEX", "11680", 37.5118, 127.0592, "영동대로 513"),
        ("롯데월드타워", "Lotte World Tower", "11710", 37.5126, 127.1025, "올림픽로 300"),
        ("올림픽공원", "Olympic Park", "11710", 37.5206, 127.1214, "올림픽로 424"),
    ];

    private static readonly (string Ko, string En)[] Dishes =
    [
        ("칼국수", "Kalguksu"), ("비빔밥", "Bibimbap"), ("설렁탕", "Seolleongtang"), ("김밥", "Gimbap"), ("냉면", "Naengmyeon"),
        ("순두부", "Sundubu"), ("삼계탕", "Samgyetang"), ("떡볶이", "Tteokbokki"), ("한정식", "Korean table d'hôte"), ("만두", "Mandu"),
    ];

    private const string MadeUpKo = "데모 도시를 위해 만든 장소입니다. 실제 영업 정보가 아닙니다.";
    private const string MadeUpEn = "A place made up for the demo city, not a real business.";

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        if (!includeDemo) return;
        await ImportToiletsAsync(ct);
        var known = (await db.Set<Place>().Where(p => p.Source == Source).Select(p => p.SourceId!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var place in Generate(clock.GetUtcNow().UtcDateTime))
        {
            if (known.Contains(place.SourceId!)) continue;
            db.Add(place);
            added++;
        }
        if (added == 0) return;
        await db.SaveChangesAsync(ct);
        await index.RebuildAsync(ct);
        logger.LogInformation("Demo city: {Count} places added around Seoul's landmarks", added);
    }

    private async Task ImportToiletsAsync(CancellationToken ct)
    {
        var (mapping, problem) = PlaceMapping.Load("seoul-smart-map-toilets");
        if (mapping is null) throw new InvalidOperationException(problem);
        if (await db.Set<Place>().AnyAsync(p => p.Source == mapping.Source, ct)) return;
        await using var file = SeedFiles.Open(env, "Places", ToiletsFile);
        var summary = await importer.ImportAsync(file, "public-toilet", mapping, ct: ct);
        if (!summary.Succeeded) throw new InvalidOperationException($"The demo city's toilets were not imported: {summary.Problem}");
        logger.LogInformation("Demo city: {Created} public toilets imported from {File} ({Skipped} rows skipped)", summary.Created, ToiletsFile, summary.Skipped.Count);
    }

    /// <summary>The same places every time (a fixed seed), so a second run finds them all by their source ids.</summary>
    internal static IEnumerable<Place> Generate(DateTime now)
    {
        var random = new Random(2011);
        for (var i = 0; i < Landmarks.Length; i++)
        {
            var (ko, en, district, lat, lon, road) = Landmarks[i];
            yield return new Place
            {
                KindCode = "tourist-spot", NameKo = ko, NameEn = en, DistrictCode = district, Latitude = lat, Longitude = lon,
                RoadAddress = road is null ? null : "서울특별시 " + road, AlwaysOpen = false, OpeningHoursText = null,
                Source = Source, SourceId = $"landmark-{i}", Attribution = "CityHall demo", UpdatedAt = now,
            };
            Place Near(string kind, string id, string nameKo, string nameEn, TimeOnly? opens, TimeOnly? closes) => new()
            {
                KindCode = kind, NameKo = nameKo, NameEn = nameEn, DescriptionKo = MadeUpKo, DescriptionEn = MadeUpEn, DistrictCode = district,
                // Within about 500 m of the landmark.
                Latitude = Math.Round(lat + (random.NextDouble() - 0.5) * 0.009, 6), Longitude = Math.Round(lon + (random.NextDouble() - 0.5) * 0.011, 6),
                AlwaysOpen = opens is null, OpensAt = opens, ClosesAt = closes,
                Source = Source, SourceId = $"{id}-{i}", Attribution = "CityHall demo", UpdatedAt = now,
            };
            for (var n = 0; n < 4; n++)
            {
                var (dishKo, dishEn) = Dishes[random.Next(Dishes.Length)];
                yield return Near("restaurant", $"restaurant{n}", $"{ko} {dishKo} {n + 1}호점", $"{dishEn} near {en} ({n + 1})", new(11, 0), new(21, 0));
            }
            for (var n = 0; n < 2; n++)
            {
                var (dishKo, dishEn) = Dishes[random.Next(Dishes.Length)];
                yield return Near("model-restaurant", $"model{n}", $"{ko} 모범 {dishKo}집 {n + 1}", $"Model restaurant: {dishEn} near {en} ({n + 1})", new(10, 30), new(22, 0));
            }
            for (var n = 0; n < 2; n++)
                yield return Near("wifi-zone", $"wifi{n}", $"{ko} 공공 와이파이 {n + 1}", $"Public WiFi at {en} ({n + 1})", null, null);
            yield return Near("shelter", "shelter", $"{ko} 무더위쉼터", $"Heat shelter near {en}", new(9, 0), new(18, 0));
            yield return Near("facility", "parking", $"{ko} 공영주차장", $"Public car park near {en}", null, null);
        }
    }
}
