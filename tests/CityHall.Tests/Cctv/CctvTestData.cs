using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Cctv;
using CityHall.Web.Modules.Cctv.Status;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Cctv;

/// <summary>The app on a clock the tests move (outages are found by time), starting a Monday morning in Seoul.</summary>
public sealed class CctvApp() : ClockedApp(InSeoul(2026, 12, 7, 9));

public static class CctvTestData
{
    public const string Header = "관리기관명,소재지도로명주소,소재지지번주소,설치목적구분,카메라대수,카메라화소수,촬영방면정보,보관일수,설치연월,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자";

    /// <summary>
    /// Rows in the layout of Korea's national CCTV standard data (made up for the tests, at real places): a crime-prevention
    /// dome by Jongno-gu office, a traffic camera facing north by Gangnam-gu office, then rows the import skips.
    /// </summary>
    public static string StandardFile(string tag, string jongnoRetention = "30") => string.Join('\n',
        Header,
        $"서울특별시 종로구청,서울특별시 종로구 삼봉로 43 {tag},서울특별시 종로구 수송동 146-2,생활방범,2,200,360도 전방면,{jongnoRetention},2015-03,02-2148-1114,37.5735,126.9790,2026-10-31",
        $"서울특별시 강남구청,서울특별시 강남구 학동로 426 {tag},서울특별시 강남구 삼성동 16-1,교통단속,1,200,북측,14,2019-07,02-3423-5114,37.5172,127.0473,2026-10-31",
        $"서울특별시 강남구청,서울특별시 강남구 테헤란로 1 {tag},,주차관리,1,200,,30,2020-01,02-3423-5114,37.4980,127.0280,2026-10-31",
        $"서울특별시 강남구청,서울특별시 강남구 테헤란로 2 {tag},,생활방범,1,200,,30,2020-01,02-3423-5114,,,2026-10-31",
        $"부산광역시 중구청,부산광역시 중구 중구로 120 {tag},,생활방범,1,200,,30,2020-01,051-600-4000,35.1064,129.0324,2026-10-31") + "\n";

    /// <summary>Posts a heartbeat batch signed with the recorder's key (or any key given), as a recorder does.</summary>
    public static async Task<HttpResponseMessage> BeatAsync(HttpClient client, string recorder, string key, DateTimeOffset sentAt, params string[] cameras)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { sentAt, cameras });
        return await SendAsync(client, recorder, RecorderKeys.Sign(key, body), body);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string recorder, string signature, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, HeartbeatApi.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(HeartbeatApi.RecorderHeader, recorder);
        request.Headers.Add(HeartbeatApi.SignatureHeader, signature);
        return await client.SendAsync(request);
    }

    /// <summary>Imports the standard file through the admin page as an official of the department; the import summary page.</summary>
    public static async Task<AngleSharp.Dom.IDocument> ImportAsync(HttpClient official, string file, string department = "safety", Encoding? encoding = null)
    {
        var form = await official.GetPageAsync("/admin/cctv/import");
        return await Html.ParseAsync(await official.SubmitMultipartAsync(form, [new("Input.Department", department), new("Input.Mapping", "korea-cctv-standard"), new("Input.Encoding", "auto")],
            [("Input.File", "cctv.csv", (encoding ?? Encoding.UTF8).GetBytes(file), "text/csv")]));
    }

    /// <summary>Adds a recorder through its page; its key as the page shows it once.</summary>
    public static async Task<string> AddRecorderAsync(HttpClient official, string code, string department = "safety", int interval = 30)
    {
        var page = await official.GetPageAsync("/admin/cctv/recorders");
        var issued = await Html.ParseAsync(await official.SubmitAsync(page,
            [new("Input.Code", code), new("Input.Name", "Recorder " + code), new("Input.Department", department), new("Input.IntervalSeconds", interval.ToString())],
            "form[action='/admin/cctv/recorders']"));
        return issued.QuerySelector("[data-issued-key] [data-key]")?.TextContent ?? throw new InvalidOperationException("No key shown: " + string.Join("; ", issued.ErrorSummary()));
    }

    public static async Task AssignAsync(HttpClient official, CityHallApp app, string recorder, params string[] cameras)
    {
        var id = await app.WithDbAsync(db => db.Set<CameraRecorder>().Where(r => r.Code == recorder).Select(r => r.Id).SingleAsync());
        var page = await official.GetPageAsync("/admin/cctv/recorders");
        Html.RedirectedTo(await official.SubmitAsync(page, [new("Assign.Recorder", id.ToString()), new("Assign.Codes", string.Join('\n', cameras))], "form[action$='handler=assign']"));
    }

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
}
