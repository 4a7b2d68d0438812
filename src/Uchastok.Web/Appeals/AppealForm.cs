using System.Globalization;

namespace Uchastok.Web.Appeals;

/// <summary>Reads an appeal from an HTML form or a multipart API request: the same field names as the JSON body.</summary>
public static class AppealForm
{
    public static AppealInput Bind(IFormCollection form) => new()
    {
        Kind = Text(form, "kind"),
        CategoryId = Int(form, "categoryId"),
        Text = Text(form, "text"),
        Lat = Double(form, "lat"),
        Lon = Double(form, "lon"),
        AddressId = Int(form, "addressId"),
        AddressText = Text(form, "addressText"),
        DistrictId = Int(form, "districtId"),
        AboutPoliceOfficer = Bool(form, "aboutPoliceOfficer"),
        ConcernedOfficerId = Int(form, "concernedOfficerId"),
        ConcernsBeatInspector = Bool(form, "concernsBeatInspector"),
        Name = Text(form, "name"),
        Phone = Text(form, "phone"),
        Email = Text(form, "email"),
        Iin = Text(form, "iin"),
        Consent = Bool(form, "consent"),
        Publish = Bool(form, "publish"),
    };

    /// <summary>Reads a file, but never more than one byte past the limit: a larger file is refused without being held in memory.</summary>
    public static async Task<AttachmentUpload> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var limit = Rules.Appeals.AttachmentRules.MaxBytes + 1;
        await using var stream = file.OpenReadStream();
        var buffer = new byte[Math.Min(file.Length, limit)];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0) break;
            read += n;
        }
        return new AttachmentUpload(file.FileName, read == buffer.Length ? buffer : buffer[..read]);
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
