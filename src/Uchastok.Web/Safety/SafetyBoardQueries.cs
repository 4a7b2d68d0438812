using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Safety;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Safety;

/// <summary>
/// The district board's safety figures (issue 19): per beat, reports and alarms open and in all of the board's period,
/// and how long they waited to be acknowledged (median and 90th percentile, <see cref="AcknowledgementTimes"/>), from
/// the <c>received</c> step to the first <c>acknowledged</c> one the duty console writes. Counts and times only: no
/// text, place or sender, so nothing here is a read of personal data.
/// </summary>
public sealed class SafetyBoardQueries(UchastokDbContext db)
{
    /// <summary>The figures of a district since a local date (the board's period); null for a caller who does not manage the district.</summary>
    public async Task<SafetyBoard?> BoardAsync(ClaimsPrincipal user, int districtId, DateOnly since, CancellationToken cancellationToken = default)
    {
        if (!ScopeClaims.ManagesDistrict(user, districtId)) return null;
        var sinceUtc = new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), KazakhstanTime.Offset).UtcDateTime;
        // One query: each incident of the period with its beat's code and its first received and acknowledged steps.
        var incidents = await (
            from i in db.SafetyIncidents.AsNoTracking()
            where i.DistrictId == districtId && i.CreatedAtUtc >= sinceUtc
            join b in db.Beats.AsNoTracking() on i.BeatId equals b.Id into onBeat
            from b in onBeat.DefaultIfEmpty()
            select new
            {
                i.BeatId, BeatCode = b == null ? null : b.Code, i.Kind, i.Status, i.CreatedAtUtc,
                Received = db.SafetyIncidentSteps.Where(s => s.IncidentId == i.Id && s.Step == SafetySteps.Received).Min(s => (DateTime?)s.AtUtc),
                Acknowledged = db.SafetyIncidentSteps.Where(s => s.IncidentId == i.Id && s.Step == SafetySteps.Acknowledged).Min(s => (DateTime?)s.AtUtc),
            }).ToListAsync(cancellationToken);

        SafetyBoardRow Row(int? beatId, string? beatCode, IReadOnlyCollection<(SafetyIncidentKind Kind, bool Open, TimeSpan? Waited)> rows)
        {
            var waits = rows.Where(r => r.Waited is not null).Select(r => r.Waited!.Value).ToList();
            return new SafetyBoardRow(beatId, beatCode,
                rows.Count(r => r.Kind == SafetyIncidentKind.Report && r.Open), rows.Count(r => r.Kind == SafetyIncidentKind.Report),
                rows.Count(r => r.Kind == SafetyIncidentKind.Alarm && r.Open), rows.Count(r => r.Kind == SafetyIncidentKind.Alarm),
                waits.Count, Seconds(AcknowledgementTimes.Median(waits)), Seconds(AcknowledgementTimes.Ninetieth(waits)));
        }

        var all = incidents.Select(i => (i.BeatId, i.BeatCode, Row: (i.Kind, i.Status != SafetyIncidentStatus.Closed,
            // An incident without its received step (none should be) counts from when it was created.
            AcknowledgementTimes.Waited(DateTime.SpecifyKind(i.Received ?? i.CreatedAtUtc, DateTimeKind.Utc), i.Acknowledged is { } a ? DateTime.SpecifyKind(a, DateTimeKind.Utc) : null)))).ToList();
        var beats = all.GroupBy(i => (i.BeatId, i.BeatCode))
            // Beats by code; incidents in the district but on no beat last.
            .OrderBy(g => g.Key.BeatId is null).ThenBy(g => g.Key.BeatCode, StringComparer.Ordinal)
            .Select(g => Row(g.Key.BeatId, g.Key.BeatCode, g.Select(x => x.Row).ToList())).ToList();
        return new SafetyBoard(since, beats, Row(null, null, all.Select(x => x.Row).ToList()));
    }

    /// <summary>The step the duty console writes when an officer takes an incident (the shared vocabulary of issue 19).</summary>

    private static double? Seconds(TimeSpan? time) => time is { } t ? Math.Round(t.TotalSeconds, 1) : null;
}
