using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// Previous / "page N of M" / next links under a paged list, as plain links (no JavaScript):
/// <c>&lt;ch-pager page="Model.PageNumber" pages="Model.Pages" link="Model.PageLink" /&gt;</c>.
/// Nothing is written when everything fits on one page.
/// </summary>
[HtmlTargetElement("ch-pager", Attributes = "page,pages,link", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PagerTagHelper(IStringLocalizer<Text> t, HtmlEncoder encoder) : TagHelper
{
    public int Page { get; set; }
    public int Pages { get; set; }

    /// <summary>The address of a page, given its number.</summary>
    public Func<int, string> Link { get; set; } = _ => "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Pages <= 1) { output.SuppressOutput(); return; }
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ch-actions");
        output.Attributes.SetAttribute("aria-label", t["Pager.Label"].Value);
        var html = new System.Text.StringBuilder();
        if (Page > 1)
            html.Append("<a href=\"").Append(encoder.Encode(Link(Page - 1))).Append("\" rel=\"prev\">").Append(encoder.Encode(t["Pager.Previous"].Value)).Append("</a> ");
        html.Append("<span>").Append(encoder.Encode(t["Pager.PageOf", Page, Pages].Value)).Append("</span>");
        if (Page < Pages)
            html.Append(" <a href=\"").Append(encoder.Encode(Link(Page + 1))).Append("\" rel=\"next\">").Append(encoder.Encode(t["Pager.Next"].Value)).Append("</a>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
