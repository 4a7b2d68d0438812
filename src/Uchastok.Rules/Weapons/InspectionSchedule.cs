namespace Uchastok.Rules.Weapons;

/// <summary>
/// When a storage site is next due an inspection. The interval per site kind is an administrator's setting with its
/// source (<c>Weapons:InspectionIntervals</c>); the document asks for checks of storage conditions but gives no
/// frequency. A site whose kind has no interval set has no due date (nothing is overdue that no rule asks for); a site
/// never inspected is due from the day it was registered.
/// </summary>
public static class InspectionSchedule
{
    public static DateOnly? NextDue(DateOnly registeredOn, DateOnly? lastInspectedOn, int? intervalDays) =>
        intervalDays is not { } days || days <= 0 ? null
        : lastInspectedOn is { } last ? last.AddDays(days)
        : registeredOn;

    public static bool Overdue(DateOnly? nextDue, DateOnly today) => nextDue is { } due && due < today;
}
