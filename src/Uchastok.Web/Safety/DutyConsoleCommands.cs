using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Appeals;
using Uchastok.Rules.Safety;
using Uchastok.Web.Appeals;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Safety;

public enum ConsoleActionOutcome { Done, NotFound, Invalid, Taken, Closed, NotAcknowledged, NotOwner }

/// <summary>What an acknowledgement or a close came to: done; or why not, with who holds the incident when that is the reason.</summary>
public sealed record ConsoleActionResult(ConsoleActionOutcome Outcome, FieldErrors Errors, string? HeldBy = null, DateTime? HeldSinceUtc = null, string? AppealNumber = null)
{
    public static ConsoleActionResult Of(ConsoleActionOutcome outcome) => new(outcome, new FieldErrors());
}

/// <summary>
/// The duty console's two actions (issue 19). <b>Acknowledge</b>: the first duty officer (or the district's supervisor,
/// or an administrator) who takes an incident owns it; the take is one conditional update, so of two at the same moment,
/// on one node or two, exactly one wins and the other is told who did. <b>Close</b> with an outcome: only a taken
/// incident, by its owner or by a supervisor or administrator above him. Each writes its step (who, when) in the same
/// transaction, and nudges this node's live feed after the commit.
/// </summary>
public sealed class DutyConsoleCommands(
    UchastokDbContext db, FileAppealCommand fileAppeal, AppealFeedbackCommands appealNotes, AppealCatalog catalog, TerritoryText territoryText,
    SafetyConsoleSignal signal, IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<DutyConsoleCommands> logger)
{

    public async Task<ConsoleActionResult> AcknowledgeAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(user, id, cancellationToken) is not { } incident) return ConsoleActionResult.Of(ConsoleActionOutcome.NotFound);
        if (incident.Status == SafetyIncidentStatus.Closed) return ConsoleActionResult.Of(ConsoleActionOutcome.Closed);
        if (incident.AcknowledgedByUserId is not null) return await HeldAsync(ConsoleActionOutcome.Taken, incident, cancellationToken);
        var userId = UserId(user);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The take itself: a row whose owner is still empty. On PostgreSQL a second update of the row waits for the
            // first and then finds the owner set; on SQLite writes are one at a time. Either way one of two wins.
            var taken = await db.SafetyIncidents
                .Where(i => i.Id == id && i.AcknowledgedByUserId == null && i.Status != SafetyIncidentStatus.Closed)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.AcknowledgedByUserId, userId)
                    .SetProperty(i => i.AcknowledgedAtUtc, now)
                    .SetProperty(i => i.Status, SafetyIncidentStatus.Acknowledged), cancellationToken);
            if (taken == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                var now2 = await db.SafetyIncidents.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken);
                return now2.Status == SafetyIncidentStatus.Closed && now2.AcknowledgedByUserId is null
                    ? ConsoleActionResult.Of(ConsoleActionOutcome.Closed)
                    : await HeldAsync(ConsoleActionOutcome.Taken, now2, cancellationToken);
            }
            db.SafetyIncidentSteps.Add(new SafetyIncidentStep { IncidentId = id, Step = SafetySteps.Acknowledged, ByUserId = userId, AtUtc = now });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        signal.Notify();
        logger.LogInformation("Safety incident {Id} acknowledged", id);
        return ConsoleActionResult.Of(ConsoleActionOutcome.Done);
    }

    public async Task<ConsoleActionResult> CloseAsync(ClaimsPrincipal user, long id, ConsoleCloseRequest request, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(user, id, cancellationToken) is not { } incident) return ConsoleActionResult.Of(ConsoleActionOutcome.NotFound);
        var errors = new FieldErrors();
        var outcome = ConsoleOutcomes.Parse(request.Outcome);
        if (outcome is null) errors.Add("outcome", localizer["Console.OutcomeRequired"]);
        var patrol = InputText.Printable(request.Patrol)?.Trim();
        if (outcome == ConsoleOutcome.PatrolSent)
        {
            if (string.IsNullOrEmpty(patrol)) errors.Add("patrol", localizer["Console.PatrolRequired"]);
            else if (patrol.Length > ConsoleOutcomes.MaxPatrolLength) errors.Add("patrol", localizer["Console.PatrolTooLong", ConsoleOutcomes.MaxPatrolLength]);
        }
        else patrol = null;
        if (errors.Count > 0) return new ConsoleActionResult(ConsoleActionOutcome.Invalid, errors);

        if (incident.Status == SafetyIncidentStatus.Closed) return ConsoleActionResult.Of(ConsoleActionOutcome.Closed);
        if (incident.AcknowledgedByUserId is null) return ConsoleActionResult.Of(ConsoleActionOutcome.NotAcknowledged);
        var userId = UserId(user);
        // The owner closes; the district's supervisor (and an administrator) may close one an officer took and left.
        var above = user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Supervisor) && ScopeClaims.District(user) == incident.DistrictId);
        if (incident.AcknowledgedByUserId != userId && !above) return await HeldAsync(ConsoleActionOutcome.NotOwner, incident, cancellationToken);

        if (outcome == ConsoleOutcome.PassedToInspector)
        {
            // The beat's inspector already sees the report in his list; with no beat or no inspector there is nobody to pass it to.
            var inspector = incident.BeatId is { } beat ? await db.Beats.AsNoTracking().Where(b => b.Id == beat).Select(b => b.InspectorId).SingleOrDefaultAsync(cancellationToken) : null;
            if (inspector is null)
            {
                errors.Add("outcome", localizer["Console.NoInspector"]);
                return new ConsoleActionResult(ConsoleActionOutcome.Invalid, errors);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var code = ConsoleOutcomes.ApiName(outcome!.Value);
        string? appealNumber = null;
        if (outcome == ConsoleOutcome.BecameAppeal)
        {
            // Claim the close first, by one conditional update, and file only when the claim is ours: of two closes at
            // once (two officers, two nodes, a double click) exactly one files an appeal. The number is written after.
            var claimed = await CloseIfOpenAsync(id, userId, now, code, patrol: null, cancellationToken);
            if (claimed == 0) return ConsoleActionResult.Of(ConsoleActionOutcome.Closed);
            FiledAppeal? filed;
            try
            {
                filed = await FileAppealAsync(incident, errors, cancellationToken);
            }
            catch
            {
                await ReleaseClaimAsync(incident, userId, code, CancellationToken.None);
                throw;
            }
            if (filed is null)
            {
                // Refused by Appeals (its reason is in errors): the incident is open again, as it was, and can be closed otherwise.
                await ReleaseClaimAsync(incident, userId, code, cancellationToken);
                return new ConsoleActionResult(ConsoleActionOutcome.Invalid, errors);
            }
            appealNumber = filed.Appeal.Number;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SafetyIncidents
                .Where(i => i.Id == id && i.ClosedByUserId == userId && i.Outcome == code && i.AppealNumber == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AppealNumber, appealNumber), cancellationToken);
            db.SafetyIncidentSteps.Add(new SafetyIncidentStep { IncidentId = id, Step = SafetySteps.Closed, ByUserId = userId, AtUtc = now, Note = code });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var closed = await CloseIfOpenAsync(id, userId, now, code, patrol, cancellationToken);
            if (closed == 0)
            {
                // Closed by someone else meanwhile.
                await transaction.RollbackAsync(cancellationToken);
                return ConsoleActionResult.Of(ConsoleActionOutcome.Closed);
            }
            db.SafetyIncidentSteps.Add(new SafetyIncidentStep { IncidentId = id, Step = SafetySteps.Closed, ByUserId = userId, AtUtc = now, Note = code });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        signal.Notify();
        logger.LogInformation("Safety incident {Id} closed: {Outcome}", id, code);
        return new ConsoleActionResult(ConsoleActionOutcome.Done, errors, AppealNumber: appealNumber);
    }

    /// <summary>
    /// Closes the incident if it is still open, by one conditional update, and says whether this call closed it: of two
    /// closes at once exactly one wins. An open incident has no appeal number; it is cleared all the same, so a close
    /// never carries one over.
    /// </summary>
    private Task<int> CloseIfOpenAsync(long id, string userId, DateTime now, string code, string? patrol, CancellationToken cancellationToken) =>
        db.SafetyIncidents
            .Where(i => i.Id == id && i.Status != SafetyIncidentStatus.Closed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, SafetyIncidentStatus.Closed)
                .SetProperty(i => i.ClosedByUserId, userId)
                .SetProperty(i => i.ClosedAtUtc, now)
                .SetProperty(i => i.Outcome, code)
                .SetProperty(i => i.OutcomePatrol, patrol)
                .SetProperty(i => i.AppealNumber, (string?)null), cancellationToken);

    /// <summary>Undoes a became-appeal claim whose filing was refused or failed: the incident is back as it was before the claim.</summary>
    private Task<int> ReleaseClaimAsync(SafetyIncident before, string userId, string code, CancellationToken cancellationToken) =>
        db.SafetyIncidents
            .Where(i => i.Id == before.Id && i.Status == SafetyIncidentStatus.Closed && i.ClosedByUserId == userId && i.Outcome == code && i.AppealNumber == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, before.Status)
                .SetProperty(i => i.ClosedByUserId, (string?)null)
                .SetProperty(i => i.ClosedAtUtc, (DateTime?)null)
                .SetProperty(i => i.Outcome, (string?)null), cancellationToken);

    /// <summary>
    /// Files the appeal through Appeals' own command, so it is numbered, routed and given its legal deadline from now,
    /// as any appeal, as the duty unit's filing (<see cref="FilingSource.DutyUnit"/>: no contact's daily count). When
    /// the resident signed the report it is his appeal (<c>ApplicantUserId</c>, his name and contacts: he sees it in
    /// his list and gets its messages); otherwise it is the duty unit's, with no contact and so no applicant messages
    /// (never an officer's mailbox standing in). The same incident files once: the idempotency key is the incident's.
    /// The appeal keeps the incident's reference in an internal note.
    /// </summary>
    private async Task<FiledAppeal?> FileAppealAsync(SafetyIncident incident, FieldErrors errors, CancellationToken cancellationToken)
    {
        var categories = await catalog.CategoriesAsync(cancellationToken);
        var wanted = incident.Category switch
        {
            SafetyCategory.SuspiciousBehaviour => "suspicious",
            SafetyCategory.DrunkDriving => "road-safety",
            _ => "other",
        };
        var category = categories.FirstOrDefault(c => c.Code == wanted && c.IsActive) ?? categories.FirstOrDefault(c => c.Code == "other" && c.IsActive) ?? categories.FirstOrDefault(c => c.IsActive);
        var resident = incident.AccountId is { } account ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == account, cancellationToken) : null;
        var district = incident.DistrictId is { } districtId ? await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == districtId, cancellationToken) : null;
        var located = incident.Latitude is not null && incident.Longitude is not null;
        var text = localizer["Console.AppealText", incident.Text, incident.AddressText ?? "—", incident.Reference].Value;
        var input = new AppealInput
        {
            Kind = nameof(AppealKind.Application),
            CategoryId = category?.Id,
            Text = text.Length <= AppealInput.MaxTextLength ? text : text[..AppealInput.MaxTextLength],
            Lat = located ? incident.Latitude : null,
            Lon = located ? incident.Longitude : null,
            // A typed address the gazetteer did not know stays in the text; the appeal goes to the district's duty list.
            DistrictId = located ? null : incident.DistrictId,
            Name = resident?.DisplayName ?? localizer["Console.DutyUnitName", district is null ? "—" : territoryText.DistrictName(district)].Value,
            Email = resident?.Email,
            Phone = resident?.PhoneNumber,
            // The duty unit files its own appeal; a resident who signed his report asked the police to act on it under his name.
            Consent = true,
        };
        // Filed by the duty unit, not as the closing officer: no staff account is the applicant.
        var result = await fileAppeal.ExecuteAsync(input, [], new ClaimsPrincipal(new ClaimsIdentity()), $"safety-incident:{incident.Id}", FilingSource.ForDutyUnit(resident?.Id), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (_, messages) in result.Errors)
                foreach (var message in messages) errors.Add("outcome", localizer["Console.AppealRefused", message]);
            if (errors.Count == 0) errors.Add("outcome", localizer["Console.AppealRefused", result.TooMany ? localizer["Appeal.TooManyForContact"] : localizer["Problem.500"]]);
            return null;
        }
        if (!result.Filed!.Replayed)
            await appealNotes.AddSystemNoteAsync(result.Filed.Appeal, localizer["Console.AppealNote", incident.Reference, incident.Id].Value, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return result.Filed;
    }

    private async Task<SafetyIncident?> FindAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        if (ConsoleScope.Of(user) is not { } scope) return null;
        var incident = await db.SafetyIncidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return incident is not null && scope.Holds(incident.DistrictId) ? incident : null;
    }

    private async Task<ConsoleActionResult> HeldAsync(ConsoleActionOutcome outcome, SafetyIncident incident, CancellationToken cancellationToken)
    {
        var name = incident.AcknowledgedByUserId is { } holder
            ? await db.Users.AsNoTracking().Where(u => u.Id == holder).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new ConsoleActionResult(outcome, new FieldErrors(), name ?? "—", incident.AcknowledgedAtUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null);
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The console is worked by signed-in staff only.");
}
