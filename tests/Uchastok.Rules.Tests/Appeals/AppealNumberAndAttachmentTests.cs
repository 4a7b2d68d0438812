using System.Text;
using Uchastok.Rules.Appeals;

namespace Uchastok.Rules.Tests.Appeals;

public sealed class AppealNumberTests
{
    [Fact]
    public void Format_PadsTheSequenceToSixDigits()
    {
        Assert.Equal("ALM-2026-000123", AppealNumber.Format("alm", 2026, 123));
        Assert.Equal("ALM-2026-1234567", AppealNumber.Format("ALM", 2026, 1_234_567));
    }

    [Theory]
    [InlineData(" alm-2026-000123 ", "ALM-2026-000123")]
    [InlineData("ALM–2026–000123", "ALM-2026-000123")]
    public void TryNormalize_AsTyped_GivesTheCanonicalNumber(string typed, string expected)
    {
        Assert.True(AppealNumber.TryNormalize(typed, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ALM-26-000123")]
    [InlineData("ALM-2026-12")]
    [InlineData("1; DROP TABLE")]
    public void TryNormalize_NotANumber_IsRefused(string typed)
    {
        Assert.False(AppealNumber.TryNormalize(typed, out _));
    }
}

public sealed class AttachmentRulesTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n");

    [Fact]
    public void Check_RealFilesWithMatchingNames_AreAccepted()
    {
        Assert.Equal(AttachmentProblem.None, AttachmentRules.Check("photo.JPG", Jpeg));
        Assert.Equal(AttachmentProblem.None, AttachmentRules.Check("photo.jpeg", Jpeg));
        Assert.Equal(AttachmentProblem.None, AttachmentRules.Check("screen.png", Png));
        Assert.Equal(AttachmentProblem.None, AttachmentRules.Check("letter.pdf", Pdf));
    }

    [Fact]
    public void Check_ExecutableNamedAsAPhoto_IsRefusedAsUnsupported()
    {
        Assert.Equal(AttachmentProblem.UnsupportedType, AttachmentRules.Check("photo.jpg", "MZ\x90\0\x03"u8.ToArray()));
    }

    [Fact]
    public void Check_PdfNamedAsAPhoto_IsRefusedAsALyingName()
    {
        Assert.Equal(AttachmentProblem.NameDoesNotMatchContent, AttachmentRules.Check("photo.jpg", Pdf));
        Assert.Equal(AttachmentProblem.NameDoesNotMatchContent, AttachmentRules.Check("photo.exe", Jpeg));
    }

    [Fact]
    public void Check_EmptyOrTooLarge_IsRefused()
    {
        Assert.Equal(AttachmentProblem.Empty, AttachmentRules.Check("a.jpg", []));
        var large = new byte[AttachmentRules.MaxBytes + 1];
        Jpeg.CopyTo(large, 0);
        Assert.Equal(AttachmentProblem.TooLarge, AttachmentRules.Check("a.jpg", large));
    }
}

public sealed class AppealRatingRulesTests
{
    private static Dictionary<ServiceQuality, int> All(int score) => Enum.GetValues<ServiceQuality>().ToDictionary(q => q, _ => score);

    [Fact]
    public void Check_AnsweredAndComplete_IsAccepted()
    {
        Assert.Equal(RatingProblem.None, AppealRatingRules.Check(AppealState.Answered, false, 5, All(4), "спасибо"));
        Assert.Equal(RatingProblem.None, AppealRatingRules.Check(AppealState.Closed, false, 1, All(1), null));
    }

    [Fact]
    public void Check_BeforeTheAnswer_Twice_OrOutOfRange_IsRefused()
    {
        Assert.Equal(RatingProblem.NotAnsweredYet, AppealRatingRules.Check(AppealState.InProgress, false, 5, All(5), null));
        Assert.Equal(RatingProblem.AlreadyRated, AppealRatingRules.Check(AppealState.Answered, true, 5, All(5), null));
        Assert.Equal(RatingProblem.ScoreOutOfRange, AppealRatingRules.Check(AppealState.Answered, false, 6, All(5), null));
        Assert.Equal(RatingProblem.ScoreOutOfRange, AppealRatingRules.Check(AppealState.Answered, false, 5, All(0), null));
        var missing = All(5);
        missing.Remove(ServiceQuality.Politeness);
        Assert.Equal(RatingProblem.QualityMissing, AppealRatingRules.Check(AppealState.Answered, false, 5, missing, null));
    }
}
