using System.Globalization;
using System.Text;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// Character bigrams of a title, for finding proposals that say the same thing. Korean has no
/// spaces to rely on ("버스정류장 그늘막" vs "버스 정류장에 그늘막"), so pairs of letters, with
/// spaces and punctuation removed, match where words would not; it works the same on SQLite and PostgreSQL.
/// </summary>
public static class TitleGrams
{
    public static IReadOnlyList<string> Of(string? title)
    {
        var letters = new StringBuilder();
        foreach (var c in (title ?? "").Normalize(NormalizationForm.FormC))
            if (char.IsLetterOrDigit(c)) letters.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < letters.Length; i++) grams.Add(letters.ToString(i, 2));
        return grams.ToList();
    }

    /// <summary>Dice similarity of two gram sets from the count they share.</summary>
    public static double Similarity(int shared, int countA, int countB) =>
        countA + countB == 0 ? 0 : 2.0 * shared / (countA + countB);
}
