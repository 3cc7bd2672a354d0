using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Identity;
using CityHall.Web.Platform.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Admin;

public sealed class AdminAccessTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task A_citizen_reaching_a_staff_page_gets_the_403_page()
    {
        var client = await app.SignedUpCitizenAsync();
        var response = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("접근 권한이 없습니다", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_dashboard_shows_the_menu_every_module_registered_for_an_administrator_and_each_entry_opens()
    {
        var client = await app.SignedInStaffAsync(Roles.Administrator);
        var page = await client.GetPageAsync("/admin");
        var links = page.QuerySelectorAll("main nav a").Select(a => a.GetAttribute("href")).ToArray();
        var registered = app.Services.GetRequiredService<ModuleRegistry>().AdminMenu.Select(i => i.Href).ToList();
        Assert.True(registered.Count >= 8, "the modules register their staff pages"); // so an empty menu cannot pass
        Assert.All(registered, href => Assert.Contains(href, links));
        Assert.Contains("/admin", links);
        foreach (var href in registered)
        {
            var response = await client.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href}: {response.StatusCode}");
            Assert.False((await Html.ParseAsync(response)).IsErrorPage(), $"{href} shows the error page");
        }
    }

    [Fact]
    public async Task An_official_sees_the_dashboard_but_not_the_audit_log()
    {
        var client = await app.SignedInStaffAsync(Roles.Official);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        var page = await client.GetPageAsync("/admin");
        Assert.DoesNotContain("/admin/audit", page.QuerySelectorAll("main nav a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task Staff_pages_carry_breadcrumbs_back_to_the_dashboard_and_the_home_page_has_none()
    {
        var client = await app.SignedInStaffAsync(Roles.Administrator);
        var page = await client.GetPageAsync("/admin/city/departments");
        var crumbs = page.QuerySelectorAll("nav.krds-breadcrumb-wrap a");
        Assert.Equal(["/", "/admin", "/admin/city", "/admin/city/departments"], crumbs.Select(a => a.GetAttribute("href") ?? "").ToArray());
        Assert.Equal("page", crumbs[^1].GetAttribute("aria-current"));
        Assert.Null((await client.GetPageAsync("/")).QuerySelector("nav.krds-breadcrumb-wrap"));
    }
}
