using System.Security.Cryptography;
using SkiaSharp;

namespace CityHall.Web.Platform.Web;

public enum DocumentProblem { Empty, TooLarge, NotAllowedType }

/// <summary>An uploaded document accepted: its bytes, its type as read from its content, and its SHA-256.</summary>
public sealed record UploadedDocument(byte[] Bytes, string ContentType, string Sha256);

/// <summary>
/// A signed or certified document as people send it — a PDF, or a scan or photo of the paper — for evidence of a
/// programme's applicant, a mayor's letter to the city network: PDF, JPEG or PNG, told by their content, never their name: a PDF starts
/// with "%PDF-" and ends with "%%EOF"; a picture must be one SkiaSharp can read as JPEG or PNG.
/// They are kept as sent (not re-encoded) so a certificate stays as legible as it came.
/// </summary>
public static class UploadedDocuments
{
    public static async Task<(UploadedDocument? File, DocumentProblem? Problem)> ReadAsync(IFormFile upload, long maxBytes, CancellationToken ct)
    {
        if (upload.Length <= 0) return (null, DocumentProblem.Empty);
        if (upload.Length > maxBytes) return (null, DocumentProblem.TooLarge);
        using var buffer = new MemoryStream((int)upload.Length);
        await using (var stream = upload.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var type = TypeOf(bytes);
        return type is null ? (null, DocumentProblem.NotAllowedType) : (new UploadedDocument(bytes, type, Convert.ToHexStringLower(SHA256.HashData(bytes))), null);
    }

    public static string? TypeOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF-"u8))
            return bytes[Math.Max(0, bytes.Length - 1024)..].IndexOf("%%EOF"u8) >= 0 ? "application/pdf" : null;
        if (!bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) && !bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return null;
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return codec?.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => "image/jpeg",
            SKEncodedImageFormat.Png => "image/png",
            _ => null,
        };
    }
}
