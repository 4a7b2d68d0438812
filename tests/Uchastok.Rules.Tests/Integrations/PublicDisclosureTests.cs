using Uchastok.Rules.Integrations;

namespace Uchastok.Rules.Tests.Integrations;

public sealed class PublicDisclosureTests
{
    private static DisclosureFacts Facts(bool aboutOfficer = false, bool sensitive = false, bool consent = true) =>
        new(aboutOfficer, sensitive, consent, 43.25123, 76.92177, 43.2490, 76.9250);

    [Fact]
    public void Decide_WithConsent_ShowsTheTextAndTheGridCentre()
    {
        var disclosure = PublicDisclosure.Decide(Facts());

        Assert.True(disclosure.Listed);
        Assert.True(disclosure.ShowText);
        Assert.Equal(PublicDisclosure.SnapToGrid(43.25123, 76.92177), (disclosure.Latitude!.Value, disclosure.Longitude!.Value));
    }

    [Fact]
    public void Decide_WithoutConsentOrInASensitiveCategory_ShowsOnlyTheBeatCentre()
    {
        foreach (var facts in new[] { Facts(consent: false), Facts(sensitive: true) })
        {
            var disclosure = PublicDisclosure.Decide(facts);
            Assert.True(disclosure.Listed);
            Assert.False(disclosure.ShowText);
            Assert.Equal((43.2490, 76.9250), (disclosure.Latitude!.Value, disclosure.Longitude!.Value));
        }
    }

    [Fact]
    public void Decide_AComplaintAboutAnOfficer_IsNotListedAtAll()
    {
        var disclosure = PublicDisclosure.Decide(Facts(aboutOfficer: true));

        Assert.Equal(new Disclosure(false, false, null, null), disclosure);
    }

    [Theory]
    [InlineData(43.25123, 76.92177)]
    [InlineData(43.2, 76.9)]
    [InlineData(42.99999, 77.30001)]
    public void SnapToGrid_MovesThePointToItsCellCentre_LessThanHalfADiagonalAway(double lat, double lon)
    {
        var (gridLat, gridLon) = PublicDisclosure.SnapToGrid(lat, lon);

        var north = (gridLat - lat) * 111_320;
        var east = (gridLon - lon) * 111_320 * Math.Cos(gridLat * Math.PI / 180);
        Assert.InRange(Math.Sqrt(north * north + east * east), 0, 71.0);
        // Every point of the cell lands on the same centre.
        Assert.Equal((gridLat, gridLon), PublicDisclosure.SnapToGrid(gridLat + 0.0001, gridLon - 0.0001));
    }

    [Fact]
    public void Redact_BlanksContactsIinsAndTheApplicantsNames_WithTheirEndings()
    {
        var text = "Меня зовут Жанар Тулегенова, пишите zhanar.t@mail.kz или звоните +7 (701) 555-12-34, ИИН 900101300027. "
            + "Жанарға ешкім келмеді. Дом 59, кв. 12.";

        var redacted = PublicDisclosure.Redact(text, ["Жанар Тулегенова"]);

        foreach (var personal in new[] { "Жанар", "Тулегенова", "zhanar", "555", "900101300027" })
            Assert.DoesNotContain(personal, redacted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Дом 59, кв. 12.", redacted, StringComparison.Ordinal);
        Assert.Contains("Меня зовут", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_CutsLongTextsTo4000Characters()
    {
        Assert.Equal(PublicDisclosure.MaxTextLength, PublicDisclosure.Redact(new string('а', 6000), []).Length);
    }
}
