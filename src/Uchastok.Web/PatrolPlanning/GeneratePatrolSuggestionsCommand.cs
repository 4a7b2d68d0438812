using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.PatrolPlanning;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;

namespace Uchastok.Web.PatrolPlanning;

public enum PatrolOutcome { Done, Exists, NotFound, Forbidden, Invalid }

/// <summary>
/// Makes the patrol suggestion of a beat for a month, once: a second call for the same beat and month answers the set
/// already made (it is what was decided on; regenerating it would change what the month is compared with). On demand
/// by the district's supervisor or an administrator, for one beat or every active beat of a district; there is no
/// monthly job, because a suggestion is worth making when someone will decide on it (see the module's README).
/// A month up to the next one may be asked for; a past month is made from the incidents before it only.
/// </summary>
public sealed class GeneratePatrolSuggestionsCommand(UchastokDbContext db, PatrolForecast forecast, TimeProvider clock, ILogger<GeneratePatrolSuggestionsCommand> logger)
{
    public async Task<(PatrolOutcome Outcome, PatrolSuggestionSet? Set)> ForBeatAsync(ClaimsPrincipal user, int beatId, DateOnly period, CancellationToken cancellationToken)
    {
        var beat = await PatrolScope.ReadableBeats(db.Beats.AsNoTracking(), user).SingleOrDefaultAsync(b => b.Id == beatId && b.IsActive, cancellationToken);
        if (beat is null) return (PatrolOutcome.NotFound, null);
        if (!PatrolScope.MayDecide(user, beat.DistrictId)) return (PatrolOutcome.Forbidden, null);
        if (!MayPlan(period)) return (PatrolOutcome.Invalid, null);
        var existing = await LoadAsync(beatId, period, cancellationToken);
        if (existing is not null) return (PatrolOutcome.Exists, existing);
        return await MakeAsync(beat, period, PatrolScope.UserId(user), cancellationToken);
    }

    /// <summary>Every active beat of the district that has no suggestion for the month yet; answers how many were made.</summary>
    public async Task<(PatrolOutcome Outcome, int Made)> ForDistrictAsync(ClaimsPrincipal user, int districtId, DateOnly period, CancellationToken cancellationToken)
    {
        if (!await db.Districts.AnyAsync(d => d.Id == districtId, cancellationToken) || !PatrolScope.MayDecide(user, districtId)) return (PatrolOutcome.NotFound, 0);
        if (!MayPlan(period)) return (PatrolOutcome.Invalid, 0);
        var done = await db.PatrolSuggestionSets.Where(s => s.DistrictId == districtId && s.Period == period).Select(s => s.BeatId).ToListAsync(cancellationToken);
        var beats = await db.Beats.AsNoTracking().Where(b => b.DistrictId == districtId && b.IsActive && !done.Contains(b.Id)).OrderBy(b => b.Number).ToListAsync(cancellationToken);
        var made = 0;
        foreach (var beat in beats)
            if ((await MakeAsync(beat, period, PatrolScope.UserId(user), cancellationToken)).Outcome == PatrolOutcome.Done) made++;
        return (PatrolOutcome.Done, made);
    }

    /// <summary>Months up to the next one: further ahead the forecast would plan on a month that has not started to be forecast.</summary>
    public bool MayPlan(DateOnly period) => period <= PatrolPeriod.FirstDay(KazakhstanTime.Today(clock)).AddMonths(1);

    private async Task<(PatrolOutcome Outcome, PatrolSuggestionSet? Set)> MakeAsync(Beat beat, DateOnly period, string? userId, CancellationToken cancellationToken)
    {
        var result = await forecast.RunAsync(beat, period, PatrolSuggestionRules.DefaultTopCells, cancellationToken);
        var set = new PatrolSuggestionSet
        {
            BeatId = beat.Id, DistrictId = beat.DistrictId, Period = period, GeneratedAtUtc = clock.GetUtcNow().UtcDateTime, GeneratedByUserId = userId,
            Method = result.Method, GridOriginLongitude = result.Grid.OriginLongitude, GridOriginLatitude = result.Grid.OriginLatitude,
            CellMetres = result.Grid.CellMetres, BeatCells = result.BeatCells, HistoryIncidents = result.HistoryIncidents, TimedIncidents = result.TimedIncidents,
            Suggestions = result.Cells.Select(c =>
            {
                var (lon, lat) = result.Grid.CentreOf(c.GridCell);
                return new PatrolSuggestion
                {
                    Rank = c.Rank, Column = c.GridCell.Column, Row = c.GridCell.Row, CentreLatitude = Math.Round(lat, 6), CentreLongitude = Math.Round(lon, 6),
                    ExpectedShare = c.ExpectedShare, HourBands = c.HourBands.Count == 0 ? null : string.Join(',', c.HourBands.Select(b => b.ToString())),
                    TimedIncidents = c.TimedIncidents, Decision = PatrolDecision.Pending,
                };
            }).ToList(),
        };
        db.PatrolSuggestionSets.Add(set);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Someone made it a moment ago: theirs stands.
            db.ChangeTracker.Clear();
            return (PatrolOutcome.Exists, await LoadAsync(beat.Id, period, cancellationToken));
        }
        logger.LogInformation("Patrol suggestion {SetId} made for beat {BeatId}, {Period}: {Cells} cells from {Incidents} incidents", set.Id, beat.Id, PatrolPeriod.Format(period), set.Suggestions.Count, set.HistoryIncidents);
        return (PatrolOutcome.Done, set);
    }

    private Task<PatrolSuggestionSet?> LoadAsync(int beatId, DateOnly period, CancellationToken cancellationToken) => PatrolSets.LoadAsync(db, beatId, period, cancellationToken);
}
