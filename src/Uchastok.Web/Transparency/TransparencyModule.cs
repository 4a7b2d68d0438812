using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Documents;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Transparency;

public sealed record DraftRequest(string? Quarter, int? DistrictId);

public sealed record PublishRequest(int? Revision);

/// <summary>A published report in the archive: where to read it, in HTML and in each language's PDF.</summary>
public sealed record ReportSummary(int Id, string Quarter, ReportLevel Level, int? DistrictId, int? BeatId, string Area, DateTime? PublishedAtUtc, string Url, IReadOnlyDictionary<string, string> Pdf)
{
    public static ReportSummary Of(ReportListing r) => new(r.Id, r.Quarter, r.Level, r.DistrictId, r.BeatId, r.Area.Local, r.PublishedAtUtc, r.Url,
        LocalizationSetup.Languages.ToDictionary(language => language, language => $"{r.Url}/{language}.pdf"));
}

/// <summary>
/// Published reports' PDFs, made once per language while they are read: the same for every
/// reader and for ever. Bounded by size, so that reading every report of the archive cannot fill memory.
/// </summary>
public sealed class ReportPdfCache : IDisposable
{
    public const long SizeLimitBytes = 64L * 1024 * 1024;
    private static readonly TimeSpan Sliding = TimeSpan.FromMinutes(10);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    public byte[] GetOrMake(int reportId, string language, Func<byte[]> make) =>
        _cache.GetOrCreate($"{reportId}:{language}", entry =>
        {
            var pdf = make();
            entry.SlidingExpiration = Sliding;
            entry.Size = pdf.Length;
            return pdf;
        })!;

    public void Dispose() => _cache.Dispose();
}

/// <summary>Transparency (C11): open data with privacy protection, and the public quarterly reports.</summary>
public static class TransparencyModule
{
    public static IServiceCollection AddTransparency(this IServiceCollection services)
    {
        services.AddScoped<OpenDataExport>();
        services.AddSingleton<ReportPdfCache>();
        services.AddScoped<QuarterlyReports>();
        services.AddSingleton<QuarterlyReportJob>();
        services.AddHostedService(sp => sp.GetRequiredService<QuarterlyReportJob>());
        return services;
    }

    /// <summary>"city" with no id, "district" or "beat" with one.</summary>
    public static bool TryLevel(string? text, int? id, out ReportLevel level)
    {
        level = text switch { "city" => ReportLevel.City, "district" => ReportLevel.District, "beat" => ReportLevel.Beat, _ => (ReportLevel)(-1) };
        return level == ReportLevel.City ? id is null : level is ReportLevel.District or ReportLevel.Beat && id is not null;
    }

    public static IEndpointRouteBuilder MapTransparencyApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/open-data").AllowAnonymous().WithTags("Open data");
        open.MapGet("/appeals.{format}", async Task<IResult> (string format, string? from, string? to, OpenDataExport export, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!OpenDataExport.TryMonths(from, to, KazakhstanTime.Today(clock), out var first, out var last)) return Problems.BadRequest(l, "OpenData.MonthsInvalid", OpenDataExport.MaxMonths);
            return Write(format, await export.AppealsAsync(first, last, ct), "appeals", l);
        }).WithSummary("Appeals per beat and month: received, decided, decided on time, ratings and their mean; counts under 5 suppressed. CSV or JSON.");
        open.MapGet("/incidents.{format}", async Task<IResult> (string format, string? from, string? to, OpenDataExport export, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!OpenDataExport.TryMonths(from, to, KazakhstanTime.Today(clock), out var first, out var last)) return Problems.BadRequest(l, "OpenData.MonthsInvalid", OpenDataExport.MaxMonths);
            return Write(format, await export.IncidentsAsync(first, last, ct), "incidents", l);
        }).WithSummary("Recorded incidents by month, type and beat, at anonymous public points. CSV or JSON.");

        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports");
        reports.MapGet(string.Empty, async Task<IResult> (string? quarter, int? district, QuarterlyReports r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            Quarter? only = null;
            if (!string.IsNullOrWhiteSpace(quarter)) { if (!Quarter.TryParse(quarter.Trim(), out var q)) return Problems.BadRequest(l, "Trust.QuarterInvalid"); only = q; }
            return TypedResults.Ok((await r.PublishedAsync(only, district, ct)).Select(ReportSummary.Of).ToList());
        }).AllowAnonymous().WithSummary("The archive of published quarterly reports, newest first; of one quarter or one district (with the city's).");
        reports.MapGet("/{quarter}/city", (string quarter, HttpContext http, QuarterlyReports r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ReadAsync(quarter, "city", null, http, r, l, ct)).AllowAnonymous().WithSummary("The city's quarterly report: its figures as published.");
        reports.MapGet("/{quarter}/{level}/{id:int}", (string quarter, string level, int id, HttpContext http, QuarterlyReports r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ReadAsync(quarter, level, id, http, r, l, ct)).AllowAnonymous().WithSummary("A district's or a beat's quarterly report (level: district or beat). Drafts only for those who publish them.");

        var manage = reports.MapGroup("/manage").RequireAuthorization(Policies.TerritoryManagers);
        manage.MapGet(string.Empty, async Task<IResult> (string? quarter, HttpContext http, QuarterlyReports r, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (r.ManagedQuarter(quarter) is not { } q) return Problems.BadRequest(l, "Trust.QuarterInvalid");
            return TypedResults.Ok((await r.ManageableAsync(http.User, q, ct)).Select(v => new { v.Id, v.Quarter, v.Level, v.DistrictId, v.BeatId, Area = v.Area.Local, v.Status, v.Revision, v.UpdatedAtUtc, v.PublishedAtUtc, v.Url }));
        }).WithSummary("The reports of a quarter (by default the last ended) the caller may publish, with their revisions.");
        manage.MapPost("/draft", async Task<IResult> (DraftRequest body, HttpContext http, QuarterlyReports r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (r.ManagedQuarter(body.Quarter) is not { } q) return Problems.BadRequest(l, "Trust.QuarterInvalid");
            if (!await r.MayRecomputeAsync(q, ct)) return Problems.Status(l, StatusCodes.Status409Conflict, "Report.QuarterNotDraftable");
            var district = body.DistrictId ?? ScopeClaims.District(http.User);
            // A supervisor recomputes his district; only an administrator the whole city.
            if (district is { } d ? !ScopeClaims.ManagesDistrict(http.User, d) : !http.User.IsInRole(Roles.Admin)) return TypedResults.Forbid();
            return await r.DraftAsync(q, district, ct) is { } pass ? TypedResults.Ok(pass) : Problems.Status(l, StatusCodes.Status409Conflict, "Report.QuarterNotEnded");
        }).WithSummary("Recompute the drafts of an ended quarter now (a district's, or the whole city's for an administrator).");
        manage.MapPost("/{id:int}/publish", async Task<IResult> (int id, PublishRequest body, HttpContext http, QuarterlyReports r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (body.Revision is not { } revision) return Problems.BadRequest(l, "Report.RevisionRequired");
            return (await r.PublishAsync([new PublishItem(id, revision)], http.User, ct))[id] switch
            {
                PublishResult.Published => TypedResults.NoContent(),
                PublishResult.AlreadyPublished => Problems.Status(l, StatusCodes.Status409Conflict, "Report.AlreadyPublished"),
                PublishResult.Changed => Problems.Status(l, StatusCodes.Status409Conflict, "Report.Changed"),
                PublishResult.TooEarly => Problems.Status(l, StatusCodes.Status409Conflict, "Report.TooEarly"),
                _ => Problems.NotFound(l, "Report.NotFound"),
            };
        }).WithSummary("Publish a draft as seen at its revision; once the quarter's records have closed. A published report never changes.");

        // The PDFs live beside each report's page, at addresses as stable as the page's.
        app.MapGet("/reports/{quarter}/city/{language}.pdf", (string quarter, string language, HttpContext http, QuarterlyReports r, IStringLocalizer<SharedResource> l, IConfiguration c, Notifications.NotificationSettings s, ReportPdfCache m, CancellationToken ct) =>
            PdfAsync(quarter, "city", null, language, http, r, l, c, s, m, ct)).AllowAnonymous().WithTags("Reports");
        app.MapGet("/reports/{quarter}/{level}/{id:int}/{language}.pdf", (string quarter, string level, int id, string language, HttpContext http, QuarterlyReports r, IStringLocalizer<SharedResource> l, IConfiguration c, Notifications.NotificationSettings s, ReportPdfCache m, CancellationToken ct) =>
            PdfAsync(quarter, level, id, language, http, r, l, c, s, m, ct)).AllowAnonymous().WithTags("Reports");
        return app;
    }

    private static async Task<IResult> ReadAsync(string quarter, string level, int? id, HttpContext http, QuarterlyReports reports, IStringLocalizer localizer, CancellationToken ct)
    {
        if (!Quarter.TryParse(quarter, out var q) || !TryLevel(level, id, out var l)) return Problems.NotFound(localizer, "Report.NotFound");
        return await reports.ReadAsync(q, l, id, http.User, ct) is { } report ? TypedResults.Ok(report) : Problems.NotFound(localizer, "Report.NotFound");
    }

    private static async Task<IResult> PdfAsync(string quarter, string level, int? id, string language, HttpContext http, QuarterlyReports reports, IStringLocalizer localizer, IConfiguration configuration, Notifications.NotificationSettings settings, ReportPdfCache cache, CancellationToken ct)
    {
        if (!Quarter.TryParse(quarter, out var q) || !TryLevel(level, id, out var l) || !LocalizationSetup.Languages.Contains(language)) return Problems.NotFound(localizer, "Report.NotFound");
        if (await reports.ReadAsync(q, l, id, http.User, ct) is not { } report) return Problems.NotFound(localizer, "Report.NotFound");
        byte[] Render()
        {
            PdfFonts.Install(configuration["Documents:FontDirectory"]);
            using var _ = LocalizationSetup.UseLanguage(language);
            return ReportDocument.Build(report, localizer).Pdf(settings.PublicUrl.TrimEnd('/') + report.Url);
        }
        // A published report's PDF is the same for every reader and for ever: made once per language while it is being read.
        var pdf = report.Status == ReportStatus.Published ? cache.GetOrMake(report.Id, language, Render) : Render();
        // A published report never changes: browsers and proxies may keep it; a draft must be read afresh.
        http.Response.Headers.CacheControl = report.Status == ReportStatus.Published ? "public, max-age=86400" : "private, no-store";
        return TypedResults.File(pdf, "application/pdf", $"uchastok-report-{report.Quarter}-{level}{(id is null ? "" : $"-{id}")}-{language}.pdf");
    }

    private static IResult Write<T>(string format, IReadOnlyList<T> rows, string name, IStringLocalizer localizer) => format switch
    {
        "csv" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(OpenDataExport.Csv(rows)), "text/csv; charset=utf-8", $"uchastok-{name}.csv"),
        "json" => TypedResults.Ok(rows),
        _ => Problems.NotFound(localizer, "OpenData.FormatUnknown"),
    };
}
