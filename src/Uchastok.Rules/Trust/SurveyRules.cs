namespace Uchastok.Rules.Trust;

public enum QuestionKind
{
    /// <summary>A 1–5 agreement scale; it carries a trust criterion and feeds the trust index.</summary>
    Likert,
    SingleChoice,
    MultipleChoice,
    FreeText,
}

/// <summary>Where a response came from. A response keeps its channel and place, never who sent it.</summary>
public enum SurveyChannel
{
    Link,
    QrCode,
    AfterAppeal,
}

/// <summary>A text in the three languages of the platform.</summary>
public sealed record Trilingual(string? Kk, string? Ru, string? En)
{
    public bool Complete => !string.IsNullOrWhiteSpace(Kk) && !string.IsNullOrWhiteSpace(Ru) && !string.IsNullOrWhiteSpace(En);

    public int LongestLength => Math.Max(Kk?.Length ?? 0, Math.Max(Ru?.Length ?? 0, En?.Length ?? 0));
}

public sealed record QuestionDraft(
    QuestionKind Kind, Trilingual Text, TrustCriterion? Criterion, ProceduralJustice? Dimension, bool Required, IReadOnlyList<Trilingual> Options);

public enum QuestionProblem
{
    None,
    TextMissing,
    TextTooLong,
    /// <summary>A Likert item must say which trust criterion it measures, or it cannot enter the index.</summary>
    CriterionMissing,
    /// <summary>Criteria and procedural-justice dimensions belong to scale items only.</summary>
    TagOnNonScale,
    TooFewOptions,
    TooManyOptions,
    OptionTextMissing,
    OptionTooLong,
    /// <summary>Choices belong to choice questions only.</summary>
    OptionsOnNonChoice,
}

/// <summary>One answer as sent: a scale value, chosen option indexes or text; whatever the kind does not use is ignored.</summary>
public sealed record AnswerDraft(int? Score, IReadOnlyList<int> Choices, string? Text);

public enum AnswerProblem
{
    None,
    Required,
    ScoreOutOfRange,
    ChoiceOutOfRange,
    OneChoiceOnly,
    TextTooLong,
}

/// <summary>
/// What a questionnaire and a response must be (C8): every text in Kazakh, Russian and English;
/// every scale item tagged with the trust criterion it measures; answers within their scale.
/// </summary>
public static class SurveyRules
{
    public const int MaxTitleLength = 200;
    public const int MaxQuestionLength = 500;
    public const int MaxOptionLength = 200;
    public const int MinOptions = 2;
    public const int MaxOptions = 12;
    public const int MaxQuestions = 40;
    public const int MaxAnswerTextLength = 2000;

    public static QuestionProblem Check(QuestionDraft question)
    {
        if (!question.Text.Complete) return QuestionProblem.TextMissing;
        if (question.Text.LongestLength > MaxQuestionLength) return QuestionProblem.TextTooLong;
        var isChoice = question.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
        if (question.Kind == QuestionKind.Likert)
        {
            if (question.Criterion is null) return QuestionProblem.CriterionMissing;
        }
        else if (question.Criterion is not null || question.Dimension is not null) return QuestionProblem.TagOnNonScale;
        if (!isChoice) return question.Options.Count > 0 ? QuestionProblem.OptionsOnNonChoice : QuestionProblem.None;
        if (question.Options.Count < MinOptions) return QuestionProblem.TooFewOptions;
        if (question.Options.Count > MaxOptions) return QuestionProblem.TooManyOptions;
        if (question.Options.Any(o => !o.Complete)) return QuestionProblem.OptionTextMissing;
        return question.Options.Any(o => o.LongestLength > MaxOptionLength) ? QuestionProblem.OptionTooLong : QuestionProblem.None;
    }

    public static AnswerProblem Check(QuestionKind kind, bool required, int optionCount, AnswerDraft? answer)
    {
        var given = answer is not null && kind switch
        {
            QuestionKind.Likert => answer.Score is not null,
            QuestionKind.FreeText => !string.IsNullOrWhiteSpace(answer.Text),
            _ => answer.Choices.Count > 0,
        };
        if (!given) return required ? AnswerProblem.Required : AnswerProblem.None;
        return kind switch
        {
            QuestionKind.Likert => answer!.Score is < 1 or > 5 ? AnswerProblem.ScoreOutOfRange : AnswerProblem.None,
            QuestionKind.FreeText => answer!.Text!.Trim().Length > MaxAnswerTextLength ? AnswerProblem.TextTooLong : AnswerProblem.None,
            QuestionKind.SingleChoice when answer!.Choices.Count > 1 => AnswerProblem.OneChoiceOnly,
            _ => answer!.Choices.Any(c => c < 0 || c >= optionCount) ? AnswerProblem.ChoiceOutOfRange : AnswerProblem.None,
        };
    }
}
