using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.PatrolPlanning;

/// <summary>
/// What was done in a suggested cell: patrol hours spent in the month and a note, entered by the beat's inspector or
/// the district's supervisor. Recorded whatever the decision (a rejected cell may still have been walked) and at any
/// time, since a month's record is often written after it ends; the last entry stands, with who wrote it and when.
/// </summary>
public sealed class RecordPatrolWorkCommand(UchastokDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<(PatrolOutcome Outcome, FieldErrors? Errors, int? BeatId, DateOnly? Period)> RecordAsync(
        ClaimsPrincipal user, int suggestionId, double? hours, string? note, CancellationToken cancellationToken)
    {
        if (await PatrolScope.FindSuggestionAsync(db, user, suggestionId, cancellationToken) is not { } found || !PatrolScope.MayRecord(user, found.Beat))
            return (PatrolOutcome.NotFound, null, null, null);
        var (suggestion, beat, period) = found;

        var errors = new FieldErrors();
        if (hours is null) errors.Add("hours", localizer["Patrols.HoursRequired"]);
        else if (!double.IsFinite(hours.Value) || hours < 0 || hours > PatrolLimits.MaxHours) errors.Add("hours", localizer["Patrols.HoursRange", PatrolLimits.MaxHours]);
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > PatrolLimits.NoteLength }) errors.Add("note", localizer["Patrols.NoteTooLong", PatrolLimits.NoteLength]);
        if (errors.Count > 0) return (PatrolOutcome.Invalid, errors, null, null);

        suggestion.PatrolHours = Math.Round(hours!.Value, 2);
        suggestion.PatrolNote = text;
        suggestion.RecordedByUserId = PatrolScope.UserId(user);
        suggestion.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return (PatrolOutcome.Done, null, beat.Id, period);
    }
}
