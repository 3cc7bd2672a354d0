using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CityHall.Web.Platform.Web;

/// <summary>One point of a line: what it is (a month), its value (null: nothing to measure then) and the figure written for it.</summary>
public sealed record ChartPoint(string Label, double? Value, string Figure);

/// <summary>
/// A line over time drawn on the server (an SVG polyline), the companion of <see cref="BarChartTagHelper"/>:
/// <c>&lt;ch-line-chart caption="…" points="…" table="months-table" /&gt;</c>. The line is stretched to the width
/// (its stroke stays one width), and every text is HTML beside it — the top of the scale, zero, the first and last
/// points — so it reflows and zooms as text does. A point with nothing to measure breaks the line rather than
/// dropping to zero. As with the bars, the caption links to the table holding the same figures.
/// </summary>
[HtmlTargetElement("ch-line-chart", Attributes = "caption,points", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LineChartTagHelper(IStringLocalizer<Text> t, HtmlEncoder encoder) : TagHelper
{
    private const double Width = 100, Height = 40;

    public string Caption { get; set; } = "";
    public IReadOnlyList<ChartPoint> Points { get; set; } = [];
    public string? Table { get; set; }

    /// <summary>The top of the scale (100 for a share); the largest value when not given.</summary>
    public double? Max { get; set; }

    /// <summary>How the top of the scale is written ("100%", "1,200"); the number when not given.</summary>
    public string? MaxFigure { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Points.Count == 0 || Points.All(p => p.Value is null)) { output.SuppressOutput(); return; }
        var id = (Table ?? "ch-chart-" + context.UniqueId) + "-line"; // "-chart" is a bar chart's: one table may serve both
        var max = Max ?? Points.Max(p => p.Value ?? 0);
        if (max <= 0) max = 1;
        output.TagName = "figure";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ch-chart ch-line-chart");
        var html = new StringBuilder();
        html.Append("<div role=\"img\" aria-labelledby=\"").Append(id).Append("\"><div class=\"ch-line-scale\"><span>")
            .Append(encoder.Encode(MaxFigure ?? max.ToString("N0", CultureInfo.CurrentCulture))).Append("</span><span>0</span></div>")
            .Append("<svg viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(Height))
            .Append("\" preserveAspectRatio=\"none\" width=\"100%\" height=\"120\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append("<rect class=\"ch-chart-track\" width=\"100%\" height=\"100%\"/>");
        // Runs of points with values, each one polyline; a lone point gets a short dash so it still shows.
        var step = Points.Count == 1 ? 0 : Width / (Points.Count - 1);
        var run = new List<(double X, double Y)>();
        for (var i = 0; i <= Points.Count; i++)
        {
            if (i < Points.Count && Points[i].Value is { } v)
            {
                run.Add((Points.Count == 1 ? Width / 2 : i * step, Height - Math.Clamp(v / max, 0, 1) * Height));
                continue;
            }
            if (run.Count == 1) run = [(Math.Max(0, run[0].X - 0.8), run[0].Y), (Math.Min(Width, run[0].X + 0.8), run[0].Y)];
            if (run.Count > 0)
                html.Append("<polyline class=\"ch-chart-line\" vector-effect=\"non-scaling-stroke\" points=\"")
                    .AppendJoin(' ', run.Select(p => N(p.X) + "," + N(p.Y))).Append("\"/>");
            run.Clear();
        }
        html.Append("</svg></div><div class=\"ch-line-ends\"><span>").Append(encoder.Encode(Points[0].Label)).Append("</span>");
        if (Points.Count > 1) html.Append("<span>").Append(encoder.Encode(Points[^1].Label)).Append("</span>");
        html.Append("</div><figcaption id=\"").Append(id).Append("\">").Append(encoder.Encode(Caption));
        if (Table is not null)
            html.Append(" <a href=\"#").Append(encoder.Encode(Table)).Append("\">").Append(encoder.Encode(t["Chart.FiguresInTable"].Value)).Append("</a>");
        html.Append("</figcaption>");
        output.Content.SetHtmlContent(html.ToString());
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
