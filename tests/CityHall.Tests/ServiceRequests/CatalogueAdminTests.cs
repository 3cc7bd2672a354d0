using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.ServiceRequests;

/// <summary>Administrators edit the catalogue: services, deadlines, Open311 type, questions and routing; the site and Open311 see each change at once.</summary>
public sealed class CatalogueAdminTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private async Task<JsonElement> Open311Async(string path) =>
        await Open311Client.JsonOfAsync(await app.CreateClient().GetAsync($"/open311/v2/{path}{(path.Contains('?') ? '&' : '?')}jurisdiction_id=seoul.go.kr"));

    [Fact]
    public async Task An_administrator_adds_a_service_with_questions_deadline_and_district_routing_and_open311_shows_it()
    {
        var official = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync("/admin/service-requests/catalogue")).StatusCode);

        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        var list = await admin.GetPageAsync("/admin/service-requests/catalogue");
        Assert.Equal(23, list.QuerySelectorAll("[data-catalogue] tbody tr").Length);
        Assert.Single((await Html.ParseAsync(await admin.SubmitAsync(list, new Dictionary<string, string>
            { ["Input.Code"] = "Bad Code!", ["Input.NameKo"] = "x", ["Input.NameEn"] = "x", ["Input.Department"] = "safety" }))).ErrorSummary());
        Assert.Single((await Html.ParseAsync(await admin.SubmitAsync(list, new Dictionary<string, string>
            { ["Input.Code"] = "noise", ["Input.NameKo"] = "x", ["Input.NameEn"] = "x", ["Input.Department"] = "safety" }))).ErrorSummary());
        var code = "streetlight-" + Guid.NewGuid().ToString("N")[..6];
        var added = await admin.SubmitAsync(list, new Dictionary<string, string>
            { ["Input.Code"] = code, ["Input.NameKo"] = "가로등 고장", ["Input.NameEn"] = "Broken streetlight", ["Input.Department"] = "safety" });
        Assert.Equal($"/admin/service-requests/catalogue/{code}", added.Headers.Location!.OriginalString);
        Assert.Contains((await Open311Async("services.json")).EnumerateArray(), s => s.GetProperty("service_code").GetString() == code);

        // Details: three calendar days, not extendable, batch.
        var page = await admin.GetPageAsync($"/admin/service-requests/catalogue/{code}");
        var saved = await admin.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.NameKo"] = "가로등 고장", ["Input.NameEn"] = "Broken streetlight", ["Input.Group"] = "streets", ["Input.Keywords"] = "가로등,streetlight",
            ["Input.Type"] = "Batch", ["Input.Unit"] = "Days", ["Input.Amount"] = "3", ["Input.Extendable"] = "false", ["Input.Active"] = "true", ["Input.Order"] = "21",
        }, "form[action*='handler=Details']");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var service = (await Open311Async("services.json")).EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == code);
        Assert.Equal(("batch", "streets", false), (service.GetProperty("type").GetString(), service.GetProperty("group").GetString(), service.GetProperty("metadata").GetBoolean()));
        var stored = await app.WithDbAsync(db => db.Set<ServiceDefinition>().AsNoTracking().SingleAsync(s => s.Code == code));
        Assert.Equal((DeadlineUnit.Days, 3, false), (stored.Deadline.Unit, stored.Deadline.Amount, stored.Deadline.Extendable));

        // A list question: bad lines and missing options are refused, a good one appears in the definition.
        page = await admin.GetPageAsync($"/admin/service-requests/catalogue/{code}");
        Dictionary<string, string> Question(string values) => new()
        {
            ["NewAttribute.Code"] = "lamp_state", ["NewAttribute.Datatype"] = "SingleValueList", ["NewAttribute.Required"] = "true", ["NewAttribute.Variable"] = "true",
            ["NewAttribute.Order"] = "1", ["NewAttribute.DescriptionKo"] = "가로등 상태", ["NewAttribute.DescriptionEn"] = "State of the lamp", ["NewAttribute.Values"] = values,
        };
        Assert.Single((await Html.ParseAsync(await admin.SubmitAsync(page, Question(""), "form[action*='handler=AddAttribute']"))).ErrorSummary());
        Assert.Single((await Html.ParseAsync(await admin.SubmitAsync(page, Question("off"), "form[action*='handler=AddAttribute']"))).ErrorSummary());
        Assert.Single((await Html.ParseAsync(await admin.SubmitAsync(page, Question("off | 꺼짐\noff | 또 꺼짐"), "form[action*='handler=AddAttribute']"))).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, Question("off | 꺼짐 | Off\nflicker | 깜빡임 | Flickering"),
            "form[action*='handler=AddAttribute']")).StatusCode);
        var definition = await Open311Async($"services/{code}.json");
        var attribute = definition.GetProperty("attributes")[0];
        Assert.Equal(("lamp_state", "singlevaluelist", true), (attribute.GetProperty("code").GetString(), attribute.GetProperty("datatype").GetString(), attribute.GetProperty("required").GetBoolean()));
        Assert.Equal(["off", "flicker"], attribute.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
        page = await admin.GetPageAsync($"/admin/service-requests/catalogue/{code}");
        Assert.Single((await Html.ParseAsync(await admin.SubmitAsync(page, Question("a | b") .Select(kv => kv.Key == "NewAttribute.Code" ? new KeyValuePair<string, string>(kv.Key, "other") : kv),
            "form[action*='handler=AddAttribute']"))).ErrorSummary()); // order 1 is taken

        // Gangnam's own department for it; then withdrawn, it leaves the list and the form.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, new Dictionary<string, string> { ["NewRoute.District"] = "11680", ["NewRoute.Department"] = "transport" },
            "form[action*='handler=Route']")).StatusCode);
        var directory = await app.WithDbAsync(db => db.Set<ServiceRoute>().AsNoTracking().Where(r => r.ServiceCode == code).ToListAsync());
        Assert.Equal([(null, "safety"), ("11680", "transport")], directory.OrderBy(r => r.DistrictCode).Select(r => (r.DistrictCode, r.DepartmentCode)));
        page = await admin.GetPageAsync($"/admin/service-requests/catalogue/{code}");
        Assert.Null(page.QuerySelector("[data-route=''] form"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, [], "[data-route='11680'] form")).StatusCode);
        await admin.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.NameKo"] = "가로등 고장", ["Input.NameEn"] = "Broken streetlight", ["Input.Type"] = "Realtime", ["Input.Unit"] = "Days",
            ["Input.Amount"] = "3", ["Input.Extendable"] = "false", ["Input.Active"] = "false", ["Input.Order"] = "21",
        }, "form[action*='handler=Details']");
        Assert.DoesNotContain((await Open311Async("services.json")).EnumerateArray(), s => s.GetProperty("service_code").GetString() == code);
        var citizen = await app.SignedUpCitizenAsync();
        Assert.Null((await citizen.GetPageAsync("/reports/new")).QuerySelector($"input[value='{code}']"));
        Assert.Equal(6, await app.WithDbAsync(db => db.Set<Web.Platform.Audit.AuditEntry>().CountAsync(a => a.TargetId == code && a.Action.StartsWith("servicerequest.catalogue."))));
    }
}
