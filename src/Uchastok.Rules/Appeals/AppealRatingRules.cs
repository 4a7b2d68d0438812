namespace Uchastok.Rules.Appeals;

public enum RatingProblem { None, NotAnsweredYet, AlreadyRated, ScoreOutOfRange, QualityMissing, CommentTooLong }

/// <summary>After an answer the applicant rates the service once: 1–5 overall and 1–5 for each of the five qualities.</summary>
public static class AppealRatingRules
{
    public const int MaxCommentLength = 2000;

    public static RatingProblem Check(AppealState state, bool alreadyRated, int overall, IReadOnlyDictionary<ServiceQuality, int> qualities, string? comment)
    {
        if (state is not (AppealState.Answered or AppealState.Closed)) return RatingProblem.NotAnsweredYet;
        if (alreadyRated) return RatingProblem.AlreadyRated;
        if (overall is < 1 or > 5) return RatingProblem.ScoreOutOfRange;
        foreach (var quality in Enum.GetValues<ServiceQuality>())
        {
            if (!qualities.TryGetValue(quality, out var score)) return RatingProblem.QualityMissing;
            if (score is < 1 or > 5) return RatingProblem.ScoreOutOfRange;
        }
        return (comment?.Length ?? 0) > MaxCommentLength ? RatingProblem.CommentTooLong : RatingProblem.None;
    }
}
