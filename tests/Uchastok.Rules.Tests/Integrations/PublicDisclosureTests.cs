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
    public void Decide_WithoutConsent_ShowsOnlyTheBeatCentre()
    {
        var disclosure = PublicDisclosure.Decide(Facts(consent: false));
        Assert.True(disclosure.Listed);
        Assert.False(disclosure.ShowText);
        Assert.Equal((43.2490, 76.9250), (disclosure.Latitude!.Value, disclosure.Longitude!.Value));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decide_ASensitiveCategory_IsNotListedAtAll_WithOrWithoutConsent(bool consent)
    {
        Assert.Equal(new Disclosure(false, false, null, null), PublicDisclosure.Decide(Facts(sensitive: true, consent: consent)));
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

    [Theory]
    // The 2021 Kazakh Latin alphabet, passport transliteration (ICAO), and the older habits.
    [InlineData("Айгүл Сәрсенова", "Написала Aıgúl Sársenova из дома 12.")]
    [InlineData("Айгүл Сәрсенова", "Aigul Sarsenova is my name.")]
    [InlineData("Айгүл Сәрсенова", "Contact AYGUL SARSENOVA.")]
    [InlineData("Юлия Щербакова", "Iuliia Shcherbakova wrote this.")]
    [InlineData("Юлия Щербакова", "Yuliya Scherbakova wrote this.")]
    [InlineData("Ерлан Ахметов", "Erlan Akhmetov and Yerlan Ahmetovtyń neighbours.")]
    [InlineData("Дмитрий Жуков", "Dmitry Zhukov, Dmitrii Jukov.")]
    [InlineData("Нұрлан Қасымов", "Nurlan Qasymov, Nurlan Kasymov.")]
    public void Redact_BlanksALatinSpellingOfTheApplicantsCyrillicName(string name, string text)
    {
        var redacted = PublicDisclosure.Redact(text, [name]);

        // Every capitalised Latin word of these texts is a spelling of the name, except "Contact".
        var latinWords = System.Text.RegularExpressions.Regex.Matches(text, @"[A-Z]\p{L}+").Select(m => m.Value).Where(w => w != "Contact").ToList();
        Assert.NotEmpty(latinWords);
        Assert.All(latinWords, word => Assert.DoesNotContain(word, redacted, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(PublicDisclosure.Blank, redacted);
    }

    [Theory]
    [InlineData("Звоните 8 701 / 234 / 56 / 78 вечером", "234")]
    [InlineData("Тел.: 8.701.234.56.78", "234")]
    [InlineData("тел 8(701)234 56 78", "234")]
    [InlineData("Пишите aigul (at) mail.kz", "aigul")]
    [InlineData("Пишите aigul [at] mail [dot] kz", "aigul")]
    [InlineData("Пишите aigul собака mail.kz", "aigul")]
    [InlineData("Пишите aigul(собака)mail(точка)kz", "aigul")]
    [InlineData("write to aigul @ mail.kz please", "aigul")]
    public void Redact_BlanksPhonesWithSlashesAndObfuscatedEmails(string text, string personal)
    {
        var redacted = PublicDisclosure.Redact(text, []);

        Assert.DoesNotContain(personal, redacted, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("mail.kz", redacted.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Шум с 12.05.2026 по 13.05.2026, каждую ночь после 23:00.")]
    [InlineData("Началось 2026-05-12, продолжается 12/05/26.")]
    [InlineData("См. обращение ALM-2026-000123 и ALM-2025-004567.")]
    [InlineData("ул. Абая 150/2, кв. 45, дом 59, подъезд 3, этаж 7.")]
    [InlineData("Жаңа күн: 01.12.2026 сағат 22:30, үй 12а.")]
    [InlineData("We met Sara at the shop at 5 and talked about a dotted line.")]
    public void Redact_LeavesDatesAppealNumbersHouseNumbersAndPlainWordsAlone(string text)
    {
        Assert.Equal(text, PublicDisclosure.Redact(text, ["Айгүл Сәрсенова"]));
    }
}
