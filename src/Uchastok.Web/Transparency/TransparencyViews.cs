using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Transparency;

/// <summary>A published report in the archive: where to read it, in HTML and in each language's PDF.</summary>
/// <param name="Pdf">The address of its PDF in each language, by language (<c>kk</c>, <c>ru</c>, <c>en</c>).</param>
public sealed record ReportSummary(int Id, string Quarter, ReportLevel Level, int? DistrictId, int? BeatId, string Area, DateTime? PublishedAtUtc, string Url, IReadOnlyDictionary<string, string> Pdf)
{
    public static ReportSummary Of(ReportListing r) => new(r.Id, r.Quarter, r.Level, r.DistrictId, r.BeatId, r.Area.Local, r.PublishedAtUtc, r.Url,
        LocalizationSetup.Languages.ToDictionary(language => language, language => $"{r.Url}/{language}.pdf"));
}

/// <summary>A report as those who publish it list it: its state and the revision to name when publishing.</summary>
public sealed record ManagedReport(
    int Id, string Quarter, ReportLevel Level, int? DistrictId, int? BeatId, string Area, ReportStatus Status, int Revision,
    DateTime UpdatedAtUtc, DateTime? PublishedAtUtc, string Url)
{
    public static ManagedReport Of(ReportListing r) =>
        new(r.Id, r.Quarter, r.Level, r.DistrictId, r.BeatId, r.Area.Local, r.Status, r.Revision, r.UpdatedAtUtc, r.PublishedAtUtc, r.Url);
}
