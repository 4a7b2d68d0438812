using Uchastok.Rules.Prevention;

namespace Uchastok.Rules.Tests.Prevention;

public sealed class JuvenileRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 23, 30, 0, TimeSpan.FromHours(5));

    private static JuvenileDeliveryInput Valid(DateOnly birth) =>
        new("Асанов Ерлан", birth, "Unattended", "Парк у ТЦ, 23:10", "Мать, Асанова Г.", Now.AddMinutes(-20), "ст. л-т Ахметов");

    [Fact]
    public void AMinorUnderEighteenOnTheDay_TakenHomeTonight_IsValid() =>
        Assert.Empty(JuvenileRules.ValidateDelivery(Valid(new DateOnly(2010, 5, 1)), Now));

    [Theory]
    [InlineData("2008-11-02", false)]
    [InlineData("2008-11-03", true)]
    public void TheEighteenthBirthday_EndsMinority(string birth, bool minor) =>
        Assert.Equal(minor, JuvenileRules.IsMinorOn(DateOnly.Parse(birth), new DateOnly(2026, 11, 2)));

    [Fact]
    public void AnAdult_IsRefusedOnTheBirthDate()
    {
        var errors = JuvenileRules.ValidateDelivery(Valid(new DateOnly(2000, 1, 1)), Now);
        Assert.Equal(new PreventionFieldError("minorBirthDate", PreventionProblem.OutOfRange), Assert.Single(errors));
    }

    [Fact]
    public void EveryMissingField_IsReported_AndAnUnknownReasonOrAFutureTimeRefused()
    {
        var empty = JuvenileRules.ValidateDelivery(new JuvenileDeliveryInput(null, null, null, " ", null, null, ""), Now);
        Assert.Equal(["minorName", "minorBirthDate", "reason", "foundAt", "deliveredTo", "deliveredBy", "deliveredAt"], empty.Select(e => e.Field));
        var wrong = JuvenileRules.ValidateDelivery(Valid(new DateOnly(2012, 1, 1)) with { Reason = "Truancy", DeliveredAt = Now.AddHours(1) }, Now);
        Assert.Contains(new PreventionFieldError("reason", PreventionProblem.Invalid), wrong);
        Assert.Contains(new PreventionFieldError("deliveredAt", PreventionProblem.InFuture), wrong);
    }

    [Fact]
    public void APlace_NeedsAValidPointADescriptionAndADayNotInTheFuture()
    {
        var today = new DateOnly(2026, 11, 2);
        Assert.Empty(JuvenileRules.ValidatePlace(new GatheringPlaceInput(new GeoPoint(43.25, 76.92), "Гаражи за школой № 12", today), today));
        var bad = JuvenileRules.ValidatePlace(new GatheringPlaceInput(new GeoPoint(95, 76.92), "", today.AddDays(1)), today);
        Assert.Equal(["point", "description", "observedOn"], bad.Select(e => e.Field));
    }
}
