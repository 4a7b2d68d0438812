using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.CrimeAnalytics;
using Uchastok.Web.CrimeAnalytics;

namespace Uchastok.Web.Pages.Analytics;

/// <summary>
/// The hotspot map for staff (issue 20): counts on the 250 m grid with the kernel density as a layer and the beat
/// outlines; a table of the busiest cells and the charts by month, weekday and hour, so the page reads without
/// JavaScript. The same queries as <c>/api/v1/analytics/hotspots</c> and <c>/counts</c>.
/// </summary>
public sealed class HotspotsModel(HotspotQueries queries, IncidentCategoryMap categories, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The busiest cells the table lists; the map shows them all.</summary>
    public const int TableRows = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The area as the form's one select sends it: <c>beat-12</c>, <c>district-3</c> or <c>city</c>.</summary>
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }

    public IReadOnlyList<HotspotChoice> Choices { get; private set; } = [];
    public IReadOnlyList<HotspotCategoryView> CategoryChoices { get; private set; } = [];
    public string? Problem { get; private set; }
    public HotspotMapView? Map { get; private set; }
    public HotspotCountsView? Counts { get; private set; }
    public string CellsJson { get; private set; } = "[]";
    public string BeatsGeoJson { get; private set; } = "{}";
    public string SelectedArea { get; private set; } = string.Empty;

    public static string Value(HotspotChoice choice) => choice.Id is { } id ? $"{HotspotQueries.Name(choice.Scope)}-{id}" : HotspotQueries.Name(choice.Scope);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = await queries.ChoicesAsync(User, cancellationToken);
        CategoryChoices = queries.Categories();
        if (Choices.Count == 0) return NotFound();
        SelectedArea = string.IsNullOrWhiteSpace(Area) ? Value(Choices[0]) : Area.Trim();
        var (scope, id) = Split(SelectedArea);
        var latest = string.IsNullOrWhiteSpace(To) ? await queries.LatestMonthAsync(User, cancellationToken) : default;
        var (filter, problem) = HotspotInput.Read(scope, id, From, To, Category, categories, latest);
        if (problem is not null)
        {
            Problem = localizer[problem.Key, problem.Arguments];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (area, refusal) = await queries.AreaAsync(User, filter!, cancellationToken);
        if (refusal == HotspotRefusal.NotFound) return NotFound();
        if (refusal == HotspotRefusal.OutOfScope) return Forbid();
        From = HotspotInput.Text(filter!.From);
        To = HotspotInput.Text(filter.To);
        Category = filter.Category;
        Map = await queries.MapAsync(area!, filter, density: true, cancellationToken);
        Counts = await queries.CountsAsync(area!, filter, cancellationToken);
        CellsJson = JsonSerializer.Serialize(Map.Cells.Select(c => new { c.Count, c.Density, c.Polygon, lat = c.CentreLatitude, lon = c.CentreLongitude }), Json);
        BeatsGeoJson = await queries.BeatOutlinesAsync(area!, cancellationToken);
        return Page();
    }

    public string AreaLabel(HotspotChoice choice) => choice.Scope switch
    {
        HotspotScopeKind.City => localizer["Hotspots.City"],
        HotspotScopeKind.District => localizer["Hotspots.DistrictChoice", choice.Name],
        _ => localizer["Hotspots.BeatChoice", choice.Name],
    };

    public static string Weekday(int weekday, CultureInfo culture) =>
        culture.DateTimeFormat.GetDayName((DayOfWeek)(weekday % 7));

    private static (string? Scope, string? Id) Split(string area)
    {
        var dash = area.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? (area, null) : (area[..dash], area[(dash + 1)..]);
    }
}
