using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Calendar;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Calendar;

/// <summary>
/// The working calendar every deadline is computed with, from <c>calendar_days</c>. An edit here
/// takes effect at once; one made on another node within a minute.
/// </summary>
public sealed class WorkingCalendarProvider(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ReloadingCache<WorkingCalendar> _cache = new(scopes, clock, TimeSpan.FromMinutes(1),
        async (db, cancellationToken) => new WorkingCalendar((await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken)).Select(d => d.ToRule())));

    public Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);

    /// <summary>Today's date in Kazakhstan.</summary>
    public DateOnly Today() => KazakhstanTime.Today(clock);

    public void Invalidate() => _cache.Invalidate();
}
