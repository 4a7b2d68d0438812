using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.PatrolPlanning;
using Uchastok.Web.PatrolPlanning;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Analytics;

/// <summary>
/// Patrol suggestions (issue 20): district → beats → a beat's suggested squares for a month, with accept and reject
/// for the district's supervisor (and the administrator), "what was done" for them and the beat's inspector, and the
/// month against its suggestion. Plain forms that post and come back (works without JavaScript); the page and the API
/// call the same commands and queries, which decide scope (outside it: 404).
/// </summary>
public sealed class PatrolsModel(PatrolQueries queries, GeneratePatrolSuggestionsCommand generate, DecidePatrolSuggestionCommand decide,
    RecordPatrolWorkCommand record, UchastokDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PatrolDistrictView? District { get; private set; }
    public PatrolBeatView? Beat { get; private set; }
    public PatrolComparisonView? Comparison { get; private set; }
    /// <summary>The district's month against its suggestions, beat by beat, when no beat is open and the month has begun.</summary>
    public PatrolDistrictComparisonView? DistrictComparison { get; private set; }
    /// <summary>The districts an administrator may switch between (others work in their own).</summary>
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];
    public string Period { get; private set; } = "";
    public string? Message { get; private set; }
    public string? PageError { get; private set; }
    /// <summary>The suggestion whose form was just refused, with the field errors to show beside it.</summary>
    public int? ErrorFor { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    /// <summary>The beat's suggested squares for its map: polygon, rank, decision and the tooltip's text in the reader's language.</summary>
    public string CellsJson { get; private set; } = "[]";
    /// <summary>The beat's outline (GeoJSON geometry) under the squares.</summary>
    public string BeatOutline { get; private set; } = "{}";

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public async Task<IActionResult> OnGetAsync(int? district, int? beat, string? period, int? made, bool saved, CancellationToken cancellationToken)
    {
        if (saved) Message = localizer["Patrols.Saved"];
        if (made is { } count) Message = localizer["Patrols.Generated", count];
        return await LoadAsync(district, beat, period, cancellationToken);
    }

    public async Task<IActionResult> OnPostGenerateAllAsync(int district, string? period, CancellationToken cancellationToken)
    {
        if (PatrolPeriod.Parse(period) is not { } month) return await RefusedAsync(district, null, period, localizer["Patrols.BadPeriod"], cancellationToken);
        var (outcome, made) = await generate.ForDistrictAsync(User, district, month, cancellationToken);
        return outcome switch
        {
            PatrolOutcome.Done => Redirect($"/analytics/patrols?district={district}&period={PatrolPeriod.Format(month)}&made={made}"),
            PatrolOutcome.Invalid => await RefusedAsync(district, null, period, localizer["Patrols.TooFarAhead"], cancellationToken),
            _ => NotFound(),
        };
    }

    public async Task<IActionResult> OnPostGenerateAsync(int district, int beat, string? period, CancellationToken cancellationToken)
    {
        if (PatrolPeriod.Parse(period) is not { } month) return await RefusedAsync(district, beat, period, localizer["Patrols.BadPeriod"], cancellationToken);
        var (outcome, _) = await generate.ForBeatAsync(User, beat, month, cancellationToken);
        return outcome switch
        {
            PatrolOutcome.Done or PatrolOutcome.Exists => Redirect(Here(district, beat, month, null)),
            PatrolOutcome.Invalid => await RefusedAsync(district, beat, period, localizer["Patrols.TooFarAhead"], cancellationToken),
            PatrolOutcome.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, int district, string? decision, string? reason, CancellationToken cancellationToken) =>
        await AnsweredAsync(id, district, await decide.DecideAsync(User, id, decision, reason, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostWorkAsync(int id, int district, double? hours, string? note, CancellationToken cancellationToken) =>
        await AnsweredAsync(id, district, await record.RecordAsync(User, id, hours, note, cancellationToken), cancellationToken);

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public static string Percent(double share) => share.ToString("P0", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>A group of cells in one table cell: "30 % → 25 %" (expected → actual); "—" with no cell, no actual share in a month without incidents.</summary>
    public static string ExpectedActual(PatrolComparisonGroupView group) =>
        group.Cells == 0 ? "—" : $"{Percent(group.ExpectedShare)} → {(group.ActualShare is { } actual ? Percent(actual) : "—")}";

    private static string Here(int district, int beat, DateOnly period, int? suggestion) =>
        $"/analytics/patrols?district={district}&beat={beat}&period={PatrolPeriod.Format(period)}&saved=true" + (suggestion is { } s ? $"#s{s}" : "");

    /// <summary>
    /// A suggestion's form answered: back to its beat and month, the page again with the errors (400), 403 or 404.
    /// (Recording work is never forbidden: whoever finds the suggestion may record.)
    /// </summary>
    private async Task<IActionResult> AnsweredAsync(int id, int district,
        (PatrolOutcome Outcome, FieldErrors? Errors, int? BeatId, DateOnly? Period) answer, CancellationToken cancellationToken) =>
        answer.Outcome switch
        {
            PatrolOutcome.Done => Redirect(Here(district, answer.BeatId!.Value, answer.Period!.Value, id)),
            PatrolOutcome.Invalid => await InvalidAsync(id, district, answer.Errors!, cancellationToken),
            PatrolOutcome.Forbidden => Forbid(),
            _ => NotFound(),
        };

    /// <summary>A refused form: the page again with the errors beside the suggestion, answered 400 and nothing changed.</summary>
    private async Task<IActionResult> InvalidAsync(int id, int district, FieldErrors errors, CancellationToken cancellationToken)
    {
        var where = await db.PatrolSuggestions.AsNoTracking().Where(s => s.Id == id)
            .Join(db.PatrolSuggestionSets, s => s.SetId, set => set.Id, (s, set) => new { set.BeatId, set.Period }).SingleAsync(cancellationToken);
        ErrorFor = id;
        Errors = errors;
        var page = await LoadAsync(district, where.BeatId, PatrolPeriod.Format(where.Period), cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult> RefusedAsync(int district, int? beat, string? period, string message, CancellationToken cancellationToken)
    {
        var page = await LoadAsync(district, beat, PatrolPeriod.Parse(period) is null ? null : period, cancellationToken);
        PageError = message;
        if (page is PageResult) Response.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult> LoadAsync(int? district, int? beat, string? period, CancellationToken cancellationToken)
    {
        var month = queries.PeriodOrNext(period);
        if (month is null)
        {
            PageError = localizer["Patrols.BadPeriod"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            month = queries.NextPeriod();
        }
        Period = PatrolPeriod.Format(month.Value);
        if (beat is { } beatId)
        {
            Beat = await queries.BeatAsync(User, beatId, month.Value, cancellationToken);
            if (Beat is null) return NotFound();
            district ??= Beat.DistrictId;
            if (Beat.Suggestion is not null && month.Value <= queries.CurrentPeriod())
                Comparison = await queries.ComparisonAsync(User, beatId, month.Value, cancellationToken);
            if (Beat.Suggestion is { Cells.Count: > 0 } set)
            {
                CellsJson = System.Text.Json.JsonSerializer.Serialize(set.Cells.Select(c => new
                {
                    c.Id, c.Rank, State = c.Decision, c.Polygon, Lat = c.Latitude, Lon = c.Longitude,
                    Label = localizer["Patrols.MapCell", localizer["Patrols.Zone", c.Rank], localizer[$"Patrols.Decision.{c.Decision}"], Percent(c.ExpectedShare)].Value,
                }), Json);
                BeatOutline = await db.Beats.AsNoTracking().Where(b => b.Id == beatId).Select(b => b.BoundaryGeoJson).SingleAsync(cancellationToken);
            }
        }
        District = await queries.DistrictAsync(User, district, month.Value, cancellationToken);
        if (District is null) return NotFound();
        if (Beat is null && month.Value <= queries.CurrentPeriod() && District.Beats.Any(b => b.HasSuggestion))
            DistrictComparison = await queries.DistrictComparisonAsync(District, month.Value, cancellationToken);
        if (User.IsInRole(Roles.Admin))
            Districts = (await db.Districts.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.NameKk, d.NameRu, d.NameEn }).ToListAsync(cancellationToken))
                .Select(d => (d.Id, LocalizationSetup.Pick(d.NameKk, d.NameRu, d.NameEn))).ToList();
        return Page();
    }
}
