using System.Globalization;
using Uchastok.Rules.Safety;

namespace Uchastok.Web.Safety;

/// <summary>Reads a quick report from the page's form or a multipart API request: the JSON body's field names, the photo in <c>photo</c>.</summary>
public static class SafetyForm
{
    /// <summary>
    /// The field the confirm step ("is this happening now?") carries the already cleaned photo in, as base64, so
    /// that a browser without JavaScript sends it on with "No, send my report" and nothing is kept on the server between.
    /// </summary>
    public const string CarriedPhotoField = "photoCarried";

    /// <summary>Room for a 5 MB photo as base64 in <see cref="CarriedPhotoField"/>.</summary>
    public const int CarriedPhotoLimit = (SafetyPhoto.MaxBytes / 3 * 4) + 16;

    public static async Task<SafetyReportInput> ReadAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        byte[]? photo = null;
        if (form.Files.GetFile("photo") is { Length: > 0 } file) photo = await ReadCappedAsync(file, cancellationToken);
        else if (Text(form, CarriedPhotoField) is { Length: <= CarriedPhotoLimit } carried)
        {
            var buffer = new byte[carried.Length * 3 / 4 + 3];
            photo = Convert.TryFromBase64String(carried, buffer, out var written) ? buffer[..written] : [0];
        }
        return new SafetyReportInput(
            Text(form, "category"), Double(form, "lat"), Double(form, "lon"), Text(form, "addressText"), Int(form, "districtId"), Text(form, "text"),
            photo, Bool(form, "notHappeningNow"), Bool(form, "sign"));
    }

    /// <summary>Reads a file, but never more than one byte past the limit: a larger one is refused without being held in memory.</summary>
    private static async Task<byte[]> ReadCappedAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(file.Length, SafetyPhoto.MaxBytes + 1)];
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

    private static string? Text(IFormCollection form, string name) => form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;

    private static int? Int(IFormCollection form, string name) =>
        int.TryParse(Text(form, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static double? Double(IFormCollection form, string name) =>
        double.TryParse(Text(form, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A checkbox posts "true" (and the hidden "false" after it); anything else is false.</summary>
    private static bool Bool(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || v == "on");
}
