using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Calendar;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Appeals;

public enum TransitionResult { Done, NotFound, Forbidden, Invalid, Refused, Conflict }

/// <summary>The outcome of an action on an appeal; <see cref="Errors"/> name the fields when the input was at fault.</summary>
public sealed record TransitionOutcome(TransitionResult Result, Appeal? Appeal, FieldErrors Errors, string? Message = null)
{
    public bool Succeeded => Result == TransitionResult.Done;
}

/// <summary>
/// Every change of an appeal's state goes through here: the actor's capacity is worked out from
/// role and scope (<see cref="AppealAccess"/>), the lifecycle rule decides, and the change, its
/// history entry and its messages are saved together. Two officers acting at once cannot both
/// succeed: the appeal's version is checked on save.
/// </summary>
public sealed class TransitionAppealCommand(
    UchastokDbContext db,
    AppealCatalog catalog,
    WorkingCalendarProvider calendars,
    TerritorySnapshotCache territory,
    AppealNotifier notifier,
    OutboxSignal outboxSignal,
    IStringLocalizer<SharedResource> localizer,
    AppealText text,
    TimeProvider clock,
    ILogger<TransitionAppealCommand> logger)
{
    public const int MaxReasonLength = 2000;
    public const int MaxForwardToLength = 300;

    public async Task<TransitionOutcome> ExecuteAsync(
        string number, AppealAction action, TransitionInput input, ClaimsPrincipal user, string? trackingToken = null, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var appeal = trackingToken is null
            ? await db.Appeals.Include(a => a.AssigneeOfficer).SingleOrDefaultAsync(a => a.Number == number, cancellationToken)
            : await db.Appeals.Include(a => a.AssigneeOfficer).SingleOrDefaultAsync(a => a.TrackingTokenHash == Secrets.Hash(trackingToken), cancellationToken);
        var access = AppealAccess.For(user);
        var holdsToken = trackingToken is not null && appeal is not null;
        if (appeal is null || (!holdsToken && !access.CanSee(appeal))) return new(TransitionResult.NotFound, null, errors);

        var capacities = access.Capacities(appeal, holdsToken);
        var rule = AppealLifecycle.Transitions.Single(t => t.Action == action);
        var actor = capacities.Cast<AppealActor?>().FirstOrDefault(c => rule.By.Contains(c!.Value));
        if (actor is null)
            return new(TransitionResult.Forbidden, appeal, errors, text.Refusal(TransitionRefusal.NotForThisActor));

        if (input.AnswerText?.Length > AppealInput.MaxTextLength) errors.Add("answer", localizer["Appeal.TextTooLong", AppealInput.MaxTextLength]);
        if (input.Reason?.Length > MaxReasonLength) errors.Add("reason", localizer["Appeal.TextTooLong", MaxReasonLength]);
        if (input.ForwardTo?.Length > MaxForwardToLength) errors.Add("forwardTo", localizer["Appeal.TextTooLong", MaxForwardToLength]);
        // Whether a complaint about an officer was justified is decided with its answer: it counts against that officer (C9).
        if (action == AppealAction.Answer && appeal.AboutPoliceOfficer && input.ComplaintUpheld is null)
            errors.Add("complaintUpheld", localizer["Appeal.ComplaintOutcomeRequired"]);
        if (errors.Count > 0) return new(TransitionResult.Invalid, appeal, errors);

        if (action == AppealAction.Assign && input.AssigneeOfficerId is { } assigneeId)
        {
            var officer = await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == assigneeId, cancellationToken);
            if (officer is null) errors.Add("officerId", localizer["Territory.OfficerNotFound"]);
            else if (!access.IsAdmin && officer.DistrictId != appeal.DistrictId) errors.Add("officerId", localizer["Territory.OfficerInAnotherDistrict"]);
            else if (officer.Id == appeal.ConcernedOfficerId) errors.Add("officerId", localizer["Appeal.CannotAssignConcernedOfficer"]);
            if (errors.Count > 0) return new(TransitionResult.Invalid, appeal, errors);
        }

        return await ApplyAsync(appeal, action, actor.Value, input, access.UserId, access.OfficerId, cancellationToken);
    }

    /// <summary>Decides and applies one action in a known capacity; the deadline job calls it as the system.</summary>
    public async Task<TransitionOutcome> ApplyAsync(
        Appeal appeal, AppealAction action, AppealActor actor, TransitionInput input, string? actorUserId, int? actorOfficerId, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var today = calendars.Today();
        var facts = new AppealFacts(appeal.State, appeal.Kind, appeal.ReceivedOn, appeal.DueDate, appeal.AnsweredOn, appeal.Contested, appeal.Queue, appeal.AboutPoliceOfficer);
        input = Trimmed(input);
        var decision = AppealLifecycle.Decide(facts, action, actor, input, today, await calendars.GetAsync(cancellationToken), await catalog.PolicyAsync(cancellationToken));
        if (!decision.Allowed) return Refused(appeal, decision.Refusal, errors);
        var route = decision.Effects.RoutesForReview
            ? AppealRouting.ForReview(appeal.DistrictId, appeal.ConcernedOfficerId, (await territory.GetAsync(cancellationToken)).HeadOfficerByDistrict)
            : decision.Effects.Reassign;

        var from = appeal.State;
        db.AppealEvents.Add(Record(appeal, action, decision, route, input, actorUserId, actorOfficerId, clock.GetUtcNow().UtcDateTime, today));
        await notifier.ApplicantAsync(appeal, Template(decision.Effects.Notice), reason: input.Reason, cancellationToken: cancellationToken);
        if (route?.AssigneeOfficerId is { } assignee)
            await notifier.OfficersAsync(appeal, [assignee], DefaultTemplates.StaffAssigned, $"v{appeal.Version}", cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(TransitionResult.Conflict, appeal, errors, localizer["Appeal.ChangedMeanwhile"]);
        }
        outboxSignal.Notify();
        logger.LogInformation("Appeal {Number}: {Action} by {Actor}, {From} → {To}", appeal.Number, action, actor, from, appeal.State);
        return new(TransitionResult.Done, appeal, errors);
    }

    /// <summary>
    /// Writes an allowed decision onto the appeal, field by field as its effects say, and returns the
    /// history entry; <paramref name="route"/> is the new holder, when the effects name one. The demo
    /// history records its past steps through here too, so that they are what the app would have written.
    /// </summary>
    public static AppealEvent Record(
        Appeal appeal, AppealAction action, TransitionDecision decision, Reassignment? route, TransitionInput input, string? actorUserId, int? actorOfficerId,
        DateTime now, DateOnly today)
    {
        var effects = decision.Effects;
        var entry = new AppealEvent
        {
            AppealId = appeal.Id, AtUtc = now, Kind = AppealEventKind.Transition, Action = action, FromState = appeal.State, ToState = decision.To,
            ActorUserId = actorUserId, ActorOfficerId = actorOfficerId, DueDate = decision.DueDate, IsPublic = true, Text = input.Reason,
        };
        appeal.State = decision.To;
        appeal.DueDate = decision.DueDate;
        appeal.Version++;
        if (route is not null)
        {
            appeal.AssigneeOfficerId = entry.AssigneeOfficerId = route.AssigneeOfficerId;
            appeal.AssigneeOfficer = null;
            appeal.Queue = route.Queue;
        }
        if (effects.RecordsAnswer)
        {
            appeal.AnswerText = entry.Text = input.AnswerText;
            (appeal.AnsweredAtUtc, appeal.AnsweredOn, appeal.AnsweredByOfficerId) = (now, today, actorOfficerId);
        }
        if (effects.RecordsForwarding)
        {
            appeal.ForwardedTo = input.ForwardTo;
            entry.Text = $"{appeal.ForwardedTo}: {input.Reason}";
        }
        if (effects.CountsExtension) appeal.Extensions++;
        if (effects.MarksContested) appeal.Contested = true;
        if (effects.Closes) appeal.ClosedAtUtc = now;
        if (effects.SetsComplaintOutcome) appeal.ComplaintUpheld = effects.ComplaintUpheld;
        appeal.DecidedOn = effects.DecidedOn switch
        {
            DecisionDayChange.Today => today,
            DecisionDayChange.Cleared => null,
            _ => appeal.DecidedOn,
        };
        return entry;
    }

    private static string Template(AppealNotice notice) => notice switch
    {
        AppealNotice.Assigned => DefaultTemplates.Assigned,
        AppealNotice.InProgress => DefaultTemplates.InProgress,
        AppealNotice.Answered => DefaultTemplates.Answered,
        AppealNotice.Forwarded => DefaultTemplates.Forwarded,
        AppealNotice.Extended => DefaultTemplates.Extended,
        AppealNotice.LeftWithoutConsideration => DefaultTemplates.LeftWithoutConsideration,
        AppealNotice.Contested => DefaultTemplates.Contested,
        AppealNotice.Closed => DefaultTemplates.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, "An allowed transition always tells the applicant."),
    };

    private static TransitionInput Trimmed(TransitionInput input) => input with
    {
        Reason = input.Reason?.Trim(), AnswerText = input.AnswerText?.Trim(), ForwardTo = input.ForwardTo?.Trim(),
    };

    private TransitionOutcome Refused(Appeal appeal, TransitionRefusal refusal, FieldErrors errors)
    {
        var message = text.Refusal(refusal);
        var field = refusal switch
        {
            TransitionRefusal.ReasonRequired => "reason",
            TransitionRefusal.AnswerRequired => "answer",
            TransitionRefusal.ForwardTargetRequired => "forwardTo",
            TransitionRefusal.NewDueDateRequired or TransitionRefusal.ExtensionNotLater or TransitionRefusal.ExtensionBeyondCap
                or TransitionRefusal.ExtensionNotWorkingDay => "dueDate",
            TransitionRefusal.AssigneeRequired => "officerId",
            _ => null,
        };
        if (field is null)
        {
            var result = refusal == TransitionRefusal.NotForThisActor ? TransitionResult.Forbidden : TransitionResult.Refused;
            return new(result, appeal, errors, message);
        }
        errors.Add(field, message);
        return new(TransitionResult.Invalid, appeal, errors, message);
    }
}
