using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;
using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Transparency;

public sealed record DraftRequest(string? Quarter, int? DistrictId);

public sealed record PublishRequest(int? Revision);

/// <summary>
/// The transparency API (C11): open data in CSV and JSON for anyone, the archive of published
/// quarterly reports and their PDFs, and the drafting and publishing of reports for supervisors
/// and administrators. The same queries serve the pages.
/// </summary>
public static class TransparencyApi
{
    private const string CsvType = "text/csv; charset=utf-8";
    private const string PdfType = "application/pdf";

    public static IEndpointRouteBuilder MapTransparencyApi(this IEndpointRouteBuilder app)
    {
        // The format is part of the address (appeals.csv, appeals.json), so that a link downloads what it says.
        var open = app.MapGroup("/api/v1/open-data").AllowAnonymous().WithTags("Open data");
        open.MapGet("/appeals.{format}", AppealsAsync).AlsoAs(CsvType, JsonSchemaType.String)
            .WithSummary("Appeals per beat and month: received, decided, decided on time, ratings and their mean; counts under 5 suppressed. CSV or JSON.");
        open.MapGet("/incidents.{format}", IncidentsAsync).AlsoAs(CsvType, JsonSchemaType.String)
            .WithSummary("Recorded incidents by month, type and beat, at anonymous public points. CSV or JSON.");
        open.MapGet("/prevention.{format}", PreventionAsync).AlsoAs(CsvType, JsonSchemaType.String)
            .WithSummary("People on the preventive register on the last day of the last ended month, per district and category; counts under 5 suppressed; no beat, no point. CSV or JSON.");

        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports");
        var published = reports.MapGroup(string.Empty).AllowAnonymous();
        published.MapGet(string.Empty, ArchiveAsync).WithSummary("The archive of published quarterly reports, newest first; of one quarter or one district (with the city's).");
        published.MapGet("/{quarter}/city", CityAsync).WithSummary("The city's quarterly report: its figures as published.");
        published.MapGet("/{quarter}/{level}/{id:int}", AreaAsync)
            .WithSummary("A district's or a beat's quarterly report (level: district or beat). Drafts only for those who publish them.");

        var manage = reports.MapGroup("/manage").RequireAuthorization(Policies.TerritoryManagers);
        manage.MapGet(string.Empty, ManageableAsync).WithSummary("The reports of a quarter (by default the last ended) the caller may publish, with their revisions.");
        manage.MapPost("/draft", DraftAsync).WithSummary("Recompute the drafts of an ended quarter now (a district's, or the whole city's for an administrator).");
        manage.MapPost("/{id:int}/publish", PublishAsync)
            .WithSummary("Publish a draft as seen at its revision; once the quarter's records have closed. A published report never changes.");

        // The PDFs live beside each report's page, at addresses as stable as the page's.
        var pdfs = app.MapGroup("/reports/{quarter}").AllowAnonymous().WithTags("Reports");
        pdfs.MapGet("/city/{language}.pdf", CityPdfAsync).ProducesFile(PdfType)
            .WithSummary("The city's quarterly report as a PDF in one language (kk, ru, en).");
        pdfs.MapGet("/{level}/{id:int}/{language}.pdf", AreaPdfAsync).ProducesFile(PdfType)
            .WithSummary("A district's or a beat's quarterly report as a PDF in one language (kk, ru, en).");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<AppealStatisticsRow>>, FileContentHttpResult, ProblemHttpResult>> AppealsAsync(
        string format, string? from, string? to, OpenDataExport export, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!OpenDataExport.TryMonths(from, to, KazakhstanTime.Today(clock), out var first, out var last))
            return Problems.BadRequest(localizer, "OpenData.MonthsInvalid", OpenDataExport.MaxMonths);
        return Write(format, await export.AppealsAsync(first, last, cancellationToken), "appeals", localizer);
    }

    private static async Task<Results<Ok<IReadOnlyList<IncidentRow>>, FileContentHttpResult, ProblemHttpResult>> IncidentsAsync(
        string format, string? from, string? to, OpenDataExport export, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!OpenDataExport.TryMonths(from, to, KazakhstanTime.Today(clock), out var first, out var last))
            return Problems.BadRequest(localizer, "OpenData.MonthsInvalid", OpenDataExport.MaxMonths);
        return Write(format, await export.IncidentsAsync(first, last, cancellationToken), "incidents", localizer);
    }

    private static async Task<Results<Ok<IReadOnlyList<PreventionCountRow>>, FileContentHttpResult, ProblemHttpResult>> PreventionAsync(
        string format, OpenDataExport export, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Write(format, await export.PreventionAsync(KazakhstanTime.Today(clock), cancellationToken), "prevention", localizer);

    /// <summary>CSV and JSON carry the same columns (docs/open-data.md); any other extension is an address that does not exist.</summary>
    private static Results<Ok<IReadOnlyList<T>>, FileContentHttpResult, ProblemHttpResult> Write<T>(string format, IReadOnlyList<T> rows, string name, IStringLocalizer localizer) => format switch
    {
        "csv" => TypedResults.File(Encoding.UTF8.GetBytes(OpenDataExport.Csv(rows)), CsvType, $"uchastok-{name}.csv"),
        "json" => TypedResults.Ok(rows),
        _ => Problems.NotFound(localizer, "OpenData.FormatUnknown"),
    };

    private static async Task<Results<Ok<List<ReportSummary>>, ProblemHttpResult>> ArchiveAsync(
        string? quarter, int? district, QuarterlyReports reports, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        Quarter? only = null;
        if (!string.IsNullOrWhiteSpace(quarter))
        {
            if (!Quarter.TryParse(quarter.Trim(), out var asked)) return Problems.BadRequest(localizer, "Trust.QuarterInvalid");
            only = asked;
        }
        return TypedResults.Ok((await reports.PublishedAsync(only, district, cancellationToken)).Select(ReportSummary.Of).ToList());
    }

    private static Task<Results<Ok<ReportView>, ProblemHttpResult>> CityAsync(
        string quarter, ClaimsPrincipal user, QuarterlyReports reports, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ReadAsync(quarter, "city", null, user, reports, localizer, cancellationToken);

    private static Task<Results<Ok<ReportView>, ProblemHttpResult>> AreaAsync(
        string quarter, string level, int id, ClaimsPrincipal user, QuarterlyReports reports, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        ReadAsync(quarter, level, id, user, reports, localizer, cancellationToken);

    private static async Task<Results<Ok<ReportView>, ProblemHttpResult>> ReadAsync(
        string quarter, string level, int? id, ClaimsPrincipal user, QuarterlyReports reports, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (!Quarter.TryParse(quarter, out var asked) || !TransparencyModule.TryLevel(level, id, out var reportLevel)) return Problems.NotFound(localizer, "Report.NotFound");
        return await reports.ReadAsync(asked, reportLevel, id, user, cancellationToken) is { } report ? TypedResults.Ok(report) : Problems.NotFound(localizer, "Report.NotFound");
    }

    private static async Task<Results<Ok<List<ManagedReport>>, ProblemHttpResult>> ManageableAsync(
        string? quarter, ClaimsPrincipal user, QuarterlyReports reports, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (reports.ManagedQuarter(quarter) is not { } asked) return Problems.BadRequest(localizer, "Trust.QuarterInvalid");
        return TypedResults.Ok((await reports.ManageableAsync(user, asked, cancellationToken)).Select(ManagedReport.Of).ToList());
    }

    private static async Task<Results<Ok<DraftPass>, ProblemHttpResult, ForbidHttpResult>> DraftAsync(
        DraftRequest body, ClaimsPrincipal user, QuarterlyReports reports, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (reports.ManagedQuarter(body.Quarter) is not { } asked) return Problems.BadRequest(localizer, "Trust.QuarterInvalid");
        var (result, pass) = await reports.RecomputeAsync(user, asked, body.DistrictId, cancellationToken);
        return result switch
        {
            RecomputeResult.Done => TypedResults.Ok(pass!),
            RecomputeResult.NotRecomputable => Problems.Status(localizer, StatusCodes.Status409Conflict, "Report.QuarterNotDraftable"),
            RecomputeResult.Forbidden => TypedResults.Forbid(),
            _ => Problems.Status(localizer, StatusCodes.Status409Conflict, "Report.QuarterNotEnded"),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> PublishAsync(
        int id, PublishRequest body, ClaimsPrincipal user, QuarterlyReports reports, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (body.Revision is not { } revision) return Problems.BadRequest(localizer, "Report.RevisionRequired");
        return (await reports.PublishAsync([new PublishItem(id, revision)], user, cancellationToken))[id] switch
        {
            PublishResult.Published => TypedResults.NoContent(),
            PublishResult.AlreadyPublished => Problems.Status(localizer, StatusCodes.Status409Conflict, "Report.AlreadyPublished"),
            PublishResult.Changed => Problems.Status(localizer, StatusCodes.Status409Conflict, "Report.Changed"),
            PublishResult.TooEarly => Problems.Status(localizer, StatusCodes.Status409Conflict, "Report.TooEarly"),
            _ => Problems.NotFound(localizer, "Report.NotFound"),
        };
    }

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> CityPdfAsync(
        string quarter, string language, HttpContext http, QuarterlyReports reports, ReportPdfs pdfs, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PdfAsync(quarter, "city", null, language, http, reports, pdfs, localizer, cancellationToken);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> AreaPdfAsync(
        string quarter, string level, int id, string language, HttpContext http, QuarterlyReports reports, ReportPdfs pdfs, IStringLocalizer<SharedResource> localizer,
        CancellationToken cancellationToken) =>
        PdfAsync(quarter, level, id, language, http, reports, pdfs, localizer, cancellationToken);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(
        string quarter, string level, int? id, string language, HttpContext http, QuarterlyReports reports, ReportPdfs pdfs, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (!Quarter.TryParse(quarter, out var asked) || !TransparencyModule.TryLevel(level, id, out var reportLevel) || !LocalizationSetup.Languages.Contains(language))
            return Problems.NotFound(localizer, "Report.NotFound");
        if (await reports.ReadAsync(asked, reportLevel, id, http.User, cancellationToken) is not { } report) return Problems.NotFound(localizer, "Report.NotFound");
        var pdf = pdfs.Make(report, language);
        // A published report never changes: browsers and proxies may keep it; a draft must be read afresh.
        http.Response.Headers.CacheControl = report.Status == ReportStatus.Published ? "public, max-age=86400" : "private, no-store";
        return TypedResults.File(pdf, PdfType, $"uchastok-report-{report.Quarter}-{level}{(id is null ? "" : $"-{id}")}-{language}.pdf");
    }
}
