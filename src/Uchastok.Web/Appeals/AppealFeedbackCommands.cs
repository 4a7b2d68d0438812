using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Appeals;

public sealed record RatingInput(int? Overall, int? Legality, int? Timeliness, int? Quality, int? Politeness, int? Awareness, string? Comment);

/// <summary>
/// The applicant rates the service once after the answer; the rating is credited to the officer
/// who answered (C4). Internal notes are the staff's working record and never reach the applicant.
/// </summary>
public sealed class AppealFeedbackCommands(
    UchastokDbContext db, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const int MaxNoteLength = 2000;

    public async Task<TransitionOutcome> RateAsync(string? number, string? trackingToken, RatingInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var appeal = await FindForApplicantAsync(number, trackingToken, user, cancellationToken);
        if (appeal is null) return new(TransitionResult.NotFound, null, errors);

        var qualities = new Dictionary<ServiceQuality, int>();
        void Take(ServiceQuality quality, int? score) { if (score is { } s) qualities[quality] = s; }
        Take(ServiceQuality.Legality, input.Legality);
        Take(ServiceQuality.Timeliness, input.Timeliness);
        Take(ServiceQuality.Quality, input.Quality);
        Take(ServiceQuality.Politeness, input.Politeness);
        Take(ServiceQuality.Awareness, input.Awareness);
        var rated = await db.AppealRatings.AnyAsync(r => r.AppealId == appeal.Id, cancellationToken);
        var problem = AppealRatingRules.Check(appeal.State, rated, input.Overall ?? 0, qualities, input.Comment);
        switch (problem)
        {
            case RatingProblem.None:
                break;
            case RatingProblem.NotAnsweredYet or RatingProblem.AlreadyRated:
                return new(TransitionResult.Refused, appeal, errors, localizer[$"Rating.{problem}"]);
            default:
                errors.Add(problem == RatingProblem.CommentTooLong ? "comment" : "overall", localizer[$"Rating.{problem}", AppealRatingRules.MaxCommentLength]);
                return new(TransitionResult.Invalid, appeal, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.AppealRatings.Add(new AppealRating
        {
            AppealId = appeal.Id, OfficerId = appeal.AnsweredByOfficerId, Overall = input.Overall!.Value,
            Legality = qualities[ServiceQuality.Legality], Timeliness = qualities[ServiceQuality.Timeliness], Quality = qualities[ServiceQuality.Quality],
            Politeness = qualities[ServiceQuality.Politeness], Awareness = qualities[ServiceQuality.Awareness],
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(), AtUtc = now, RatedOn = KazakhstanTime.LocalDate(now),
        });
        db.AppealEvents.Add(new AppealEvent
        {
            AppealId = appeal.Id, AtUtc = now, Kind = AppealEventKind.Rated, ToState = appeal.State, ActorUserId = appeal.ApplicantUserId, IsPublic = true,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // A second rating raced the first: the primary key on the appeal keeps one.
            return new(TransitionResult.Refused, appeal, errors, localizer["Rating.AlreadyRated"]);
        }
        return new(TransitionResult.Done, appeal, errors);
    }

    public async Task<TransitionOutcome> AddNoteAsync(string number, string? note, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var access = AppealAccess.For(user);
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.Number == number, cancellationToken);
        if (appeal is null || !access.CanSeeAsStaff(appeal)) return new(TransitionResult.NotFound, null, errors);
        var text = note?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add("note", localizer["Appeal.NoteRequired"]);
        else if (text.Length > MaxNoteLength) errors.Add("note", localizer["Appeal.TextTooLong", MaxNoteLength]);
        if (errors.Count > 0) return new(TransitionResult.Invalid, appeal, errors);

        db.AppealEvents.Add(new AppealEvent
        {
            AppealId = appeal.Id, AtUtc = clock.GetUtcNow().UtcDateTime, Kind = AppealEventKind.InternalNote, ToState = appeal.State,
            ActorUserId = access.UserId, ActorOfficerId = access.OfficerId, Text = text, IsPublic = false,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new(TransitionResult.Done, appeal, errors);
    }

    /// <summary>
    /// An internal note no person wrote, dated <paramref name="atUtc"/>: what a partner's system sent with its filing
    /// (Integrations' Open311 photo link). Appeals owns the history of an appeal; other modules add to it only here.
    /// </summary>
    public async Task AddSystemNoteAsync(Appeal appeal, string text, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        db.AppealEvents.Add(new AppealEvent
        {
            AppealId = appeal.Id, AtUtc = atUtc, Kind = AppealEventKind.InternalNote, ToState = appeal.State, IsPublic = false, Text = text,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The applicant's appeal by tracking token, or by number for the signed-in applicant.</summary>
    internal async Task<Appeal?> FindForApplicantAsync(string? number, string? trackingToken, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(trackingToken))
            return await db.Appeals.SingleOrDefaultAsync(a => a.TrackingTokenHash == Secrets.Hash(trackingToken), cancellationToken);
        var access = AppealAccess.For(user);
        if (number is null || access.UserId is null) return null;
        return await db.Appeals.SingleOrDefaultAsync(a => a.Number == number && a.ApplicantUserId == access.UserId, cancellationToken);
    }
}
