using static Uchastok.Web.Shared.Web.FormFields;
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
        if (form.Files.GetFile("photo") is { Length: > 0 } file) photo = await ReadCappedAsync(file, SafetyPhoto.MaxBytes, cancellationToken);
        else if (Text(form, CarriedPhotoField) is { Length: <= CarriedPhotoLimit } carried)
        {
            var buffer = new byte[carried.Length * 3 / 4 + 3];
            photo = Convert.TryFromBase64String(carried, buffer, out var written) ? buffer[..written] : [0];
        }
        return new SafetyReportInput(
            Text(form, "category"), Double(form, "lat"), Double(form, "lon"), Text(form, "addressText"), Int(form, "districtId"), Text(form, "text"),
            photo, Bool(form, "notHappeningNow"), Bool(form, "sign"));
    }
}
