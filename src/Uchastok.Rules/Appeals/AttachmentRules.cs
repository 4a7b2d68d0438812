namespace Uchastok.Rules.Appeals;

public enum AttachmentType { Jpeg, Png, Pdf }

public enum AttachmentProblem { None, TooMany, Empty, TooLarge, UnsupportedType, NameDoesNotMatchContent }

/// <summary>
/// What a resident may attach: at most 5 files of JPEG, PNG or PDF, each at most 5 MB. The type
/// is read from the file's first bytes; a name that claims another type is refused, so a
/// renamed executable never reaches an inspector's screen as a "photo".
/// </summary>
public static class AttachmentRules
{
    public const int MaxFiles = 5;
    public const int MaxBytes = 5 * 1024 * 1024;

    public static AttachmentType? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return AttachmentType.Jpeg;
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return AttachmentType.Png;
        if (content.StartsWith("%PDF-"u8)) return AttachmentType.Pdf;
        return null;
    }

    public static AttachmentProblem Check(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty) return AttachmentProblem.Empty;
        if (content.Length > MaxBytes) return AttachmentProblem.TooLarge;
        if (Sniff(content) is not { } type) return AttachmentProblem.UnsupportedType;
        return TypeFromName(fileName) == type ? AttachmentProblem.None : AttachmentProblem.NameDoesNotMatchContent;
    }

    public static string ContentType(AttachmentType type) => type switch
    {
        AttachmentType.Jpeg => "image/jpeg",
        AttachmentType.Png => "image/png",
        _ => "application/pdf",
    };

    public static string Extension(AttachmentType type) => type switch
    {
        AttachmentType.Jpeg => ".jpg",
        AttachmentType.Png => ".png",
        _ => ".pdf",
    };

    /// <summary>The type a file name claims by its extension; null when it claims none of the accepted ones.</summary>
    public static AttachmentType? TypeFromName(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => AttachmentType.Jpeg,
            ".png" => AttachmentType.Png,
            ".pdf" => AttachmentType.Pdf,
            _ => null,
        };
}
