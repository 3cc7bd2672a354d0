using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// GOV.UK error summary: a titled box at the top of the form listing every error with a link to
/// its field, in the same words as the inline errors. It takes focus (autofocus; site.js too).
/// </summary>
[HtmlTargetElement("ch-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IStringLocalizer<Text> t, HtmlEncoder encoder) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ModelState;
        if (state.IsValid) { output.SuppressOutput(); return; }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ch-error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("autofocus", "autofocus");
        output.Attributes.SetAttribute("data-error-summary", "");
        var html = new System.Text.StringBuilder();
        html.Append("<h2 id=\"error-summary-title\">").Append(encoder.Encode(t["Form.ErrorSummaryTitle"])).Append("</h2><ul>");
        foreach (var (key, entry) in state.OrderBy(e => FieldOrder(e.Key)))
        {
            foreach (var error in entry!.Errors)
            {
                var target = string.IsNullOrEmpty(key) ? "main" : TagBuilder.CreateSanitizedId(key, "_");
                html.Append("<li><a href=\"#").Append(encoder.Encode(target)).Append("\">")
                    .Append(encoder.Encode(error.ErrorMessage)).Append("</a></li>");
            }
        }
        html.Append("</ul>");
        output.Content.SetHtmlContent(html.ToString());
    }

    /// <summary>Errors are listed in the order the questions appear: the order the page model declares them.</summary>
    private int FieldOrder(string key)
    {
        var model = ViewContext.ViewData.Model?.GetType();
        if (model is null) return int.MaxValue;
        var index = 0;
        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (key == property.Name) return index;
            index++;
            foreach (var inner in property.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (key == property.Name + "." + inner.Name) return index;
                index++;
            }
        }
        return int.MaxValue;
    }
}

/// <summary>
/// One question on a form, in KRDS markup: label, optional hint, the inline error ("Error: ...")
/// and the input wired with aria-describedby and aria-invalid. Keeps every form the same.
/// </summary>
[HtmlTargetElement("ch-field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IStringLocalizer<Text> t, HtmlEncoder encoder) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public ModelExpression For { get; set; } = null!;

    /// <summary>
    /// text, email, password, tel, number, date, datetime-local, textarea, select, radios (a fieldset of choices from
    /// Items), checkbox, checkboxes (a fieldset of several choices from Items, bound to a list).
    /// </summary>
    public string Type { get; set; } = "text";

    /// <summary>Resource key of the label when it differs from the property's display name (one input serving two forms).</summary>
    public string? Label { get; set; }

    /// <summary>A label that is content rather than a resource key (a question staff wrote for their programme, already in the reader's language).</summary>
    public string? LabelText { get; set; }

    /// <summary>The field's name (and id) when the form uses a short one, as in links people share (?petition=1&amp;entry=2).</summary>
    public string? Name { get; set; }

    /// <summary>Resource key of a hint shown under the label.</summary>
    public string? Hint { get; set; }

    public string? Autocomplete { get; set; }

    /// <summary>Options for a select: value → label.</summary>
    public IEnumerable<SelectListItem>? Items { get; set; }

    public string? Inputmode { get; set; }

    /// <summary>For type="file": the kinds of file offered in the picker.</summary>
    public string? Accept { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = Name ?? For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var label = LabelText ?? (Label is not null ? t[Label].Value : For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? name);
        var errors = ViewContext.ModelState.TryGetValue(name, out var entry) ? entry.Errors : null;
        var hasError = errors is { Count: > 0 };
        var describedBy = new List<string>();
        if (Hint is not null) describedBy.Add(id + "-hint");
        if (hasError) describedBy.Add(id + "-error");

        var value = Type is "password" or "file" ? "" : (entry?.AttemptedValue ?? For.Model switch
        {
            // Browsers read and write these in one fixed format, whatever the reader's language.
            DateTime time when Type == "datetime-local" => time.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly day when Type == "date" => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            bool flag => flag ? "true" : "false",
            { } model => model.ToString(),
            null => "",
        } ?? "");
        var required = For.Metadata.IsRequired ? " required" : "";
        var aria = (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "") + (hasError ? " aria-invalid=\"true\"" : "");
        var auto = Autocomplete is null ? "" : $" autocomplete=\"{encoder.Encode(Autocomplete)}\"";
        var mode = (Inputmode is null ? "" : $" inputmode=\"{encoder.Encode(Inputmode)}\"")
            + (Accept is null ? "" : $" accept=\"{encoder.Encode(Accept)}\"");
        var encodedName = encoder.Encode(name);

        string control;
        if (Type == "textarea")
            control = $"<textarea class=\"krds-input\" id=\"{id}\" name=\"{encodedName}\"{aria}{required}>{encoder.Encode(value)}</textarea>";
        else if (Type == "select")
        {
            var options = string.Concat((Items ?? []).Select(i =>
                $"<option value=\"{encoder.Encode(i.Value)}\"{(i.Value == value ? " selected" : "")}>{encoder.Encode(i.Text)}</option>"));
            // "required" means something on a select only with an empty first choice ("choose one"); a list
            // that always has a value (a radius, a language) must not claim it (HTML: a required select needs a placeholder option).
            var selectRequired = (Items ?? []).FirstOrDefault()?.Value is "" ? required : "";
            control = $"<select class=\"krds-form-select\" id=\"{id}\" name=\"{encodedName}\"{aria}{selectRequired}>{options}</select>";
        }
        else
            control = $"<input class=\"krds-input\" type=\"{encoder.Encode(Type)}\" id=\"{id}\" name=\"{encodedName}\"{(Type == "file" ? "" : $" value=\"{encoder.Encode(value)}\"")}{auto}{mode}{aria}{required}>";

        var html = new System.Text.StringBuilder();
        if (Type == "radios")
        {
            // A group of choices is a fieldset named by its legend; each choice's own label says what it is.
            html.Append("<fieldset").Append(aria).Append("><legend class=\"form-tit\">").Append(encoder.Encode(label)).Append("</legend>");
            AppendHintAndError(html, id, errors);
            html.Append("<div class=\"ch-choices\">");
            var n = 0;
            foreach (var item in Items ?? [])
            {
                // The first choice carries the field's own id: the error summary links there.
                var itemId = n == 0 ? id : $"{id}-{n}";
                n++;
                html.Append("<div class=\"krds-form-check\"><input type=\"radio\" id=\"").Append(itemId).Append("\" name=\"").Append(encodedName)
                    .Append("\" value=\"").Append(encoder.Encode(item.Value)).Append('"').Append(item.Value == value ? " checked" : "")
                    .Append("><label for=\"").Append(itemId).Append("\">").Append(encoder.Encode(item.Text)).Append("</label></div>");
            }
            html.Append("</div></fieldset>");
        }
        else if (Type == "checkboxes")
        {
            // Several answers to one question: the boxes share the field's name and the list binds them all.
            var chosen = entry?.RawValue switch
            {
                string[] sent => sent,
                string sent => [sent],
                _ => (For.Model as System.Collections.IEnumerable)?.Cast<object>()
                    .Select(o => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray() ?? [],
            };
            html.Append("<fieldset").Append(aria).Append("><legend class=\"form-tit\">").Append(encoder.Encode(label)).Append("</legend>");
            AppendHintAndError(html, id, errors);
            html.Append("<div class=\"ch-choices\">");
            var n = 0;
            foreach (var item in Items ?? [])
            {
                var itemId = n == 0 ? id : $"{id}-{n}";
                n++;
                html.Append("<div class=\"krds-form-check\"><input type=\"checkbox\" id=\"").Append(itemId).Append("\" name=\"").Append(encodedName)
                    .Append("\" value=\"").Append(encoder.Encode(item.Value)).Append('"').Append(chosen.Contains(item.Value) ? " checked" : "")
                    .Append("><label for=\"").Append(itemId).Append("\">").Append(encoder.Encode(item.Text)).Append("</label></div>");
            }
            html.Append("</div></fieldset>");
        }
        else if (Type == "checkbox")
        {
            // Unticked boxes send nothing: the hidden "false" after the box makes that an answer too.
            AppendHintAndError(html, id, errors);
            html.Append("<div class=\"krds-form-check\"><input type=\"checkbox\" id=\"").Append(id).Append("\" name=\"").Append(encodedName)
                .Append("\" value=\"true\"").Append(aria).Append(value.StartsWith("true", StringComparison.OrdinalIgnoreCase) ? " checked" : "")
                .Append("><label for=\"").Append(id).Append("\">").Append(encoder.Encode(label)).Append("</label></div>")
                .Append("<input type=\"hidden\" name=\"").Append(encodedName).Append("\" value=\"false\">");
        }
        else
        {
            html.Append("<div class=\"form-tit\"><label for=\"").Append(id).Append("\">").Append(encoder.Encode(label)).Append("</label></div>");
            AppendHintAndError(html, id, errors);
            html.Append("<div class=\"form-conts").Append(hasError ? " is-error" : "").Append("\">").Append(control).Append("</div>");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "form-group ch-field" + (hasError ? " is-error" : ""));
        output.Content.SetHtmlContent(html.ToString());
    }

    private void AppendHintAndError(System.Text.StringBuilder html, string id, ModelErrorCollection? errors)
    {
        if (Hint is not null)
            html.Append("<p class=\"form-hint\" id=\"").Append(id).Append("-hint\">").Append(encoder.Encode(t[Hint])).Append("</p>");
        if (errors is { Count: > 0 })
        {
            html.Append("<p class=\"form-hint-invalid\" id=\"").Append(id).Append("-error\">")
                .Append(encoder.Encode(t["Form.ErrorPrefix"])).Append(' ')
                .Append(encoder.Encode(string.Join(' ', errors.Select(e => e.ErrorMessage)))).Append("</p>");
        }
    }
}
