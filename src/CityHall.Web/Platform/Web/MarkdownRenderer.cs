using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// Markdown written by staff and citizens (content pages, proposals), rendered with Markdig (raw
/// HTML off) and then sanitized, so no script can get in. Rendering and sanitizing cost far more
/// than reading the row, so the HTML of recently shown texts is kept (up to about 16 M characters).
/// </summary>
public sealed class MarkdownRenderer : IDisposable
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
    private readonly HtmlSanitizer sanitizer = new();
    private readonly MemoryCache rendered = new(new MemoryCacheOptions { SizeLimit = 16_000_000 });

    public string ToHtml(string markdown)
    {
        markdown ??= "";
        return rendered.GetOrCreate(markdown, entry =>
        {
            var html = sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));
            entry.Size = markdown.Length + html.Length;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return html;
        })!;
    }

    public void Dispose() => rendered.Dispose();
}
