using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Prevention;

namespace Uchastok.Web.Pages.Prevention;

/// <summary>
/// The inspector's day: the plan actions due today or overdue on his beats, in route order from his
/// reception point, as a list and on a map; each can be recorded as done from here. A supervisor opens
/// an inspector's day from the board (<c>?officerId=</c>).
/// </summary>
public sealed class DayModel(PreventionPlans plans, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PreventionPageModel
{
    [BindProperty(SupportsGet = true)] public int? OfficerId { get; set; }
    /// <summary>A day ahead, as the reminder e-mail links it; none for today.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    public InspectorDayView Day { get; private set; } = null!;
    public long? FailedAction { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A day out of reach (past, or too far ahead: an old e-mail) opens today's list.
        if (Date is { } on && !plans.MayShowDay(on)) return Redirect(DayLink(OfficerId, null));
        var day = await plans.DayAsync(User, OfficerId, Date, cancellationToken);
        if (day is null) return NotFound();
        Day = day;
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(long actionId, DateOnly? doneOn, string? place, string? note, CancellationToken cancellationToken)
    {
        var (result, errors) = await plans.RecordDoneAsync(User, actionId, new PlanActionDoneRequest(doneOn, place, note), cancellationToken: cancellationToken);
        if (Outcome(result, errors) is { } refused) return refused;
        if (result == PreventionWriteResult.Done)
        {
            Saved = localizer["PreventionPage.ActionDone"].Value;
            return Redirect(DayLink(OfficerId, Date));
        }
        FailedAction = actionId;
        return await OnGetAsync(cancellationToken);
    }

    /// <summary>The stops for the map: order, point, name and address as data, which the script writes as text.</summary>
    public string StopsJson() => JsonSerializer.Serialize(Day.Stops.Select(s => new { s.Order, lat = s.Latitude, lon = s.Longitude, name = s.FullName, s.Address, overdue = s.Overdue }),
        new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public DateOnly Today => Uchastok.Web.Shared.Localization.KazakhstanTime.Today(clock);

    public bool Ahead => Day.Day > Today;

    public static string DayLink(int? officerId, DateOnly? date) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/prevention/day", new Dictionary<string, string?>
        {
            ["officerId"] = officerId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["date"] = date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
}
