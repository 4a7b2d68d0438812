namespace Uchastok.Web.Appeals;

/// <summary>
/// What a resident sends to file an appeal, from the form or as JSON. Place is one of: a map
/// point (lat/lon), a gazetteer address (addressId, or typed text the form resolves), or none
/// with the district chosen.
/// </summary>
public sealed class AppealInput
{
    public const int MaxTextLength = 5000;

    public string? Kind { get; set; }
    public int? CategoryId { get; set; }
    public string? Text { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public int? AddressId { get; set; }
    public string? AddressText { get; set; }
    /// <summary>For an appeal not tied to a place: the district whose duty list receives it.</summary>
    public int? DistrictId { get; set; }
    public bool AboutPoliceOfficer { get; set; }
    /// <summary>The officer a complaint is about, when the resident knows (ids as in /api/v1/beats/{id}/team).</summary>
    public int? ConcernedOfficerId { get; set; }
    /// <summary>Form shortcut: the complaint is about the inspector of the beat at the marked place.</summary>
    public bool ConcernsBeatInspector { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Iin { get; set; }
    /// <summary>Consent to the processing of the personal data given (Law No. 94-V); required for a formal appeal.</summary>
    public bool Consent { get; set; }
    /// <summary>May the text and the approximate place be shown publicly, without name or contacts? Off unless the applicant says so.</summary>
    public bool Publish { get; set; }
}

/// <summary>A file sent with an appeal, read into memory (at most 5 × 5 MB).</summary>
public sealed record AttachmentUpload(string FileName, byte[] Content);

/// <summary>What an anonymous report of an offence carries: no name, no contact.</summary>
public sealed class TipInput
{
    public int? CategoryId { get; set; }
    public string? Text { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public int? AddressId { get; set; }
    public string? AddressText { get; set; }
    public int? DistrictId { get; set; }
}
