using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Calendar;

public static class CalendarModule
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddSingleton<WorkingCalendarProvider>();
        services.AddScoped<CalendarAdministration>();
        return services;
    }

    /// <summary>The working calendar: anyone may read it (residents count their deadlines too); administrators change it.</summary>
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/calendar").WithTags("Calendar");
        api.MapGet(string.Empty, YearAsync).AllowAnonymous().WithSummary("The exceptions to the Monday–Friday week in a year: holidays, days off, transferred working days.");
        api.MapPut("/{date}", SetAsync).RequireAuthorization(Policies.Admin).WithSummary("Set a day (administrators).");
        api.MapDelete("/{date}", RemoveAsync).RequireAuthorization(Policies.Admin).WithSummary("Make a day ordinary again (administrators).");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CalendarDayView>>, ProblemHttpResult>> YearAsync(int? year, CalendarAdministration calendar, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var wanted = year ?? clock.GetUtcNow().Year;
        if (wanted is < 2000 or > 2100) return Problems.BadRequest(localizer, "Calendar.DateInvalid");
        return TypedResults.Ok(await calendar.YearAsync(wanted, cancellationToken));
    }

    private static async Task<Results<NoContent, ValidationProblem>> SetAsync(string date, CalendarDayInput body, CalendarAdministration calendar, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var errors = await calendar.SetAsync(date, body, cancellationToken);
        return errors.Count == 0 ? TypedResults.NoContent() : Problems.Validation(localizer, errors);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string date, CalendarAdministration calendar, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && await calendar.RemoveAsync(day, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound(localizer, "Calendar.DayNotFound");
}
