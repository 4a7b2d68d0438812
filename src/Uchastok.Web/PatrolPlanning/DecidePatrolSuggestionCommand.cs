using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.PatrolPlanning;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.PatrolPlanning;

/// <summary>
/// The supervisor's answer to one suggested cell: accepted, or rejected with an optional reason. He may change his
/// mind until the month is over; after that the answer is part of what the month is compared with, and stays.
/// </summary>
public sealed class DecidePatrolSuggestionCommand(UchastokDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<(PatrolOutcome Outcome, FieldErrors? Errors, int? BeatId, DateOnly? Period)> DecideAsync(
        ClaimsPrincipal user, int suggestionId, string? decision, string? reason, CancellationToken cancellationToken)
    {
        if (await PatrolScope.FindSuggestionAsync(db, user, suggestionId, cancellationToken) is not { } found) return (PatrolOutcome.NotFound, null, null, null);
        var (suggestion, beat, period) = found;
        // The beat's district as it is now: a beat moved to another district is decided on by that district's supervisor.
        if (!PatrolScope.MayDecide(user, beat.DistrictId)) return (PatrolOutcome.Forbidden, null, null, null);

        var errors = new FieldErrors();
        var chosen = decision?.Trim().ToLowerInvariant() switch
        {
            "accepted" or "accept" => PatrolDecision.Accepted,
            "rejected" or "reject" => PatrolDecision.Rejected,
            _ => (PatrolDecision?)null,
        };
        if (chosen is null) errors.Add("decision", localizer["Patrols.DecisionUnknown"]);
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text is { Length: > PatrolLimits.ReasonLength }) errors.Add("reason", localizer["Patrols.ReasonTooLong", PatrolLimits.ReasonLength]);
        if (period.AddMonths(1) <= PatrolPeriod.FirstDay(KazakhstanTime.Today(clock))) errors.Add("decision", localizer["Patrols.MonthOver"]);
        if (errors.Count > 0) return (PatrolOutcome.Invalid, errors, null, null);

        suggestion.Decision = chosen!.Value;
        // A reason belongs to a rejection; an accepted cell keeps none, so an old reason does not linger.
        suggestion.DecisionReason = chosen == PatrolDecision.Rejected ? text : null;
        suggestion.DecidedByUserId = PatrolScope.UserId(user);
        suggestion.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return (PatrolOutcome.Done, null, beat.Id, period);
    }
}
