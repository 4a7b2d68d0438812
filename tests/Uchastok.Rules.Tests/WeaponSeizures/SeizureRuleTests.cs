using Uchastok.Rules.WeaponSeizures;

namespace Uchastok.Rules.Tests.WeaponSeizures;

public sealed class SeizureRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);

    private static SeizureItemDraft Pistol(string? series = "АБ", string? number = "123456") =>
        new("pistol", null, "самозарядный", "Ижмех", "ПМ", "9×18", series, number);

    private static SeizureDraft Draft(params SeizureItemDraft[] items) =>
        new(Today, items, [1], null, "ПР-17", null);

    [Fact]
    public void Check_APistolWithEveryField_IsSaved() => Assert.Empty(SeizureRule.Check(Draft(Pistol()), Today));

    [Theory]
    [InlineData("automatic-rifle")]
    [InlineData("hunting-gun")]
    [InlineData("pistol")]
    public void Check_AFirearmWithNothingButItsCategory_NamesAllSixFields(string category)
    {
        var problems = SeizureRule.Check(Draft(new SeizureItemDraft(category, null, null, null, " ", null, null, null)), Today);

        Assert.Equal(["items[0].type", "items[0].make", "items[0].model", "items[0].calibre", "items[0].series", "items[0].number"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(("required", 1, category), (p.Code, p.Item!.Value, p.Category!)));
    }

    [Fact]
    public void Check_APistolWithoutItsSeries_IsRefusedForTheSeriesOnly()
    {
        var problem = Assert.Single(SeizureRule.Check(Draft(Pistol(series: null)), Today));
        Assert.Equal(new SeizureProblem("items[0].series", "required", 1, "pistol", "series"), problem);
    }

    [Fact]
    public void Check_AFirearmCountedAsMoreThanOne_IsRefused_EachHasItsOwnNumber() =>
        Assert.Equal("firearmOne", Assert.Single(SeizureRule.Check(Draft(Pistol() with { Count = 2 }), Today)).Code);

    [Fact]
    public void Check_AmmunitionWithoutCountOrCalibre_NamesBoth()
    {
        var problems = SeizureRule.Check(Draft(new SeizureItemDraft("ammunition", null, null, null, null, null, null, null)), Today);
        Assert.Equal(["items[0].calibre", "items[0].count"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Check_AmmunitionWithCountAndCalibre_IsSaved() =>
        Assert.Empty(SeizureRule.Check(Draft(new SeizureItemDraft("ammunition", 120, null, null, null, "7.62×39", null, null)), Today));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1_000_001)]
    public void Check_ACountOutsideItsRange_IsRefused(int count) =>
        Assert.Equal("countRange", Assert.Single(SeizureRule.Check(Draft(new SeizureItemDraft("helmet", count, null, null, null, null, null, null)), Today)).Code);

    [Theory]
    [InlineData("grenade", "type")]
    [InlineData("explosive-device", "type")]
    public void Check_AGrenadeOrDeviceWithoutItsType_IsRefused(string category, string field) =>
        Assert.Equal($"items[0].{field}", Assert.Single(SeizureRule.Check(Draft(new SeizureItemDraft(category, 1, null, null, null, null, null, null)), Today)).Field);

    [Theory]
    [InlineData("body-armour")]
    [InlineData("helmet")]
    [InlineData("handcuffs")]
    [InlineData("magazine")]
    [InlineData("shield")]
    [InlineData("radio")]
    public void Check_EquipmentNeedsOnlyACount(string category)
    {
        Assert.Empty(SeizureRule.Check(Draft(new SeizureItemDraft(category, 2, null, null, null, null, null, null)), Today));
        Assert.Equal("items[0].count", Assert.Single(SeizureRule.Check(Draft(new SeizureItemDraft(category, null, null, null, null, null, null, null)), Today)).Field);
    }

    [Theory]
    [InlineData("Pistol")]
    [InlineData("3")]
    [InlineData("rocket")]
    [InlineData(null)]
    public void Check_ACategoryNotInThePapersList_IsRefused(string? category) =>
        Assert.Equal(new SeizureProblem("items[0].category", "category", 1), Assert.Single(SeizureRule.Check(Draft(new SeizureItemDraft(category, 1, null, null, null, null, null, null)), Today)));

    [Fact]
    public void Check_TextLongerThanAHundred_IsRefused() =>
        Assert.Equal("tooLong", Assert.Single(SeizureRule.Check(Draft(Pistol(number: new string('9', 101))), Today)).Code);

    [Fact]
    public void Check_NoItemsNoDeterminantNoProtocolAndAFutureDate_AreAllNamedAtOnce()
    {
        var problems = SeizureRule.Check(new SeizureDraft(Today.AddDays(1), [], [], null, "  ", null), Today);
        Assert.Equal([("seizedOn", "future"), ("items", "none"), ("determinants", "none"), ("protocolNumber", "protocolRequired")], problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Check_ALinkedProtocol_NeedsNoTypedNumber() =>
        Assert.Empty(SeizureRule.Check(Draft(Pistol()) with { ProtocolId = 5, ProtocolNumber = null }, Today));

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Check_ADeterminantOutsideTheTen_IsRefused(int code)
    {
        var problem = Assert.Single(SeizureRule.Check(Draft(Pistol()) with { Determinants = [1, code] }, Today));
        Assert.Equal(("determinants", "unknown"), (problem.Field, problem.Code));
    }

    [Theory]
    [InlineData("241500031000123", true)]
    [InlineData("1234", false)]
    [InlineData("24-1500", false)]
    [InlineData("123456789012345678901", false)]
    public void Check_TheIncidentNumber_IsDigitsOfTheRegister(string number, bool valid) =>
        Assert.Equal(valid, SeizureRule.Check(Draft(Pistol()) with { IncidentNumber = number }, Today).Count == 0);

    [Fact]
    public void Check_ADateBefore2000_IsRefused() =>
        Assert.Equal("tooOld", Assert.Single(SeizureRule.Check(Draft(Pistol()) with { SeizedOn = new DateOnly(1999, 12, 31) }, Today)).Code);
}

public sealed class SeizureCatalogueTests
{
    [Fact]
    public void Categories_AreThePapersTwelve_InItsOrder() =>
        Assert.Equal(["automatic-rifle", "hunting-gun", "pistol", "grenade", "explosive-device", "ammunition", "body-armour", "helmet", "handcuffs", "magazine", "shield", "radio"],
            SeizureCategories.All.Select(c => c.Code));

    [Fact]
    public void Determinants_AreTen_NumberedAsThePaper_WithThreeNamesEach()
    {
        Assert.Equal(Enumerable.Range(1, 10), SeizureDeterminants.All.Select(d => d.Code));
        Assert.All(SeizureDeterminants.All, d => Assert.True(d.NameKk.Length > 0 && d.NameRu.Length > 0 && d.NameEn.Length > 0 && d.NameKk != d.NameEn));
        Assert.Equal(6472, SeizureDeterminants.All[0].SourceLine);
        Assert.Equal(6504, SeizureDeterminants.All[9].SourceLine);
    }

    [Fact]
    public void PaperFigures_WeaponsAreItsFirearms_268()
    {
        Assert.Equal(268, SeizurePaperFigures.ItemsByCategory.Where(p => SeizureCategories.IsFirearm(p.Key)).Sum(p => p.Value));
        Assert.Equal(22, SeizurePaperFigures.FactsByRegion.Sum(r => r.Facts));
        Assert.Equal(11, SeizurePaperFigures.FactsByRegion.Count);
    }

    [Fact]
    public void Table_PutsCategoriesInColumns_DistrictsInRows_WithTotals_AndWeaponsAreFirearmsOnly()
    {
        var quarters = SeizureTable.Build(
            [new(1, "2026-Q4", "pistol", 1), new(1, "2026-Q4", "ammunition", 40), new(2, "2026-Q4", "hunting-gun", 2), new(2, "2026-Q3", "grenade", 3)],
            new Dictionary<(int, string), int> { [(1, "2026-Q4")] = 1, [(2, "2026-Q4")] = 2, [(2, "2026-Q3")] = 1 });

        Assert.Equal(["2026-Q4", "2026-Q3"], quarters.Select(q => q.Quarter));
        var q4 = quarters[0];
        Assert.Equal([1, 2], q4.Rows.Select(r => r.DistrictId));
        Assert.Equal([0, 0, 1, 0, 0, 40, 0, 0, 0, 0, 0, 0], q4.Rows[0].ByCategory);
        Assert.Equal(1, q4.Rows[0].Weapons);
        Assert.Equal([0, 2, 1, 0, 0, 40, 0, 0, 0, 0, 0, 0], q4.Totals);
        Assert.Equal((3, 3), (q4.TotalWeapons, q4.TotalCases));
    }
}
