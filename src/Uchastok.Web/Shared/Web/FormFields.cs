using System.Globalization;

namespace Uchastok.Web.Shared.Web;

/// <summary>
/// Reads the fields of an HTML form or a multipart API request the way every Uchastok form does: blank is absent,
/// numbers in the invariant culture (a browser sends <c>43.25</c> whatever the page's language), a checkbox by its
/// posted value, and a file never read more than one byte past its limit.
/// </summary>
public static class FormFields
{
    /// <summary>The field's text, or null when it is missing or blank.</summary>
    public static string? Text(IFormCollection form, string name) => form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;

    public static int? Int(IFormCollection form, string name) =>
        int.TryParse(Text(form, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static double? Double(IFormCollection form, string name) =>
        double.TryParse(Text(form, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A checkbox posts "true" (and the hidden "false" after it); anything else is false.</summary>
    public static bool Bool(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || v == "on");

    /// <summary>
    /// Reads a file, but never more than one byte past <paramref name="maxBytes"/>: a larger one is refused by its
    /// caller (its length says so) without having been held in memory whole.
    /// </summary>
    public static async Task<byte[]> ReadCappedAsync(IFormFile file, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(file.Length, maxBytes + 1L)];
        await using var stream = file.OpenReadStream();
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0) break;
            read += n;
        }
        return read == buffer.Length ? buffer : buffer[..read];
    }
}
