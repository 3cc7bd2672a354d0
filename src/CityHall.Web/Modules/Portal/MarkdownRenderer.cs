using Ganss.Xss;
using Markdig;

namespace CityHall.Web.Modules.Portal;

/// <summary>Markdown written by staff, rendered with Markdig and sanitized, so no script can get in.</summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
    private readonly HtmlSanitizer sanitizer = new();

    public string ToHtml(string markdown) => sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", pipeline));
}
