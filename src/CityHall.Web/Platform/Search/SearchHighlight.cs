using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CityHall.Web.Platform.Search;

/// <summary>The words a visitor searched for, marked (&lt;mark&gt;) in a title or in a snippet cut around the first of them.</summary>
public static class SearchHighlight
{
    /// <summary>The text HTML-encoded, each occurrence of a query word (ignoring case) in a mark element.</summary>
    public static IHtmlContent Mark(string? text, IReadOnlyList<SearchTerms.Word> words)
    {
        if (string.IsNullOrEmpty(text)) return HtmlString.Empty;
        var builder = new HtmlContentBuilder();
        var at = 0;
        while (at < text.Length && Next(text, words, at) is var (start, length) && start >= 0)
        {
            builder.Append(text[at..start]);
            builder.AppendHtml("<mark>").Append(text.Substring(start, length)).AppendHtml("</mark>");
            at = start + length;
        }
        builder.Append(text[at..]);
        return builder;
    }

    /// <summary>About <paramref name="length"/> characters of the text around the first query word (its start when none is in it), marked.</summary>
    public static IHtmlContent Snippet(string? text, IReadOnlyList<SearchTerms.Word> words, int length = 160)
    {
        if (string.IsNullOrWhiteSpace(text)) return HtmlString.Empty;
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= length) return Mark(text, words);
        var (first, _) = Next(text, words, 0);
        var start = first < 0 ? 0 : Math.Clamp(first - length / 3, 0, text.Length - length);
        // Whole words at both ends where a space is near.
        if (start > 0 && text.IndexOf(' ', start) is var space and >= 0 && space - start < 15) start = space + 1;
        var end = Math.Min(text.Length, start + length);
        if (end < text.Length && text.LastIndexOf(' ', end) is var last && last > start && end - last < 15) end = last;
        var builder = new HtmlContentBuilder();
        if (start > 0) builder.Append("… ");
        builder.AppendHtml(Mark(text[start..end], words));
        if (end < text.Length) builder.Append(" …");
        return builder;
    }

    /// <summary>The earliest occurrence of any query word from <paramref name="from"/>, the longest when two start together.</summary>
    private static (int Start, int Length) Next(string text, IReadOnlyList<SearchTerms.Word> words, int from)
    {
        var best = (Start: -1, Length: 0);
        foreach (var word in words)
        {
            var i = text.IndexOf(word.Surface, from, StringComparison.CurrentCultureIgnoreCase);
            if (i >= 0 && (best.Start < 0 || i < best.Start || (i == best.Start && word.Surface.Length > best.Length))) best = (i, word.Surface.Length);
        }
        return best;
    }

    // Korean as itself, not as character references: the API's readers get what the page shows.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>For the API: the HTML as a string.</summary>
    public static string ToHtml(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, Encoder);
        return writer.ToString();
    }
}
