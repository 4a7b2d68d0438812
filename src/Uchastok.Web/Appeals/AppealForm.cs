using Uchastok.Web.Shared.Web;
using static Uchastok.Web.Shared.Web.FormFields;

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
        return new AttachmentUpload(file.FileName, await FormFields.ReadCappedAsync(file, Rules.Appeals.AttachmentRules.MaxBytes, cancellationToken));
    }
}
