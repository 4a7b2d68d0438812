using System.Net;
using System.Text;
using Uchastok.Rules.Safety;

namespace Uchastok.Rules.Tests.Safety;

public sealed class DangerWordsTests
{
    [Theory]
    [InlineData("Подъезде мужчина с НОЖОМ")]
    [InlineData("Аулада біреу пышақпен жүр")] // Kazakh: someone walks with a knife in the yard
    [InlineData("ҮЙДЕ ӨРТ ШЫҚТЫ")] // Kazakh in capitals: a fire broke out in the house
    [InlineData("Көршіні ұрып жатыр")] // Kazakh phrase: they are beating the neighbour
    [InlineData("A man is BLEEDING near the bus stop")]
    [InlineData("Someone hurt, lying on the ground")]
    [InlineData("у соседей пожар, дым")]
    [InlineData("в парке драка, кровь на снегу")]
    public void Matches_TextThatReadsLikeDangerNow_InAnyOfTheThreeLanguagesAndCase(string text) =>
        Assert.True(DangerWords.Default.Matches(text), text);

    [Theory]
    [InlineData("Во дворе темно, фонарь не работает")]
    [InlineData("Во дворе не горят фонари третью неделю")] // lamps that do not burn are the commonest report, not a fire
    [InlineData("Аулада шам жанбайды")] // Kazakh: the lamp in the yard does not light
    [InlineData("Сломанная кровать выброшена у мусорки")] // кровать is not кровь
    [InlineData("Аулада жарық жоқ, қанша уақыт болды")] // қанша (how much) is not қан (blood)
    [InlineData("A car parked on the pavement every night")]
    [InlineData("")]
    [InlineData(null)]
    public void Matches_OrdinaryReports_DoNotAsk(string? text) => Assert.False(DangerWords.Default.Matches(text), text);

    [Fact]
    public void AnEntry_OfSeveralStems_MatchesOnlyConsecutiveWords()
    {
        var words = new DangerWords(["# comment", "", "not breath  # a phrase"]);

        Assert.Equal(1, words.Count);
        Assert.Equal("not breath", words.FirstMatch("he is NOT breathing"));
        Assert.Null(words.FirstMatch("not now, he is breathing"));
    }

    [Fact]
    public void TheShippedList_CoversKazakhRussianAndEnglish()
    {
        Assert.True(DangerWords.Default.Count > 60);
        Assert.Equal("пышақ", DangerWords.Default.FirstMatch("пышақ"));
        Assert.Equal("нож", DangerWords.Default.FirstMatch("нож"));
        Assert.Equal("knife", DangerWords.Default.FirstMatch("knife"));
    }
}

public sealed class SafetyCategoriesTests
{
    [Theory]
    [InlineData("suspicious-behaviour", SafetyCategory.SuspiciousBehaviour)]
    [InlineData(" Yard-Safety ", SafetyCategory.YardSafety)]
    [InlineData("UNLIT-PLACE", SafetyCategory.UnlitPlace)]
    [InlineData("drunk-driving", SafetyCategory.DrunkDriving)]
    [InlineData("other", SafetyCategory.Other)]
    public void Parse_KnownNames_InAnyCase(string name, SafetyCategory expected) => Assert.Equal(expected, SafetyCategories.Parse(name));

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("SuspiciousBehaviour")]
    [InlineData("fire")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_NumbersEnumNamesAndUnknown_AreRefused(string? name) => Assert.Null(SafetyCategories.Parse(name));

    [Fact]
    public void EveryCategory_RoundTripsThroughItsApiName()
    {
        foreach (var category in SafetyCategories.All) Assert.Equal(category, SafetyCategories.Parse(SafetyCategories.ApiName(category)));
    }
}
public sealed class SafetyPhotoTests
{
    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    [Fact]
    public void Clean_Jpeg_DropsGpsCameraXmpAndComment_KeepsTheImageAndTheOrientation()
    {
        var original = SafetyTestPhotos.JpegWithExif(orientation: 6);
        Assert.True(Contains(original, SafetyTestPhotos.Model));

        var clean = SafetyPhoto.Clean(original)!;

        Assert.Equal("image/jpeg", clean.ContentType);
        Assert.False(Contains(clean.Content, SafetyTestPhotos.Model));
        Assert.False(Contains(clean.Content, "GPSLatitude"));
        Assert.False(Contains(clean.Content, "taken at home"));
        Assert.False(Contains(clean.Content, "JFIF"));
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xE1], clean.Content[..4]);
        // The rewritten EXIF: the orientation entry (0x0112, SHORT, 1, value 6) and nothing else.
        Assert.Equal(0x22, (clean.Content[4] << 8) | clean.Content[5]);
        Assert.True(clean.Content.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06]) > 0);
        // Tables, frame, scan and its data (stuffed byte and restart included) are as they were.
        var scanStart = original.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDB]);
        Assert.True(clean.Content.AsSpan().EndsWith(original.AsSpan(scanStart)));
        // Cleaning is stable: a clean photo has nothing more to lose.
        Assert.Equal(clean.Content, SafetyPhoto.Clean(clean.Content)!.Content);
    }

    [Fact]
    public void Clean_JpegWithUprightOrientation_KeepsNoExifAtAll()
    {
        var clean = SafetyPhoto.Clean(SafetyTestPhotos.JpegWithExif(orientation: 1))!;

        Assert.False(Contains(clean.Content, "Exif"));
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xDB], clean.Content[..4]);
    }

    [Fact]
    public void Clean_Png_KeepsOnlyTheChunksThatDrawTheImage()
    {
        var clean = SafetyPhoto.Clean(SafetyTestPhotos.PngWithText())!;

        Assert.Equal("image/png", clean.ContentType);
        Assert.False(Contains(clean.Content, SafetyTestPhotos.Model));
        Assert.False(Contains(clean.Content, "tEXt"));
        Assert.False(Contains(clean.Content, "eXIf"));
        Assert.False(Contains(clean.Content, "tIME"));
        Assert.True(Contains(clean.Content, "IHDR") && Contains(clean.Content, "IDAT") && Contains(clean.Content, "IEND"));
    }

    [Fact]
    public void Check_RefusesWhatIsNotAJpegOrPngAndWhatIsTooLarge()
    {
        Assert.Equal(SafetyPhotoProblem.NotAnImage, SafetyPhoto.Check("%PDF-1.7"u8));
        Assert.Equal(SafetyPhotoProblem.NotAnImage, SafetyPhoto.Check("GIF89a"u8));
        Assert.Equal(SafetyPhotoProblem.Empty, SafetyPhoto.Check([]));
        Assert.Equal(SafetyPhotoProblem.TooLarge, SafetyPhoto.Check(new byte[SafetyPhoto.MaxBytes + 1]));
        Assert.Equal(SafetyPhotoProblem.None, SafetyPhoto.Check(SafetyTestPhotos.JpegWithExif()));
    }

    [Fact]
    public void Clean_TruncatedOrForgedFiles_AreNoPhoto()
    {
        var jpeg = SafetyTestPhotos.JpegWithExif();
        Assert.Null(SafetyPhoto.Clean(jpeg[..(jpeg.Length / 2)]));
        Assert.Null(SafetyPhoto.Clean([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 0x00]));
        var png = SafetyTestPhotos.PngWithText();
        Assert.Null(SafetyPhoto.Clean(png[..20]));
        Assert.Null(SafetyPhoto.Clean([.. png[..8], 0, 0, 0, 0, .. "tEXt"u8, 0, 0, 0, 0]));
    }
}
