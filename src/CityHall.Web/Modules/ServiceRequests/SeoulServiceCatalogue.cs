using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>
/// Seoul's Smart Complaint categories as the starting catalogue (20 services, corrections to the places directory and problems with taxi trips), each routed city-wide
/// to a department and given its statutory deadline: 7 working days for grievances, 14 for
/// suggestions and questions on a law, 24 hours for hazards. Added once; staff edit them afterwards.
/// </summary>
public sealed class SeoulServiceCatalogue(AppDbContext db, TimeProvider clock) : IDataSeeder
{
    public int Order => 30;

    private static DeadlineRule Working(int days) => new() { Unit = DeadlineUnit.BusinessDays, Amount = days, Extendable = true };
    // A new rule per service: EF owns each instance with one service.
    private static DeadlineRule Urgent() => new() { Unit = DeadlineUnit.Hours, Amount = 24, Extendable = false };

    private static ServiceAttribute Ask(string service, string code, int order, AttributeDatatype type, bool required, string ko, string en,
        params (string Key, string Ko, string En)[] values) => new()
    {
        ServiceCode = service, Code = code, Order = order, Datatype = type, Required = required, DescriptionKo = ko, DescriptionEn = en,
        Values = values.Select(v => new AttributeValue { Key = v.Key, NameKo = v.Ko, NameEn = v.En }).ToList(),
    };

    internal static IReadOnlyList<(ServiceDefinition Service, string Department)> Services() =>
    [
        (new() { Code = "road-damage", NameKo = "도로 파손", NameEn = "Road damage", Group = "roads", Keywords = "포트홀,pothole,도로,road", Deadline = Working(7),
            Attributes = [Ask("road-damage", "damage_type", 1, AttributeDatatype.SingleValueList, true, "어떤 파손인가요?", "What kind of damage?",
                ("pothole", "포트홀", "Pothole"), ("crack", "균열", "Crack"), ("subsidence", "침하", "Subsidence")),
                Ask("road-damage", "width_cm", 2, AttributeDatatype.Number, false, "대략적인 폭(cm)", "Rough width (cm)")] }, "transport"),
        (new() { Code = "sidewalk-block", NameKo = "보도블록", NameEn = "Sidewalk blocks", Group = "roads", Keywords = "보도,sidewalk,pavement", Deadline = Working(7) }, "transport"),
        (new() { Code = "noise", NameKo = "소음", NameEn = "Noise", Group = "environment", Keywords = "소음,noise,공사,construction", Deadline = Working(7),
            Attributes = [Ask("noise", "source", 1, AttributeDatatype.SingleValueList, true, "소음의 원인", "Source of the noise",
                ("construction", "공사장", "Construction site"), ("business", "영업장", "Business"), ("vehicle", "차량", "Vehicles"), ("other", "기타", "Other")),
                Ask("noise", "heard_at", 2, AttributeDatatype.Datetime, false, "소음을 들은 일시", "When you heard it")] }, "climate-environment"),
        (new() { Code = "dangerous-facility", NameKo = "위험 시설물", NameEn = "Dangerous facilities", Group = "safety", Keywords = "위험,danger,붕괴,collapse", Deadline = Urgent() }, "safety"),
        (new() { Code = "litter", NameKo = "쓰레기 무단투기", NameEn = "Litter and dumping", Group = "environment", Keywords = "쓰레기,litter,투기,dumping", Deadline = Working(7) }, "climate-environment"),
        (new() { Code = "women-safety", NameKo = "여성 안전", NameEn = "Women's safety", Group = "safety", Keywords = "안심,safety,불법촬영,hidden camera", Deadline = Urgent() }, "safety"),
        (new() { Code = "signs", NameKo = "간판·현수막", NameEn = "Signs and banners", Group = "streets", Keywords = "불법광고,banner,간판,sign", Deadline = Working(7) }, "transport"),
        (new() { Code = "subway", NameKo = "지하철", NameEn = "Subway", Group = "transport", Keywords = "지하철,subway,역,station", Deadline = Working(7) }, "transport"),
        (new() { Code = "disability", NameKo = "장애인 편의", NameEn = "Disability access", Group = "welfare", Keywords = "장애인,accessibility,경사로,ramp", Deadline = Working(7),
            Attributes = [Ask("disability", "barriers", 1, AttributeDatatype.MultiValueList, true, "어떤 불편인가요? (여러 개 선택)", "Which barriers? (choose any)",
                ("ramp", "경사로 없음", "No ramp"), ("lift", "승강기 고장", "Lift out of order"), ("tactile", "점자블록 훼손", "Damaged tactile paving"), ("parking", "장애인 주차구역 위반", "Disabled parking misuse"))] }, "welfare"),
        (new() { Code = "other", NameKo = "기타", NameEn = "Other", Group = "other", Keywords = "기타,other", Deadline = Working(14),
            Attributes = [Ask("other", "details", 1, AttributeDatatype.Text, false, "자세한 내용", "Details")] }, "citizen-communication"),
        (new() { Code = "illegal-parking", NameKo = "불법 주정차", NameEn = "Illegal parking", Group = "transport", Keywords = "주차,parking,견인,tow", Deadline = Working(7),
            Attributes = [Ask("illegal-parking", "plate", 1, AttributeDatatype.String, false, "차량 번호", "Number plate")] }, "transport"),
        (new() { Code = "construction-site", NameKo = "대형 공사장", NameEn = "Large construction sites", Group = "safety", Keywords = "공사장,construction,먼지,dust", Deadline = Working(7) }, "safety"),
        (new() { Code = "bus", NameKo = "버스", NameEn = "Buses", Group = "transport", Keywords = "버스,bus,정류장,stop", Deadline = Working(7) }, "transport"),
        (new() { Code = "city-facility", NameKo = "시설물 관리", NameEn = "City facilities", Group = "streets", Keywords = "가로등,streetlight,벤치,bench", Deadline = Working(7) }, "safety"),
        (new() { Code = "sewer", NameKo = "하수도", NameEn = "Sewers", Group = "water", Keywords = "하수구,sewer,악취,smell", Deadline = Working(7) }, "climate-environment"),
        (new() { Code = "river", NameKo = "하천", NameEn = "Rivers and streams", Group = "water", Keywords = "하천,river,한강,hangang", Deadline = Working(7) }, "climate-environment"),
        (new() { Code = "flood-damage", NameKo = "침수 피해", NameEn = "Flood damage", Group = "safety", Keywords = "침수,flood,빗물,rain", Deadline = Urgent() }, "safety"),
        (new() { Code = "radiation", NameKo = "방사능", NameEn = "Radiation", Group = "safety", Keywords = "방사능,radiation", Deadline = Urgent() }, "safety"),
        (new() { Code = "snow-removal", NameKo = "제설", NameEn = "Snow removal", Group = "roads", Keywords = "눈,snow,제설", Deadline = Working(7) }, "transport"),
        (new() { Code = "recurring-ice", NameKo = "상습 결빙", NameEn = "Recurring ice", Group = "roads", Keywords = "결빙,ice,빙판,black ice", Deadline = Working(7) }, "transport"),
        // Filed from a place's page ("this entry is wrong"), so the directory of places is corrected by the people who use it.
        (new() { Code = "place-correction", NameKo = "장소 정보 오류", NameEn = "Wrong place information", Group = "information", Keywords = "장소,place,화장실,toilet,정보,information",
            Deadline = Working(7) }, "citizen-communication"),
        // A citizen asks for a camera where they feel unsafe: the CCTV module shows the open ones on its coverage map beside the gaps.
        (new() { Code = "cctv-new", NameKo = "CCTV 설치 요청", NameEn = "Ask for a CCTV camera", Group = "safety", Keywords = "CCTV,cctv,카메라,camera,방범,안전,safety",
            Deadline = Working(14),
            Attributes = [Ask("cctv-new", "reason", 1, AttributeDatatype.SingleValueList, true, "왜 필요한가요?", "Why is a camera needed here?",
                ("crime", "범죄가 걱정됨", "Crime worries"), ("dark", "어둡고 인적이 드묾", "Dark and deserted"), ("children", "어린이 안전", "Children's safety"),
                ("traffic", "교통 위험", "Traffic danger"), ("dumping", "쓰레기 무단 투기", "Illegal dumping"), ("other", "기타", "Other"))] }, "safety"),
        // Filed from a taxi trip's page ("report a problem"): lost property, overcharging, refusal, driving; the trip's facts are in the description.
        (new() { Code = "taxi-trip", NameKo = "택시 불편", NameEn = "Taxi complaints", Group = "transport", Keywords = "택시,taxi,분실물,lost property,부당요금,overcharging,승차거부,refusal",
            Deadline = Working(7) }, "transport"),
    ];

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        if (await db.Set<ServiceDefinition>().AnyAsync(ct)) return;
        var order = 0;
        foreach (var (service, department) in Services())
        {
            service.Order = ++order;
            service.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            db.Add(service);
            db.Add(new ServiceRoute { ServiceCode = service.Code, DepartmentCode = department });
        }
        await db.SaveChangesAsync(ct);
    }
}
