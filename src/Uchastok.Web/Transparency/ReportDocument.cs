using System.Globalization;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Transparency;
using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Documents;

namespace Uchastok.Web.Transparency;

public sealed record ReportRow(string Label, string Value);

/// <summary>An entry of a list in a report (a neighbourhood priority), in the language it was written in.</summary>
public sealed record ReportEntry(string Text, string Detail, string Language);

public sealed record ReportSection(string Id, string Title, IReadOnlyList<ReportRow> Rows, IReadOnlyList<Chart> Charts, IReadOnlyList<ReportEntry> Entries, string? Empty);

/// <summary>
/// A report put into words in the reader's language, once for both the page and the PDF, so that
/// the two always say the same: its title, its sections of figures, charts and lists, and how
/// the figures were made.
/// </summary>
public sealed record ReportDocument(string Title, string Subtitle, string Status, bool Draft, IReadOnlyList<ReportSection> Sections, string Method)
{
    public static ReportDocument Build(ReportView report, IStringLocalizer l)
    {
        var f = report.Figures;
        var none = l["Report.Withheld"].Value;
        string Count(int? value) => value is { } v ? v.ToString("N0", CultureInfo.CurrentCulture) : none;
        string Percent(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.CurrentCulture) + " %" : none;
        string Rating(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.CurrentCulture) : none;
        string Day(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

        var subtitle = f.Level switch
        {
            ReportLevel.Beat => l["Report.SubtitleBeat", f.District?.Local ?? "", f.Inspector ?? l["Report.NoInspector"]],
            ReportLevel.District => l["Report.SubtitleDistrict"],
            _ => l["Report.SubtitleCity"],
        };

        var a = f.Appeals;
        var appeals = new ReportSection("appeals", l["Report.Appeals"],
        [
            new(l["Report.Received"], Count(a.Received)),
            new(l["Report.Decided"], Count(a.Decided)),
            new(l["Report.DecidedOnTime"], a.OnTimeShare is null ? Count(a.DecidedOnTime) : $"{Count(a.DecidedOnTime)} ({Percent(a.OnTimeShare)})"),
            new(l["Report.Ratings"], Count(a.Ratings)),
            new(l["Report.MeanRating"], Rating(a.MeanRating)),
        ],
        [
            Chart.Bars(f.Trend.Select(t => new Bar(t.Quarter, t.OnTimeShare, t.OnTimeShare is { } s ? s.ToString("0", CultureInfo.CurrentCulture) + " %" : "—")).ToList(),
                100, [0, 50, 100], l["Report.OnTimeChart"], t => t.ToString("0", CultureInfo.InvariantCulture)),
            Chart.Bars(f.Trend.Select(t => new Bar(t.Quarter, t.MeanRating, t.MeanRating is { } m ? m.ToString("0.0", CultureInfo.CurrentCulture) : "—")).ToList(),
                5, [0, 1, 2, 3, 4, 5], l["Report.RatingChart"], t => t.ToString("0", CultureInfo.InvariantCulture)),
        ], [], null);

        var m = f.Meetings;
        var meetingRows = new List<ReportRow> { new(l["Report.MeetingsHeld"], Count0(m.Held)), new(l["Report.Attendance"], Count0(m.Attendance)) };
        meetingRows.AddRange(m.ByKind.Select(k => new ReportRow("· " + l[$"MeetingKind.{k.Key}"], Count0(k.Value))));
        meetingRows.Add(f.Level == ReportLevel.Beat
            ? new(l["Report.ReportMeetingHeld"], m.Inspectors == 0 ? l["Report.NoInspector"] : m.InspectorsReported > 0 ? l["Report.Yes"] : l["Report.No"])
            : new(l["Report.InspectorsReported"], l["Report.OutOf", m.InspectorsReported, m.Inspectors]));
        var meetings = new ReportSection("meetings", l["Report.Meetings"], meetingRows, [], [], null);

        var p = f.Priorities;
        var priorities = new ReportSection("priorities", l["Report.Priorities"],
            [new(l["Report.PrioritiesRaised"], Count0(p.Raised)), new(l["Report.PrioritiesActed"], Count0(p.ActionTaken))], [],
            p.Items.Select(i => new ReportEntry(f.Level == ReportLevel.Beat ? i.Issue : $"{i.Beat}: {i.Issue}",
                i.Action is null ? l["Report.PriorityOpen", Day(i.RaisedOn)] : l["Report.PriorityAction", Day(i.RaisedOn), Day(i.ActionOn!.Value), i.Action], i.Language)).ToList(),
            f.Level != ReportLevel.City && p.Items.Count == 0 ? l["Report.NoPriorities"].Value : null);

        var w = f.Activities;
        var activityRows = new List<ReportRow> { new(l["Report.ActivitiesCount"], Count0(w.Count)), new(l["Report.Participants"], Count0(w.Participants)) };
        activityRows.AddRange(w.ByKind.Select(k => new ReportRow("· " + l[$"ActivityKind.{k.Key}"], Count0(k.Value))));
        var activities = new ReportSection("activities", l["Report.Activities"], activityRows, [], [], f.Level == ReportLevel.Beat ? l["Report.IndividualWorkInDistrict"].Value : null);

        var t = f.Trust;
        var trustValue = t.Score is { } score
            ? l["Report.TrustValue", score.ToString("0.0", CultureInfo.CurrentCulture), t.Low?.ToString("0.0", CultureInfo.CurrentCulture) ?? "", t.High?.ToString("0.0", CultureInfo.CurrentCulture) ?? "", t.Responses]
            : l["Report.TrustNotEnough", t.Responses, TrustIndex.MinimumResponses];
        var trustSection = new ReportSection("trust", l["Report.Trust"], [new(t.OfDistrict ? l["Report.TrustIndexOfDistrict", f.District?.Local ?? ""] : l["Report.TrustIndex"], trustValue)], [], [], null);

        var status = report.PublishedAtUtc is { } published
            ? l["Report.PublishedOn", Day(Shared.Localization.KazakhstanTime.LocalDate(published))].Value
            : l["Report.DraftNote", Day(QuarterlyReports.PublishableFrom(Quarter.TryParse(report.Quarter, out var q) ? q : default))].Value;
        return new ReportDocument(l["Report.Title", f.Area.Local, QuarterName(report.Quarter, l)], subtitle, status, report.Status == ReportStatus.Draft, [appeals, meetings, priorities, activities, trustSection],
            l["Report.Method", OpenDataPrivacy.MinimumCount, TrustIndex.MinimumResponses]);

        static string Count0(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
    }

    /// <summary>"2026 жылғы 4-тоқсан", "4-й квартал 2026 года", "Q4 2026".</summary>
    public static string QuarterName(string quarter, IStringLocalizer l) =>
        Quarter.TryParse(quarter, out var q) ? l["Report.QuarterName", q.Year.ToString(CultureInfo.InvariantCulture), q.Number] : quarter;

    /// <summary>The document as an A4 PDF with its fonts embedded, its charts drawn as vectors and the page's address in the footer.</summary>
    public byte[] Pdf(string address)
    {
        using var pdf = new PdfComposer(Title, address);
        pdf.Title(Title);
        pdf.Paragraph(Subtitle, muted: true, after: 2);
        pdf.Paragraph(Status, 9, bold: Draft, muted: !Draft, after: 10);
        foreach (var section in Sections)
        {
            pdf.Heading(section.Title);
            foreach (var row in section.Rows) pdf.Row(row.Label, row.Value);
            foreach (var chart in section.Charts)
            {
                pdf.Paragraph(chart.Label, 9, muted: true, after: 2);
                pdf.Chart(chart, 380);
            }
            foreach (var entry in section.Entries)
            {
                pdf.Paragraph(entry.Text, bold: true, after: 1);
                pdf.Paragraph(entry.Detail, 9, muted: true);
            }
            if (section.Empty is { } empty) pdf.Paragraph(empty, 9, muted: true);
        }
        pdf.Paragraph(Method, 8, muted: true);
        return pdf.Save();
    }
}
