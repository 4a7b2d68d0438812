namespace Uchastok.Rules.Calendar;

/// <summary>How a date departs from the Monday–Friday week.</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday (national, state or religious): not a working day.</summary>
    Holiday,
    /// <summary>A weekday made a day off: a holiday's carry-over or a government transfer.</summary>
    DayOff,
    /// <summary>A Saturday or Sunday made a working day by a government transfer.</summary>
    WorkingDay,
}

/// <summary>One exception to the Monday–Friday week, with its reason in Kazakh, Russian and English.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string NameKk, string NameRu, string NameEn);
