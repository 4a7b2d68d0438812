using Uchastok.Rules.Prevention;

namespace Uchastok.Rules.Tests.Prevention;

public sealed class PreventionCategoryTests
{
    private static PreventionCategoryInput Valid() => new(
        Code: " Parole ", LegalBasis: "Law No. 271-IV of 29 April 2010 \"On prevention of offences\", art. …",
        VisitIntervalCount: 1, VisitIntervalUnit: PeriodUnit.Months, RetentionCount: 5, RetentionUnit: PeriodUnit.Years);

    private static IReadOnlyList<(string Field, PreventionProblem Problem)> Errors(PreventionCategoryInput input) =>
        PreventionCategoryValidator.Validate(input).Errors.Select(e => (e.Field, e.Problem)).ToList();

    [Fact]
    public void Validate_CompleteInput_GivesTheCategoryWithTrimmedLowercaseCodeAndItsFlags()
    {
        var result = PreventionCategoryValidator.Validate(Valid() with { HealthRelated = true });

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        var category = result.Category!;
        Assert.Equal("parole", category.Code);
        Assert.Equal(new CalendarPeriod(1, PeriodUnit.Months), category.VisitInterval);
        Assert.Equal(new CalendarPeriod(5, PeriodUnit.Years), category.RetentionAfterRemoval);
        Assert.True(category.HealthRelated);
        Assert.False(category.Juvenile);
        Assert.True(category.IsSensitive);
        Assert.False(PreventionCategoryValidator.Validate(Valid() with { DomesticViolenceOffender = true, Juvenile = true }).Category!.IsSensitive);
    }

    [Fact]
    public void Validate_EmptyInput_ReportsEveryRequiredFieldAtOnce()
    {
        var errors = Errors(new PreventionCategoryInput(null, "  ", null, null, null, null));

        Assert.Equal(
        [
            ("code", PreventionProblem.Required), ("legalBasis", PreventionProblem.Required),
            ("visitInterval", PreventionProblem.Required), ("retentionPeriod", PreventionProblem.Required),
        ], errors);
        Assert.Null(PreventionCategoryValidator.Validate(new PreventionCategoryInput(null, null, null, null, null, null)).Category);
    }

    [Theory]
    [InlineData("dv offender", PreventionProblem.Invalid)]
    [InlineData("-parole", PreventionProblem.Invalid)]
    [InlineData("условно", PreventionProblem.Invalid)]
    public void Validate_BadCode_IsRefused(string code, PreventionProblem problem)
    {
        Assert.Equal([("code", problem)], Errors(Valid() with { Code = code }));
    }

    [Fact]
    public void Validate_CodeAndBasisTooLong_AreRefusedAsTooLong()
    {
        var errors = Errors(Valid() with { Code = new string('a', 41), LegalBasis = new string('x', 2001) });

        Assert.Equal([("code", PreventionProblem.TooLong), ("legalBasis", PreventionProblem.TooLong)], errors);
        Assert.Empty(Errors(Valid() with { Code = new string('a', 40), LegalBasis = new string('x', 2000) }));
    }

    [Theory]
    [InlineData(0, PeriodUnit.Months)]
    [InlineData(-3, PeriodUnit.Days)]
    [InlineData(1201, PeriodUnit.Months)]
    [InlineData(101, PeriodUnit.Years)]
    public void Validate_IntervalOutOfRange_IsRefused(int count, PeriodUnit unit)
    {
        Assert.Equal([("visitInterval", PreventionProblem.OutOfRange)], Errors(Valid() with { VisitIntervalCount = count, VisitIntervalUnit = unit }));
    }

    [Fact]
    public void Validate_CountWithoutUnitOrUnknownUnit_IsRefused()
    {
        Assert.Equal([("retentionPeriod", PreventionProblem.Required)], Errors(Valid() with { RetentionUnit = null }));
        Assert.Equal([("retentionPeriod", PreventionProblem.Invalid)], Errors(Valid() with { RetentionUnit = (PeriodUnit)42 }));
    }

    [Fact]
    public void CalendarPeriod_AddTo_KeepsMonthEndsAndCountsInOneStep()
    {
        var monthly = new CalendarPeriod(1, PeriodUnit.Months);
        var jan31 = new DateOnly(2027, 1, 31);

        Assert.Equal(new DateOnly(2027, 2, 28), monthly.AddTo(jan31));
        Assert.Equal(new DateOnly(2027, 3, 31), monthly.AddTo(jan31, 2));
        Assert.Equal(new DateOnly(2026, 12, 31), monthly.AddTo(jan31, -1));
        Assert.Equal(new DateOnly(2027, 2, 14), new CalendarPeriod(2, PeriodUnit.Weeks).AddTo(jan31));
        Assert.Equal(new DateOnly(2029, 2, 28), new CalendarPeriod(1, PeriodUnit.Years).AddTo(new DateOnly(2028, 2, 29)));
    }
}
