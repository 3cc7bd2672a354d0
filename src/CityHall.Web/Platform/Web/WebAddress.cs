namespace CityHall.Web.Platform.Web;

/// <summary>Whether text is a web address a page may link to: absolute http(s) only (imported or typed text may be anything, "javascript:" included).</summary>
public static class WebAddress
{
    public static bool TryParse(string? text, out Uri uri)
    {
        uri = null!;
        return !string.IsNullOrWhiteSpace(text) && Uri.TryCreate(text.Trim(), UriKind.Absolute, out uri!) && uri.Scheme is "https" or "http";
    }

    public static bool IsValid(string? text) => TryParse(text, out _);
}
