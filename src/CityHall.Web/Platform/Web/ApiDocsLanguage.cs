namespace CityHall.Web.Platform.Web;

/// <summary>
/// The API reference page (Scalar) comes without a language on its &lt;html&gt; element, which screen readers
/// need to pronounce it (WCAG 3.1.1; the only axe violation on the public site). Its interface and the
/// API's descriptions are English, so the page is marked English on its way out.
/// </summary>
public static class ApiDocsLanguage
{
    public const string Path = "/api/docs";

    public static WebApplication UseApiDocsLanguage(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path == Path || c.Request.Path == Path + "/", branch => branch.Use(async (context, next) =>
        {
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try { await next(context); }
            finally { context.Response.Body = original; }
            buffer.Position = 0;
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                var html = await new StreamReader(buffer).ReadToEndAsync(context.RequestAborted);
                var at = html.IndexOf("<html", StringComparison.OrdinalIgnoreCase);
                var end = at < 0 ? -1 : html.IndexOf('>', at);
                if (at >= 0 && end > at && !html[at..end].Contains(" lang=", StringComparison.OrdinalIgnoreCase))
                    html = html[..(at + 5)] + " lang=\"en\"" + html[(at + 5)..];
                var bytes = System.Text.Encoding.UTF8.GetBytes(html);
                context.Response.ContentLength = bytes.Length;
                await original.WriteAsync(bytes, context.RequestAborted);
            }
            else
            {
                await buffer.CopyToAsync(original, context.RequestAborted);
            }
        }));
        return app;
    }
}
