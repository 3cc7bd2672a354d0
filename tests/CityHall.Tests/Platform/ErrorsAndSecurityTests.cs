using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Platform;

public sealed class ErrorsAndSecurityTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task Pages_carry_the_security_headers_and_a_CSP_without_inline_script()
    {
        var response = await app.CreateClient().GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task An_unknown_page_gets_the_404_page_with_a_trace_id()
    {
        var response = await app.CreateClient().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("페이지를 찾을 수 없습니다", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector(".ch-trace span")!.TextContent));
    }

    [Fact]
    public async Task An_unknown_API_route_gets_problem_json_with_a_trace_id()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_gets_the_400_page_and_writes_nothing()
    {
        var email = $"csrf-{Guid.NewGuid():N}@example.org";
        var response = await app.CreateClient().PostAsync("/account/sign-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "누군가", ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("요청을 처리할 수 없습니다", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413()
    {
        var body = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes("Input.DisplayName=" + new string('a', 2_000_000)));
        body.Headers.ContentType = new("application/x-www-form-urlencoded");
        var response = await app.CreateClient().PostAsync("/account/sign-up", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("보낸 내용이 너무 큽니다", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Health_metrics_and_API_documents_are_served()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        Assert.StartsWith("3.", openApi.RootElement.GetProperty("openapi").GetString());
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/api/v1/city/districts", out _));
        var docs = await client.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    [Fact]
    public async Task The_city_API_lists_Seouls_25_districts()
    {
        using var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/v1/city/districts"));
        Assert.Equal(25, json.RootElement.GetArrayLength());
        Assert.Contains(json.RootElement.EnumerateArray(), d => d.GetProperty("nameEn").GetString() == "Gangnam-gu" && d.GetProperty("nameKo").GetString() == "강남구");
    }
}
