using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CityHall.Web.Platform.Web;

/// <summary>One bar: what it counts, how much, and the figure written beside it ("1,234 (45.6%)").</summary>
public sealed record ChartBar(string Label, double Value, string Figure);

/// <summary>
/// A horizontal bar chart drawn on the server (SVG bars), so it shows without JavaScript and weighs a few hundred bytes:
/// <c>&lt;ch-bar-chart caption="…" bars="…" table="results-table" /&gt;</c>. It is never the only place the
/// figures are: the chart is one image named by its caption, which links to the table beside it that holds the same
/// figures, and that table is what a screen reader reads. Each bar's label is HTML text above an SVG bar sized in
/// percent of the width, so a long label wraps and the chart reflows down to 320 px and with text at 200%,
/// where text drawn inside an SVG would be cut off or shrink.
/// </summary>
[HtmlTargetElement("ch-bar-chart", Attributes = "caption,bars", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BarChartTagHelper(IStringLocalizer<Text> t, HtmlEncoder encoder) : TagHelper
{
    public string Caption { get; set; } = "";
    public IReadOnlyList<ChartBar> Bars { get; set; } = [];

    /// <summary>The id of the table holding the same figures, linked from the caption.</summary>
    public string? Table { get; set; }

    /// <summary>The value a full-width bar stands for (all the voters, say); the largest bar's value when not given.</summary>
    public double? Max { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Bars.Count == 0) { output.SuppressOutput(); return; }
        var id = (Table ?? "ch-chart-" + context.UniqueId) + "-chart";
        var max = Max ?? Bars.Max(b => b.Value);
        output.TagName = "figure";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ch-chart");
        var html = new StringBuilder();
        html.Append("<div role=\"img\" aria-labelledby=\"").Append(id).Append("\">");
        foreach (var bar in Bars)
        {
            var share = max <= 0 ? 0 : Math.Clamp(bar.Value / max, 0, 1);
            html.Append("<div class=\"ch-chart-row\"><span class=\"ch-chart-figure\">").Append(encoder.Encode(bar.Figure)).Append("</span> ")
                .Append(encoder.Encode(bar.Label))
                .Append("<svg width=\"100%\" height=\"16\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\"><rect class=\"ch-chart-track\" width=\"100%\" height=\"16\"/>");
            if (share > 0)
                html.Append("<rect class=\"ch-chart-bar\" width=\"").Append((share * 100).ToString("0.##", CultureInfo.InvariantCulture)).Append("%\" height=\"16\"/>");
            html.Append("</svg></div>");
        }
        html.Append("</div><figcaption id=\"").Append(id).Append("\">").Append(encoder.Encode(Caption));
        if (Table is not null)
            html.Append(" <a href=\"#").Append(encoder.Encode(Table)).Append("\">").Append(encoder.Encode(t["Chart.FiguresInTable"].Value)).Append("</a>");
        html.Append("</figcaption>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
