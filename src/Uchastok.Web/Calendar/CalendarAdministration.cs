using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Calendar;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Calendar;

public sealed record CalendarDayInput(string? Kind, string? NameKk, string? NameRu, string? NameEn);

public sealed record CalendarDayView(DateOnly Date, string Kind, string KindLabel, string Name, string NameKk, string NameRu, string NameEn, bool IsWorkingDay);

/// <summary>
/// The working calendar as administrators keep it: holidays, days off and transferred working
/// days. Seeded for 2025–2027 from <see cref="KazakhstanHolidays"/>; each year's government
/// decree is entered here. An edit changes deadlines computed from then on, not those already set.
/// </summary>
public sealed class CalendarAdministration(UchastokDbContext db, WorkingCalendarProvider provider, IStringLocalizer<SharedResource> localizer)
{
    public static readonly int[] SeededYears = [2025, 2026, 2027];

    public async Task<IReadOnlyList<CalendarDayView>> YearAsync(int year, CancellationToken cancellationToken = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        var calendar = await provider.GetAsync(cancellationToken);
        return days.Select(d => new CalendarDayView(d.Date, d.Kind.ToString(), localizer[$"CalendarKind.{d.Kind}"],
            LocalizationSetup.Pick(d.NameKk, d.NameRu, d.NameEn), d.NameKk, d.NameRu, d.NameEn, calendar.IsWorkingDay(d.Date))).ToList();
    }

    public async Task<FieldErrors> SetAsync(string? dateText, CalendarDayInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year is < 2000 or > 2100)
            errors.Add("date", localizer["Calendar.DateInvalid"]);
        if (!Enum.TryParse<CalendarDayKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
            errors.Add("kind", localizer["Calendar.KindInvalid"]);
        foreach (var (field, value) in new[] { ("nameKk", input.NameKk), ("nameRu", input.NameRu), ("nameEn", input.NameEn) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > 200) errors.Add(field, localizer["Calendar.NameRequired"]);
        }
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (errors.Count == 0 && kind == CalendarDayKind.WorkingDay && !weekend) errors.Add("kind", localizer["Calendar.WorkingDayMustBeWeekend"]);
        if (errors.Count == 0 && kind == CalendarDayKind.DayOff && weekend) errors.Add("kind", localizer["Calendar.DayOffMustBeWeekday"]);
        if (errors.Count > 0) return errors;

        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        day ??= db.CalendarDays.Add(new CalendarDayRecord { Date = date, NameKk = "", NameRu = "", NameEn = "" }).Entity;
        day.Kind = kind;
        day.NameKk = input.NameKk!.Trim();
        day.NameRu = input.NameRu!.Trim();
        day.NameEn = input.NameEn!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        provider.Invalidate();
        return errors;
    }

    public async Task<bool> RemoveAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var removed = await db.CalendarDays.Where(d => d.Date == date).ExecuteDeleteAsync(cancellationToken);
        provider.Invalidate();
        return removed > 0;
    }

    /// <summary>Fills the calendar for the seeded years when it is empty; never touches an administrator's edits.</summary>
    public static async Task SeedAsync(UchastokDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.CalendarDays.AnyAsync(cancellationToken)) return;
        foreach (var day in SeededYears.SelectMany(KazakhstanHolidays.For))
            db.CalendarDays.Add(new CalendarDayRecord { Date = day.Date, Kind = day.Kind, NameKk = day.NameKk, NameRu = day.NameRu, NameEn = day.NameEn });
        await db.SaveChangesAsync(cancellationToken);
    }
}
