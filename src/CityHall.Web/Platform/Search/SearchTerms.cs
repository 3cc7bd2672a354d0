using System.Globalization;
using System.Text;

namespace CityHall.Web.Platform.Search;

/// <summary>
/// How text becomes searchable terms, the same way on SQLite (FTS5) and PostgreSQL (full-text search with the
/// 'simple' configuration): Korean, Chinese and Japanese runs become overlapping two-character terms ("어린이공원" →
/// "어린 린이 이공 공원"), so any fragment of two characters or more is found wherever it stands in a word — Korean
/// attaches particles and compounds freely, and no morphological analyser is needed. Other words are kept whole,
/// lower-cased and without accents ("Café" → "cafe"). A query is cut the same way and each of its words must appear:
/// a Korean word as its terms side by side (a phrase), any other word as a prefix ("bench" finds "benches").
/// Terms hold letters and digits only, so nothing a visitor types can become a search operator.
/// </summary>
public static class SearchTerms
{
    public const int MaxQueryLength = 200;
    public const int MaxQueryWords = 8;

    /// <summary>One word of a query: its terms (side by side) and whether the last one is a prefix.</summary>
    public sealed record Word(string Surface, IReadOnlyList<string> Terms, bool Prefix);

    /// <summary>The text as terms separated by spaces (what the index stores).</summary>
    public static string Of(params string?[] texts)
    {
        var terms = new StringBuilder();
        foreach (var text in texts)
            if (!string.IsNullOrWhiteSpace(text))
                foreach (var word in Words(text))
                    foreach (var term in word.Terms)
                        terms.Append(term).Append(' ');
        return terms.ToString().TrimEnd();
    }

    /// <summary>The query's words (at most <see cref="MaxQueryWords"/>), each with its terms; empty when nothing searchable remains.</summary>
    public static IReadOnlyList<Word> Query(string query) => Words(query).DistinctBy(w => string.Join(' ', w.Terms)).Take(MaxQueryWords).ToList();

    /// <summary>The query for SQLite FTS5: each word a quoted phrase (a prefix one marked *), all required. (PostgreSQL reads the words themselves: see SearchIndex.)</summary>
    public static string Fts5(IReadOnlyList<Word> words) =>
        string.Join(" AND ", words.Select(w => $"\"{string.Join(' ', w.Terms)}\"{(w.Prefix ? "*" : "")}"));

    /// <summary>
    /// The least string after every string that begins with <paramref name="prefix"/> in code-point order (PostgreSQL's
    /// "C" collation): a prefix word's terms are those from the prefix up to, not including, this.
    /// </summary>
    public static string After(string prefix)
    {
        var last = prefix[^1];
        return char.IsSurrogate(last) || last == char.MaxValue ? prefix + char.MaxValue : prefix[..^1] + (char)(last + 1);
    }

    /// <summary>
    /// Whether an entry's terms hold every word of the query, each within the title or within the text: a prefix word
    /// as the start of a term, any other as its terms side by side — what the indexes answer, checked on the entries shown.
    /// </summary>
    public static bool Matches(IReadOnlyList<Word> words, string titleTerms, string bodyTerms)
    {
        var title = titleTerms.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var body = bodyTerms.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.All(w => Holds(title, w) || Holds(body, w));

        static bool Holds(string[] terms, Word word)
        {
            for (var i = 0; i + word.Terms.Count <= terms.Length; i++)
            {
                var j = 0;
                while (j < word.Terms.Count && (word.Prefix && j == word.Terms.Count - 1
                           ? terms[i + j].StartsWith(word.Terms[j], StringComparison.Ordinal)
                           : terms[i + j] == word.Terms[j])) j++;
                if (j == word.Terms.Count) return true;
            }
            return false;
        }
    }

    private static IEnumerable<Word> Words(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var run = new StringBuilder();
        foreach (var c in normalized.Append(' '))
        {
            if (char.IsLetterOrDigit(c)) { run.Append(c); continue; }
            if (run.Length == 0) continue;
            foreach (var word in Split(run.ToString())) yield return word;
            run.Clear();
        }
    }

    /// <summary>A run of letters and digits, cut where it turns from an ideographic script to another and back.</summary>
    private static IEnumerable<Word> Split(string run)
    {
        var start = 0;
        for (var i = 1; i <= run.Length; i++)
        {
            if (i < run.Length && IsIdeographic(run[i]) == IsIdeographic(run[start])) continue;
            var part = run[start..i];
            if (IsIdeographic(part[0]))
            {
                // One character alone is its own term, and a prefix: it finds the terms it begins.
                yield return part.Length == 1
                    ? new Word(part, [part], true)
                    : new Word(part, Enumerable.Range(0, part.Length - 1).Select(j => part.Substring(j, 2)).ToList(), false);
            }
            else
            {
                yield return new Word(part, [Fold(part)], true);
            }
            start = i;
        }
    }

    /// <summary>Hangul, CJK ideographs, kana: scripts written without spaces between the parts of a word.</summary>
    public static bool IsIdeographic(char c) =>
        c is (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F')
            or (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3040' and <= '\u30FF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>Lower case without accents (only Latin letters are decomposed: Hangul would fall apart into jamo).</summary>
    private static string Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var c in word.ToLowerInvariant())
        {
            if (c < '\u00C0' || c > '\u024F') { folded.Append(c); continue; }
            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark) folded.Append(d);
        }
        return folded.ToString();
    }
}
