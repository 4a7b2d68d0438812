namespace Uchastok.Rules.Safety;

public enum SafetyPhotoProblem { None, Empty, TooLarge, NotAnImage }

/// <summary>A photo as it is stored: its bytes without metadata, and its media type.</summary>
public sealed record CleanPhoto(byte[] Content, string ContentType);

/// <summary>
/// The optional photo of a quick report: JPEG or PNG by its first bytes (never by its name or the type the
/// browser claims), at most 5 MB, and stored only after its metadata is removed.
/// <para>
/// Why strip: a phone writes into the photo the place it was taken (EXIF GPS, to a few metres), the time,
/// the camera's make, model and serial number and the software that edited it. Of an anonymous resident
/// that is his home or his route and his device: enough to name him. The report keeps the place he chose
/// to give and nothing more. JPEG keeps only the image's own segments (tables, frames, scans) and, from
/// EXIF, only the orientation, rewritten alone, so a phone's portrait photo still stands upright; PNG keeps
/// only the chunks that draw the image (text chunks, eXIf and tIME go).
/// </para>
/// </summary>
public static class SafetyPhoto
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public static SafetyPhotoProblem Check(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty) return SafetyPhotoProblem.Empty;
        if (content.Length > MaxBytes) return SafetyPhotoProblem.TooLarge;
        return IsJpeg(content) || IsPng(content) ? SafetyPhotoProblem.None : SafetyPhotoProblem.NotAnImage;
    }

    /// <summary>The photo without its metadata; null when it is not a well-formed JPEG or PNG.</summary>
    public static CleanPhoto? Clean(byte[] content)
    {
        try
        {
            if (IsJpeg(content)) return StripJpeg(content) is { } jpeg ? new CleanPhoto(jpeg, "image/jpeg") : null;
            if (IsPng(content)) return StripPng(content) is { } png ? new CleanPhoto(png, "image/png") : null;
        }
        catch (IndexOutOfRangeException)
        {
            // A length that points past the end: a truncated or forged file, not a photo.
        }
        catch (ArgumentOutOfRangeException)
        {
        }
        return null;
    }

    private static bool IsJpeg(ReadOnlySpan<byte> content) => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static bool IsPng(ReadOnlySpan<byte> content) => content.StartsWith(PngSignature);

    private static byte[]? StripJpeg(byte[] data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write([0xFF, 0xD8]);
        var orientation = (ushort)0;
        var at = 2;
        var sawImage = false;
        while (at < data.Length)
        {
            if (data[at] != 0xFF) return null;
            while (at < data.Length && data[at] == 0xFF) at++; // fill bytes before a marker
            if (at >= data.Length) return null;
            var marker = data[at++];
            if (marker == 0xD9)
            {
                if (!sawImage) return null;
                output.Write([0xFF, 0xD9]);
                return WithOrientation(output.ToArray(), orientation);
            }
            if (marker is >= 0xD0 and <= 0xD7 or 0x01) { output.Write([0xFF, marker]); continue; }
            if (at + 2 > data.Length) return null;
            var length = (data[at] << 8) | data[at + 1];
            if (length < 2 || at + length > data.Length) return null;
            var segment = data.AsSpan(at - 2, length + 2);
            if (marker == 0xE1 && orientation == 0) orientation = ExifOrientation(data.AsSpan(at + 2, length - 2));
            // APP0–APP15 (JFIF, EXIF, XMP, ICC, maker notes) and comments carry metadata; the image needs none of them.
            var keep = marker is not (>= 0xE0 and <= 0xEF) and not 0xFE;
            if (keep) output.Write(segment);
            at += length;
            if (marker == 0xDA)
            {
                sawImage = true;
                // Entropy-coded data runs to the next marker that is not a stuffed 0x00 or a restart.
                var start = at;
                while (at + 1 < data.Length && !(data[at] == 0xFF && data[at + 1] is not (0x00 or >= 0xD0 and <= 0xD7 or 0xFF))) at++;
                if (at + 1 >= data.Length) return null;
                output.Write(data.AsSpan(start, at - start));
            }
        }
        return null;
    }

    /// <summary>The orientation (1–8) in an EXIF APP1 segment's first image directory; 0 when there is none.</summary>
    private static ushort ExifOrientation(ReadOnlySpan<byte> app1)
    {
        if (!app1.StartsWith("Exif\0\0"u8) || app1.Length < 14) return 0;
        var tiff = app1[6..];
        var big = tiff[0] == (byte)'M';
        ushort U16(ReadOnlySpan<byte> s, int i) => big ? (ushort)((s[i] << 8) | s[i + 1]) : (ushort)(s[i] | (s[i + 1] << 8));
        uint U32(ReadOnlySpan<byte> s, int i) => big ? (uint)((s[i] << 24) | (s[i + 1] << 16) | (s[i + 2] << 8) | s[i + 3]) : (uint)(s[i] | (s[i + 1] << 8) | (s[i + 2] << 16) | (s[i + 3] << 24));
        var ifd = U32(tiff, 4);
        // Compared without adding to the offset: a forged one near uint.MaxValue would wrap.
        if (tiff.Length < 2 || ifd > (uint)tiff.Length - 2) return 0;
        var count = U16(tiff, (int)ifd);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)ifd + 2 + (i * 12);
            if (entry + 12 > tiff.Length) return 0;
            if (U16(tiff, entry) == 0x0112)
            {
                var value = U16(tiff, entry + 8);
                return value is >= 1 and <= 8 ? value : (ushort)0;
            }
        }
        return 0;
    }

    /// <summary>Puts back, right after the start of image, an EXIF segment holding the orientation and nothing else.</summary>
    private static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        if (orientation is 0 or 1) return jpeg;
        byte[] app1 =
        [
            0xFF, 0xE1, 0x00, 0x22, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, first directory at 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00, // Orientation, SHORT, 1
            0x00, 0x00, 0x00, 0x00, // no next directory
        ];
        var result = new byte[jpeg.Length + app1.Length];
        jpeg.AsSpan(0, 2).CopyTo(result);
        app1.CopyTo(result, 2);
        jpeg.AsSpan(2).CopyTo(result.AsSpan(2 + app1.Length));
        return result;
    }

    /// <summary>
    /// The chunks that draw a PNG; everything else (tEXt, zTXt, iTXt, eXIf, tIME, private chunks) is left out, and so is the
    /// colour profile (iCCP), as JPEG's is: a profile's header can name the device's maker and model.
    /// </summary>
    private static readonly HashSet<string> PngImageChunks =
        ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD", "pHYs", "hIST"];

    private static byte[]? StripPng(byte[] data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(PngSignature);
        var at = PngSignature.Length;
        var first = true;
        while (at + 12 <= data.Length)
        {
            var length = (data[at] << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3];
            if (length < 0 || at + 12L + length > data.Length) return null;
            var type = System.Text.Encoding.ASCII.GetString(data, at + 4, 4);
            if (first && type != "IHDR") return null;
            first = false;
            if (PngImageChunks.Contains(type)) output.Write(data, at, 12 + length);
            at += 12 + length;
            if (type == "IEND") return output.ToArray();
        }
        return null;
    }
}
