using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Identity;

namespace CityHall.Tests.Admin;

/// <summary>Staff forms given empty fields or impossible dates answer with a message on the field, never a 500.</summary>
public sealed class AdminInputTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private HttpClient? admin;

    private async Task<HttpClient> AdminAsync() => admin ??= await app.SignedInStaffAsync(Roles.Administrator);

    [Fact]
    public async Task An_empty_sort_on_the_accounts_queue_sorts_by_email()
    {
        var page = await (await AdminAsync()).GetAsync("/admin/users?q=&role=&sort=&p=");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull((await Html.ParseAsync(page)).QuerySelector("[data-total]"));
    }

    [Fact]
    public async Task An_empty_service_code_is_a_message_on_the_field()
    {
        var client = await AdminAsync();
        var form = await client.GetPageAsync("/admin/service-requests/catalogue");
        var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Code"] = "", ["Input.NameKo"] = "", ["Input.NameEn"] = "", ["Input.Department"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await Html.ParseAsync(response)).ErrorSummary();
        Assert.True(errors.Length >= 3, string.Join(" | ", errors));
    }

    [Fact]
    public async Task A_content_page_saved_with_its_English_left_empty_shows_the_Korean_text_in_English()
    {
        var client = await AdminAsync();
        var form = await client.GetPageAsync("/admin/pages/accessibility");
        var fields = form.FilledIn().Where(f => f.Key is not ("Input.TitleEn" or "Input.BodyEn")).ToList();
        fields.Add(new("Input.TitleEn", ""));
        fields.Add(new("Input.BodyEn", ""));
        var saved = await client.PostAsync("/admin/pages/accessibility", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var english = app.CreateClient();
        english.DefaultRequestHeaders.Add("Cookie", ".CityHall.Culture=c%3Den-US%7Cuic%3Den-US");
        var shown = await english.GetAsync("/pages/accessibility");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var koreanTitle = fields.Single(f => f.Key == "Input.TitleKo").Value.Trim();
        Assert.Equal(koreanTitle, (await Html.ParseAsync(shown)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task Impossible_dates_on_filters_and_the_programme_editor_are_messages_not_errors(string date)
    {
        var client = await AdminAsync();
        foreach (var url in new[]
        {
            $"/admin/petitions/signatures?Filter.From={date}T00:00&Filter.To={date}T00:00",
            $"/admin/inclusion/reports?from={date}&to={date}",
        })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains((await Html.ParseAsync(response)).ErrorSummary(), e => e.Contains("1900", StringComparison.Ordinal));
        }

        var edit = await client.GetPageAsync("/admin/inclusion/pc-handout/edit");
        var fields = edit.FilledIn().Where(f => f.Key is not ("Input.OpensAt" or "Input.ClosesAt")).ToList();
        fields.Add(new("Input.OpensAt", date + "T09:00"));
        fields.Add(new("Input.ClosesAt", date + "T18:00"));
        var posted = await client.PostAsync("/admin/inclusion/pc-handout/edit", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains((await Html.ParseAsync(posted)).ErrorSummary(), e => e.Contains("1900", StringComparison.Ordinal));
    }
}
