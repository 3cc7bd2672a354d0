using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Admin;

public sealed class CitySettingsTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static Dictionary<string, string> FormValues(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("form:not([action]) input:not([type=hidden]):not([type=checkbox]), form:not([action]) input[type=checkbox]:checked, form:not([action]) textarea, form:not([action]) select")
            .ToDictionary(e => e.GetAttribute("name")!, e => e switch
            {
                AngleSharp.Html.Dom.IHtmlTextAreaElement t => t.Value ?? "",
                AngleSharp.Html.Dom.IHtmlSelectElement s => s.Value ?? "",
                AngleSharp.Html.Dom.IHtmlInputElement i => i.Value ?? "",
                _ => "",
            });

    [Fact]
    public async Task The_installed_apps_short_name_and_colour_are_the_citys_to_set()
    {
        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/admin/city");
        var values = FormValues(page);
        Assert.Equal("Seoul", values["Input.ShortNameEn"]);
        Assert.Equal("#256ef4", values["Input.AppColor"]);

        values["Input.AppColor"] = "green";
        var refused = await admin.SubmitAsync(page, values, "form:not([action])");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).QuerySelector(".ch-error-summary a[href='#Input_AppColor']"));

        values["Input.AppColor"] = "#0B7A3E";
        values["Input.ShortNameEn"] = "Seoul app";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.GetPageAsync("/admin/city"), values, "form:not([action])")).StatusCode);

        var anonymous = app.CreateClient();
        using (var manifest = JsonDocument.Parse(await anonymous.GetStringAsync("/manifest.webmanifest?lang=en")))
        {
            Assert.Equal("Seoul app", manifest.RootElement.GetProperty("short_name").GetString());
            Assert.Equal("#0b7a3e", manifest.RootElement.GetProperty("theme_color").GetString());
        }
        using (var icon = SkiaSharp.SKBitmap.Decode(await anonymous.GetByteArrayAsync("/icons/app-192.png")))
            Assert.Equal(SkiaSharp.SKColor.Parse("#0b7a3e"), icon.GetPixel(96, 19));
        Assert.Equal("#0b7a3e", (await anonymous.GetPageAsync("/")).QuerySelector("meta[name=theme-color]")!.GetAttribute("content"));

        var reset = await admin.SubmitAsync(await admin.GetPageAsync("/admin/city"), new Dictionary<string, string>(), "form[action*=reset]");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var back = JsonDocument.Parse(await anonymous.GetStringAsync("/manifest.webmanifest?lang=en"));
        Assert.Equal("Seoul", back.RootElement.GetProperty("short_name").GetString());
    }

    [Fact]
    public async Task An_administrator_renames_the_city_adds_a_sector_and_resets_to_configuration()
    {
        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/admin/city");
        var values = FormValues(page);
        Assert.Equal("서울특별시", values["Input.NameKo"]);
        var firstBlank = values.First(v => v.Key.EndsWith(".Code", StringComparison.Ordinal) && v.Value == "").Key.Replace(".Code", "", StringComparison.Ordinal);
        values["Input.NameEn"] = "Seoul City Hall (test)";
        values["Input.ContactEn"] = "Call 120 any time";
        values[firstBlank + ".Code"] = "libraries";
        values[firstBlank + ".NameKo"] = "도서관";
        values[firstBlank + ".NameEn"] = "Libraries";
        values[firstBlank + ".Href"] = "/pages/libraries";

        var saved = await admin.SubmitAsync(page, values, "form:not([action])");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var english = app.CreateBrowserLikeClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var home = await english.GetPageAsync("/");
        Assert.EndsWith("Seoul City Hall (test)", home.Title, StringComparison.Ordinal);
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/pages/libraries" && a.TextContent.Contains("Libraries", StringComparison.Ordinal));
        var api = await english.GetFromJsonAsync<JsonElement>("/api/v1/city");
        Assert.Equal("Seoul City Hall (test)", api.GetProperty("nameEn").GetString());

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "city-settings.changed").OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Contains("\"Name\"", entry.Details);
        Assert.Contains("\"Sectors\"", entry.Details);
        Assert.DoesNotContain("\"TimeZone\"", entry.Details);

        var reset = await admin.SubmitAsync(await admin.GetPageAsync("/admin/city"), new Dictionary<string, string>(), "form[action*=reset]");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.EndsWith("Seoul Metropolitan Government", (await english.GetPageAsync("/")).Title, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "city-settings.reset")));
    }

    [Fact]
    public async Task Bad_settings_are_explained_field_by_field_and_nothing_is_saved()
    {
        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        var before = await app.WithDbAsync(db => db.Set<CitySettingsRecord>().Select(r => (long?)r.Version).FirstOrDefaultAsync());
        var page = await admin.GetPageAsync("/admin/city");
        var values = FormValues(page);
        values["Input.NameKo"] = "";
        values["Input.TimeZone"] = "Mars/Olympus_Mons";
        values["Input.MapCenterLatitude"] = "123";
        values["Input.Sectors[0].Href"] = "javascript:alert(1)";
        var response = await admin.SubmitAsync(page, values, "form:not([action])");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Html.ParseAsync(response);
        Assert.Equal(
            ["시 이름을 한국어로 입력하세요.", "알 수 없는 시간대입니다. Asia/Seoul 같은 IANA 이름을 입력하세요.", "위도는 -90부터 90 사이의 숫자로 입력하세요.", "/로 시작하는 경로나 https 주소를 입력하세요."],
            result.ErrorSummary());
        Assert.NotNull(result.InlineError("Input_TimeZone"));
        Assert.NotNull(result.InlineError("Input_Sectors_0__Href"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<CitySettingsRecord>().Select(r => (long?)r.Version).FirstOrDefaultAsync()));
    }

    [Fact]
    public async Task A_save_from_a_stale_form_is_refused_rather_than_overwriting_another_administrator()
    {
        var first = await app.SignedInStaffAsync(Roles.Administrator);
        var second = await app.SignedInStaffAsync(Roles.Administrator);
        var firstPage = await first.GetPageAsync("/admin/city");
        var secondPage = await second.GetPageAsync("/admin/city");

        var firstValues = FormValues(firstPage);
        firstValues["Input.ContactKo"] = "다산콜센터 120 (첫 번째)";
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstPage, firstValues, "form:not([action])")).StatusCode);

        var secondValues = FormValues(secondPage);
        secondValues["Input.ContactKo"] = "다산콜센터 120 (두 번째)";
        var refused = await Html.ParseAsync(await second.SubmitAsync(secondPage, secondValues, "form:not([action])"));
        Assert.Equal(["다른 관리자가 방금 설정을 바꾸어 저장하지 않았습니다. 바뀐 내용을 확인하고 다시 저장하세요."], refused.ErrorSummary());

        var json = await app.WithDbAsync(db => db.Set<CitySettingsRecord>().Select(r => r.Json).SingleAsync());
        Assert.Contains("(첫 번째)", json);
        await first.SubmitAsync(await first.GetPageAsync("/admin/city"), new Dictionary<string, string>(), "form[action*=reset]");
    }

    [Fact]
    public async Task Only_administrators_change_city_settings()
    {
        var official = await app.SignedInStaffAsync(Roles.Official);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync("/admin/city")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync("/admin/city/departments")).StatusCode);
    }
}
