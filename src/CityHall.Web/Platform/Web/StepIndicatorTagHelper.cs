using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// KRDS step indicator for a task of several pages (sign-up, a proposal): where the person is and
/// what is left. <c>steps</c> lists the steps' text keys, comma-separated, and <c>current</c> is 1-based; the
/// current step is marked with aria-current="step" for screen readers.
/// </summary>
[HtmlTargetElement("ch-steps", Attributes = "steps,current", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StepIndicatorTagHelper(IStringLocalizer<Text> t, HtmlEncoder encoder) : TagHelper
{
    /// <summary>Resource keys of the step titles, comma-separated, in order.</summary>
    public string Steps { get; set; } = "";

    /// <summary>The current step, counting from 1.</summary>
    public int Current { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var keys = Steps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        output.TagName = "ol";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "krds-step-wrap");
        output.Attributes.SetAttribute("aria-label", t["Steps.Label"].Value);
        var html = new System.Text.StringBuilder();
        for (var i = 0; i < keys.Length; i++)
        {
            var number = i + 1;
            var state = number < Current ? " class=\"done\"" : number == Current ? " class=\"active\" aria-current=\"step\"" : "";
            html.Append("<li").Append(state).Append("><span><i class=\"step\">")
                .Append(encoder.Encode(t["Steps.Number", number].Value)).Append("</i><span class=\"step-tit\">")
                .Append(encoder.Encode(t[keys[i]].Value)).Append("</span></span></li>");
        }
        output.Content.SetHtmlContent(html.ToString());
    }
}
