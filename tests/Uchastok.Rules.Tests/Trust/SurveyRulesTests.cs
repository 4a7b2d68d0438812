using Uchastok.Rules.Trust;

namespace Uchastok.Rules.Tests.Trust;

public sealed class SurveyRulesTests
{
    private static readonly Trilingual Text = new("Сұрақ", "Вопрос", "Question");
    private static readonly Trilingual[] TwoOptions = [new("Иә", "Да", "Yes"), new("Жоқ", "Нет", "No")];

    [Fact]
    public void ScaleItem_MustNameItsCriterion()
    {
        Assert.Equal(QuestionProblem.CriterionMissing, SurveyRules.Check(new QuestionDraft(QuestionKind.Likert, Text, null, ProceduralJustice.Voice, true, [])));
        Assert.Equal(QuestionProblem.None, SurveyRules.Check(new QuestionDraft(QuestionKind.Likert, Text, TrustCriterion.Openness, ProceduralJustice.Voice, true, [])));
    }

    [Theory]
    [InlineData(QuestionKind.FreeText)]
    [InlineData(QuestionKind.SingleChoice)]
    public void CriterionOrDimension_OnANonScaleItem_IsRefused(QuestionKind kind)
    {
        Assert.Equal(QuestionProblem.TagOnNonScale, SurveyRules.Check(new QuestionDraft(kind, Text, TrustCriterion.Fairness, null, false, TwoOptions)));
        Assert.Equal(QuestionProblem.TagOnNonScale, SurveyRules.Check(new QuestionDraft(kind, Text, null, ProceduralJustice.Respect, false, TwoOptions)));
    }

    [Fact]
    public void EveryText_IsNeededInAllThreeLanguages()
    {
        Assert.Equal(QuestionProblem.TextMissing, SurveyRules.Check(new QuestionDraft(QuestionKind.FreeText, new(null, "Вопрос", "Question"), null, null, false, [])));
        Assert.Equal(QuestionProblem.TextMissing, SurveyRules.Check(new QuestionDraft(QuestionKind.FreeText, new("Сұрақ", "Вопрос", " "), null, null, false, [])));
        Assert.Equal(QuestionProblem.OptionTextMissing, SurveyRules.Check(new QuestionDraft(QuestionKind.SingleChoice, Text, null, null, false, [TwoOptions[0], new("Жоқ", null, "No")])));
        Assert.Equal(QuestionProblem.TextTooLong, SurveyRules.Check(new QuestionDraft(QuestionKind.FreeText, new("С", "В", new string('q', SurveyRules.MaxQuestionLength + 1)), null, null, false, [])));
    }

    [Fact]
    public void Options_BelongToChoiceQuestions_TwoToTwelve()
    {
        Assert.Equal(QuestionProblem.TooFewOptions, SurveyRules.Check(new QuestionDraft(QuestionKind.MultipleChoice, Text, null, null, false, [TwoOptions[0]])));
        Assert.Equal(QuestionProblem.TooManyOptions, SurveyRules.Check(new QuestionDraft(QuestionKind.MultipleChoice, Text, null, null, false, Enumerable.Repeat(TwoOptions[0], 13).ToList())));
        Assert.Equal(QuestionProblem.OptionsOnNonChoice, SurveyRules.Check(new QuestionDraft(QuestionKind.FreeText, Text, null, null, false, TwoOptions)));
        Assert.Equal(QuestionProblem.None, SurveyRules.Check(new QuestionDraft(QuestionKind.MultipleChoice, Text, null, null, false, TwoOptions)));
    }

    [Theory]
    [InlineData(QuestionKind.Likert, true, 0, null, AnswerProblem.Required)]
    [InlineData(QuestionKind.Likert, false, 0, null, AnswerProblem.None)]
    [InlineData(QuestionKind.Likert, true, 0, 0, AnswerProblem.ScoreOutOfRange)]
    [InlineData(QuestionKind.Likert, true, 0, 6, AnswerProblem.ScoreOutOfRange)]
    [InlineData(QuestionKind.Likert, true, 0, 5, AnswerProblem.None)]
    public void ScaleAnswers_AreOneToFive(QuestionKind kind, bool required, int options, int? score, AnswerProblem expected) =>
        Assert.Equal(expected, SurveyRules.Check(kind, required, options, score is null ? null : new AnswerDraft(score, [], null)));

    [Fact]
    public void ChoiceAnswers_PickShownOptions_AndASingleChoiceOnlyOne()
    {
        Assert.Equal(AnswerProblem.None, SurveyRules.Check(QuestionKind.MultipleChoice, true, 3, new AnswerDraft(null, [0, 2], null)));
        Assert.Equal(AnswerProblem.ChoiceOutOfRange, SurveyRules.Check(QuestionKind.MultipleChoice, true, 3, new AnswerDraft(null, [3], null)));
        Assert.Equal(AnswerProblem.OneChoiceOnly, SurveyRules.Check(QuestionKind.SingleChoice, true, 3, new AnswerDraft(null, [0, 1], null)));
        Assert.Equal(AnswerProblem.Required, SurveyRules.Check(QuestionKind.SingleChoice, true, 3, new AnswerDraft(null, [], null)));
    }

    [Fact]
    public void FreeText_IsCutAtTwoThousandCharacters_AndBlankIsNoAnswer()
    {
        Assert.Equal(AnswerProblem.TextTooLong, SurveyRules.Check(QuestionKind.FreeText, false, 0, new AnswerDraft(null, [], new string('a', SurveyRules.MaxAnswerTextLength + 1))));
        Assert.Equal(AnswerProblem.Required, SurveyRules.Check(QuestionKind.FreeText, true, 0, new AnswerDraft(null, [], "   ")));
        Assert.Equal(AnswerProblem.None, SurveyRules.Check(QuestionKind.FreeText, false, 0, new AnswerDraft(null, [], "   ")));
    }
}

public sealed class QuarterTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-Q1")]
    [InlineData("2026-03-31", "2026-Q1")]
    [InlineData("2026-04-01", "2026-Q2")]
    [InlineData("2026-12-31", "2026-Q4")]
    public void Quarter_OfADate(string date, string expected) =>
        Assert.Equal(expected, Quarter.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void Quarter_KnowsItsDays_AndItsNeighboursAcrossTheYear()
    {
        var q1 = new Quarter(2027, 1);
        Assert.Equal(new DateOnly(2027, 1, 1), q1.First);
        Assert.Equal(new DateOnly(2027, 3, 31), q1.Last);
        Assert.Equal(new Quarter(2026, 4), q1.Previous);
        Assert.Equal(q1, new Quarter(2026, 4).Next);
        Assert.Equal(new DateOnly(2026, 12, 31), new Quarter(2026, 4).Last);
        Assert.Equal(["2026-Q3", "2026-Q4", "2027-Q1"], q1.Trailing(3).Select(q => q.ToString()));
    }

    [Theory]
    [InlineData("2026-Q4", true)]
    [InlineData("2026-q1", true)]
    [InlineData("2026-Q5", false)]
    [InlineData("2026-Q0", false)]
    [InlineData("26-Q1", false)]
    [InlineData("2026Q1", false)]
    [InlineData("", false)]
    public void Quarter_IsReadOnlyInItsOwnForm(string text, bool valid) => Assert.Equal(valid, Quarter.TryParse(text, out _));
}
