using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Evaluation;
using Uchastok.Web.Evaluation;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Trust;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Calendar;

namespace Uchastok.Web.Pages.Evaluation;

/// <summary>The district's inspectors ranked for incentives (C9), each KPI with its definition, the reasons per inspector, and the weights the supervisor sets.</summary>
public sealed class IndexModel(InspectorEvaluationQuery query, UchastokDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public DistrictEvaluation Evaluation { get; private set; } = null!;
    public IReadOnlyList<string> Quarters { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public bool Saved { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostWeightsAsync(CancellationToken cancellationToken)
    {
        District ??= ScopeClaims.District(User);
        if (District is not { } district) return NotFound();
        var form = await Request.ReadFormAsync(cancellationToken);
        var weights = Enum.GetValues<Kpi>().Where(k => !string.IsNullOrWhiteSpace(form[$"w.{k}"]))
            .ToDictionary(k => k.ToString(), k => double.TryParse(form[$"w.{k}"], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN);
        var target = int.TryParse(form["activitiesTarget"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : (int?)null;
        var (result, _, errors) = await query.ChangeWeightsAsync(User, district, new WeightsInput(weights, target), cancellationToken);
        if (result == WeightsChange.DistrictNotFound) return NotFound();
        if (result == WeightsChange.Forbidden) return Forbid();
        Errors = errors;
        Saved = result == WeightsChange.Saved;
        if (!Saved) Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (QuarterQuery.Parse(Quarter, clock) is not { } quarter) return BadRequest();
        District ??= ScopeClaims.District(User) ?? await db.Districts.OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (District is not { } district || !await db.Districts.AnyAsync(d => d.Id == district, cancellationToken)) return NotFound();
        if (await query.DistrictAsync(User, district, quarter, cancellationToken) is not { } evaluation) return Forbid();
        Evaluation = evaluation;
        Quarters = Trust.TrustPage.QuarterChoices(Rules.Trust.Quarter.Of(Uchastok.Web.Shared.Localization.KazakhstanTime.Today(clock)));
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
