using Uchastok.Rules.Prevention;

namespace Uchastok.Rules.Tests.Prevention;

public sealed class NeutralWordingTests
{
    [Theory]
    [InlineData("Здравствуйте! Перезвоните, пожалуйста, по номеру 8 727 000 00 00 до 18:00.")]
    [InlineData("Сәлеметсіз бе! Сізбен келісілген кездесу ертең сағат 10:00-де.")]
    [InlineData("Hello, your appointment is confirmed for Tuesday at 10:00.")]
    [InlineData("Ваша судьба в ваших руках: сотни людей уже записались, сотовый для связи указан ниже.")]
    [InlineData("Meet in the courtyard; bring your phone battery charger.")]
    [InlineData("")]
    [InlineData(null)]
    public void Check_NeutralTexts_Pass(string? text)
    {
        var check = NeutralWording.Check(text);

        Assert.True(check.IsNeutral, string.Join(", ", check.Words));
    }

    [Theory]
    [InlineData("По факту насилия в отношении вас", "насилия")]
    [InlineData("Материал о НАСИЛИИ направлен", "НАСИЛИИ")]
    [InlineData("Дело о побоях передано", "побоях")]
    [InlineData("Вызов в суд на 12 марта", "суд")]
    [InlineData("Протокол составлен", "Протокол")]
    [InlineData("Участковый полиции свяжется с вами", "полиции")]
    [InlineData("Вы признаны потерпевшей", "потерпевшей")]
    [InlineData("Отбасылық зорлық-зомбылық бойынша хабарлама", "зорлық")]
    [InlineData("Сотқа шақыру", "Сотқа")]
    [InlineData("Жәбірленушіге көмек", "Жәбірленушіге")]
    [InlineData("Хаттама толтырылды", "Хаттама")]
    [InlineData("zorlyk emes, корлау туралы", "корлау")]
    [InlineData("Otbasylyq zorlyq-zombylyq", "zorlyq")]
    [InlineData("Your abuser was warned", "abuser")]
    [InlineData("Domestic VIOLENCE support line", "VIOLENCE")]
    [InlineData("Court hearing on 12 March", "Court")]
    [InlineData("Re: police report", "police")]
    public void Check_TextsThatGiveTheCaseAway_AreRefusedNamingTheWord(string text, string word)
    {
        var check = NeutralWording.Check(text);

        Assert.False(check.IsNeutral);
        Assert.Contains(word, check.Words);
    }

    [Fact]
    public void Check_ReportsEveryOffendingWordInOrder()
    {
        Assert.Equal(["Насилие", "полиция", "суд"], NeutralWording.Check("Насилие: полиция направила материал в суд.").Words);
    }

    [Fact]
    public void Fold_KazakhLettersAndYo_BecomeTheirRussianLookAlikes()
    {
        Assert.Equal("жабирленуши", NeutralWording.Fold("ЖӘБІРЛЕНУШІ"));
        Assert.Equal("еж", NeutralWording.Fold("Ёж"));
        Assert.Equal("кукык бузушылык", NeutralWording.Fold("Құқық бұзушылық"));
    }

    [Fact]
    public void Entries_AreFoldedLowerCaseAndUnique()
    {
        foreach (var entry in NeutralWording.Entries)
        {
            var word = entry.TrimEnd('*');
            Assert.Equal(NeutralWording.Fold(word), word);
            Assert.True(word.Length >= 3, entry);
        }
        Assert.Equal(NeutralWording.Entries.Count, NeutralWording.Entries.Distinct().Count());
    }
}
