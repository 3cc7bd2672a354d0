using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CityHall.Tests.Infrastructure;

/// <summary>Reads pages the way a person sees them, and fills in and submits their forms.</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Context.OpenAsync(r => r.Content(response.Content.ReadAsStream()).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));

    /// <summary>The friendly error page (it alone shows a trace id), whatever status it came with.</summary>
    public static bool IsErrorPage(this IDocument page) => page.QuerySelector(".ch-trace") is not null;

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await ParseAsync(response);
    }

    /// <summary>Posts the first form (or the one matching the selector) with its hidden fields (the antiforgery token) plus the given values.</summary>
    /// <remarks>Values may repeat a name (checkboxes); a name given here replaces the form's hidden field of that name.</remarks>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument page, IEnumerable<KeyValuePair<string, string>> values,
        string formSelector = "main form[method=post]", string? action = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {page.Url}");
        var given = values.Select(v => v.Key).ToHashSet();
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
            if (!given.Contains(input.Name!)) fields.Add(new(input.Name!, input.Value));
        fields.AddRange(values);
        var target = action ?? form.GetAttribute("action");
        if (string.IsNullOrEmpty(target)) target = new Uri(page.Url).PathAndQuery;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a form as multipart/form-data with its hidden fields, the given values and files (field name, file name, bytes, content type).</summary>
    public static async Task<HttpResponseMessage> SubmitMultipartAsync(this HttpClient client, IDocument page, IEnumerable<KeyValuePair<string, string>> values,
        IEnumerable<(string Field, string FileName, byte[] Bytes, string ContentType)> files, string formSelector = "main form[method=post]")
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {page.Url}");
        var given = values.Select(v => v.Key).ToHashSet();
        var content = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
            if (!given.Contains(input.Name!)) content.Add(new StringContent(input.Value), input.Name!);
        foreach (var (name, value) in values) content.Add(new StringContent(value), name);
        foreach (var (field, fileName, bytes, type) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            content.Add(file, field, fileName);
        }
        var target = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(target) ? new Uri(page.Url).PathAndQuery : target, content);
    }

    /// <summary>Every field the form would send as it stands (a browser's "submit without changing anything"), for edit forms where a test changes a few.</summary>
    public static List<KeyValuePair<string, string>> FilledIn(this IDocument page, string formSelector = "main form[method=post]")
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {page.Url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
            if (input.Type is not ("checkbox" or "radio" or "file" or "submit") || input.IsChecked) values.Add(new(input.Name!, input.Value));
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]")) values.Add(new(area.Name!, area.Value));
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]")) values.Add(new(select.Name!, select.Value ?? ""));
        return values;
    }

    /// <summary>The form as filled in, with the given fields replaced.</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> values, params (string Name, string Value)[] changes)
    {
        var names = changes.Select(c => c.Name).ToHashSet();
        return [.. values.Where(v => !names.Contains(v.Key)), .. changes.Select(c => new KeyValuePair<string, string>(c.Name, c.Value))];
    }

    /// <summary>Where a redirect leads (the response must be one: a form that was refused re-renders instead).</summary>
    public static string RedirectedTo(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    public static string[] ErrorSummary(this IDocument page) =>
        page.QuerySelectorAll(".ch-error-summary li a").Select(a => a.TextContent.Trim()).ToArray();

    public static string? InlineError(this IDocument page, string fieldId) =>
        page.QuerySelector($"#{fieldId}-error")?.TextContent.Trim();
}
