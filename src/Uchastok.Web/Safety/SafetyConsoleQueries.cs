using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Safety;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Safety;

/// <summary>Whose incidents a console shows: one district's (its duty officer and supervisor), or all (administrators).</summary>
public sealed record ConsoleScope(bool All, int? District)
{
    public const string AllGroup = "all";

    public static string DistrictGroup(int district) => "district:" + district.ToString(CultureInfo.InvariantCulture);

    /// <summary>The hub group this console joins; a push goes to the incident's district's group and to <see cref="AllGroup"/>.</summary>
    public string Group => All ? AllGroup : DistrictGroup(District!.Value);

    public bool Holds(int? district) => All || (district is not null && district == District);

    /// <summary>The duty officer and the supervisor of a district see its console; an administrator every district's (the district-less incidents too); nobody else.</summary>
    public static ConsoleScope? Of(ClaimsPrincipal user) =>
        SafetyIncidentScope.DistrictWide(user) is { } scope ? new ConsoleScope(scope.All, scope.District) : null;
}

/// <summary>
/// What the duty console reads: the list (unacknowledged first, then newest), the polling fallback's changes, and
/// the views the live feed pushes. A report's text and photo are a resident's words (see <see cref="SafetyReportQueries"/>),
/// so each report shown to a reader is a read of personal data (record kind <c>safety-report</c>); an alarm carries
/// no one's words and its media openings are logged where they are served.
/// </summary>
public sealed class SafetyConsoleQueries(UchastokDbContext db, PersonalDataLog log, TerritoryText territoryText, SafetyConsoleSettings settings, TimeProvider clock)
{
    /// <summary>At most this many open and this many closed incidents on one list: a flood of alarms must not make the page unusable.</summary>
    public const int MaxOpen = 300, MaxClosed = 100;

    public const string Purpose = "duty console";

    /// <summary>The caller's console list, or the changes since a time; null when the caller has no console.</summary>
    public async Task<ConsoleFeedPage?> ListAsync(ClaimsPrincipal user, DateTime? sinceUtc, CancellationToken cancellationToken = default)
    {
        if (ConsoleScope.Of(user) is not { } scope) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var incidents = db.SafetyIncidents.AsNoTracking();
        if (!scope.All) incidents = incidents.Where(i => i.DistrictId == scope.District);
        List<long> ids;
        if (sinceUtc is { } since)
        {
            // Steps are stamped before their transaction commits: reading back an overlap finds one that committed late.
            var from = DateTime.SpecifyKind(since.ToUniversalTime(), DateTimeKind.Utc) - settings.PollOverlap;
            ids = await incidents.Where(i => db.SafetyIncidentSteps.Any(s => s.IncidentId == i.Id && s.AtUtc >= from))
                .OrderByDescending(i => i.Id).Take(MaxOpen + MaxClosed).Select(i => i.Id).ToListAsync(cancellationToken);
        }
        else
        {
            var closedFrom = now - settings.ClosedShownFor;
            ids = await incidents.Where(i => i.Status != SafetyIncidentStatus.Closed).OrderByDescending(i => i.Id).Take(MaxOpen).Select(i => i.Id).ToListAsync(cancellationToken);
            ids.AddRange(await incidents.Where(i => i.Status == SafetyIncidentStatus.Closed && i.ClosedAtUtc >= closedFrom)
                .OrderByDescending(i => i.Id).Take(MaxClosed).Select(i => i.Id).ToListAsync(cancellationToken));
        }
        var read = await ReadAsync(ids, cancellationToken);
        await LogReadsAsync(UserId(user), read, cancellationToken);
        return new ConsoleFeedPage(Order(read.Select(r => r.View)).ToList(), now);
    }

    /// <summary>One incident for a caller whose console holds it; null otherwise.</summary>
    public async Task<ConsoleIncidentView?> OneAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken = default)
    {
        if (ConsoleScope.Of(user) is not { } scope) return null;
        var read = await ReadAsync([id], cancellationToken);
        if (read.Count == 0 || !scope.Holds(read[0].View.District?.Id)) return null;
        await LogReadsAsync(UserId(user), read, cancellationToken);
        return read[0].View;
    }

    public static IEnumerable<ConsoleIncidentView> Order(IEnumerable<ConsoleIncidentView> views) =>
        ConsoleOrder.Sort(views, v => ConsoleOrder.Tier(v.AcknowledgedAtUtc is not null, v.ClosedAtUtc is not null), v => v.ReceivedAtUtc, v => v.Id);

    /// <summary>An incident as it stands now, with who (if signed) the report names: what the feed pushes and logs.</summary>
    public sealed record Read(ConsoleIncidentView View, string? SubjectUserId, SafetyIncidentKind Kind);

    /// <summary>The views of these incidents (any scope: the caller decides who sees them), in no particular order.</summary>
    public async Task<IReadOnlyList<Read>> ReadAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return [];
        var incidents = await db.SafetyIncidents.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        var steps = (await db.SafetyIncidentSteps.AsNoTracking().Where(s => ids.Contains(s.IncidentId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.IncidentId);
        var withPhoto = (await db.SafetyIncidentPhotos.AsNoTracking().Where(p => ids.Contains(p.IncidentId)).Select(p => p.IncidentId).ToListAsync(cancellationToken)).ToHashSet();
        var beatIds = incidents.Where(i => i.BeatId != null).Select(i => i.BeatId!.Value).Distinct().ToList();
        var beats = await db.Beats.AsNoTracking().Where(b => beatIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Code, cancellationToken);
        var districtIds = incidents.Where(i => i.DistrictId != null).Select(i => i.DistrictId!.Value).Distinct().ToList();
        var districts = (await db.Districts.AsNoTracking().Where(d => districtIds.Contains(d.Id)).ToListAsync(cancellationToken)).ToDictionary(d => d.Id, territoryText.DistrictName);
        var people = incidents.SelectMany(i => new[] { i.AcknowledgedByUserId, i.ClosedByUserId })
            .Concat(steps.SelectMany(g => g.Select(s => s.ByUserId))).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string? Name(string? userId) => userId is null ? null : names.GetValueOrDefault(userId) ?? "—";

        return incidents.Select(i =>
        {
            var trail = steps[i.Id].OrderBy(s => s.Id).Select(s => new ConsoleStepView(s.Id, s.Step, s.Note, Utc(s.AtUtc), Name(s.ByUserId))).ToList();
            var last = trail.Count > 0 ? trail[^1] : new ConsoleStepView(0, SafetySteps.Received, null, Utc(i.CreatedAtUtc), null);
            var view = new ConsoleIncidentView(
                i.Id, i.Reference, i.Kind == SafetyIncidentKind.Alarm ? "alarm" : "report", SafetyCategories.ApiName(i.Category), i.Status.ToString().ToLowerInvariant(),
                Utc(i.CreatedAtUtc), Utc(i.AcknowledgedAtUtc), Name(i.AcknowledgedByUserId),
                Utc(i.ClosedAtUtc), Name(i.ClosedByUserId), i.Outcome, i.OutcomePatrol, i.AppealNumber, i.EscalationLevel,
                new ConsolePlaceView(i.Latitude, i.Longitude, i.AddressText, i.PlaceLocated),
                i.BeatId is { } b && beats.TryGetValue(b, out var code) ? new ConsoleBeatView(b, code) : null,
                i.DistrictId is { } d && districts.TryGetValue(d, out var name) ? new ConsoleDistrictView(d, name) : null,
                i.Text, i.AccountId is not null,
                SafetyLinks.Photo(i.Id, withPhoto.Contains(i.Id)), SafetyLinks.Media(i), last, trail);
            return new Read(view, i.AccountId, i.Kind);
        }).ToList();
    }

    /// <summary>Logs each report among <paramref name="read"/> as read by <paramref name="readerUserId"/>, in one save.</summary>
    public async Task LogReadsAsync(string readerUserId, IEnumerable<Read> read, CancellationToken cancellationToken = default)
    {
        var reports = read.Where(r => r.Kind == SafetyIncidentKind.Report)
            .Select(r => (new PersonalRecord(SafetyReportQueries.RecordKind, r.View.Id.ToString(CultureInfo.InvariantCulture)), r.SubjectUserId)).ToList();
        if (reports.Count > 0) await log.RecordReadsAsync(readerUserId, reports, Purpose, cancellationToken);
    }

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? at) => at is { } value ? Utc(value) : null;

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The console is read by signed-in staff only.");
}
