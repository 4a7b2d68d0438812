using Uchastok.Rules.CrimeAnalytics;

namespace Uchastok.Rules.Tests.CrimeAnalytics;

public sealed class IncidentCategoryMapTests
{
    private static IncidentCategory Category(string code, params string[] types) => new(code, code + " kk", code + " ru", code + " en", "test", types);

    [Fact]
    public void CategoryOf_IgnoresCaseAndRunsOfSpaces()
    {
        var map = new IncidentCategoryMap([Category("public-order", "Anti-social behaviour", "Нарушение общественного порядка")]);

        Assert.Equal("public-order", map.CategoryOf("anti-social  BEHAVIOUR "));
        Assert.Equal("public-order", map.CategoryOf("нарушение общественного порядка"));
    }

    [Theory]
    [InlineData("Shoplifting")]
    [InlineData("")]
    [InlineData(null)]
    public void CategoryOf_ATypeNoCategoryNames_IsOther(string? type)
    {
        var map = new IncidentCategoryMap([Category("fraud", "Fraud")]);

        Assert.Equal(IncidentCategoryMap.Other, map.CategoryOf(type));
    }

    [Fact]
    public void Categories_AlwaysEndWithOther_WhenTheSettingsLeaveItOut()
    {
        var map = new IncidentCategoryMap([Category("fraud", "Fraud")]);

        Assert.Equal(["fraud", "other"], map.Categories.Select(c => c.Code));
        Assert.Equal("Прочее", map.Find("other")!.Name("ru"));
    }

    [Fact]
    public void New_ATypeInTwoCategories_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new IncidentCategoryMap([Category("fraud", "Fraud"), Category("other-theft", "fraud")]));

        Assert.Contains("fraud", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fraud")]
    [InlineData("public order")]
    [InlineData("-x")]
    [InlineData("")]
    public void New_ABadCode_IsRefused(string code) =>
        Assert.Throws<ArgumentException>(() => new IncidentCategoryMap([Category(code, "x")]));

    [Fact]
    public void New_ACategoryWithoutItsKazakhName_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new IncidentCategoryMap([new IncidentCategory("fraud", " ", "Мошенничество", "Fraud", "test", [])]));
}
