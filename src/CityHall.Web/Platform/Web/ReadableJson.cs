using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// JSON kept for people to read later (audit details, stored settings): Korean stays Korean
/// instead of \uXXXX escapes. Never written into HTML or scripts unencoded.
/// </summary>
public static class ReadableJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
